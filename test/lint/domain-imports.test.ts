// The README says domain code knows neither transport nor database nor model; biome.json's
// noRestrictedImports override checks it. This runs the real biome on the real biome.json,
// against probe files laid out like the repository in a temporary folder.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/grpc-harness.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const biome = join(root, "node_modules/.bin/biome");

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  copyFileSync(join(root, "biome.json"), join(tmp.dir, "biome.json"));
});
afterEach(() => tmp.cleanup());

function lint(files: Record<string, string>): { ok: boolean; output: string } {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), text);
  }
  const r = spawnSync(biome, ["lint", "--max-diagnostics=200", "src"], { cwd: tmp.dir, encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const probe = (from: string) => `import x from "${from}";\n\nexport const y = x;\n`;

describe("domain folders import no adapter", () => {
  const forbidden = [
    "@prisma/client",
    "@prisma/adapter-pg",
    "wechaty",
    "wechaty/impls",
    "wechaty-puppet",
    "better-sqlite3",
    "pg",
    "openai",
    "node-cron",
    "../store/prisma-ticket-store.js",
    "../llm/openai-llm.js",
    "../schedule/timer.js",
    "../channels/wecom-webhook.js",
    "../features/tickets.js",
    "../../generated/sqlite/client.js",
  ];

  it.each([
    "tickets",
    "broadcasts",
    "faq",
    "understand",
    "people",
    "follow-up",
    "reports",
  ])("refuses them in src/%s, naming file and line", (room) => {
    const files = Object.fromEntries(forbidden.map((f, i) => [`src/${room}/probe-${i}.ts`, probe(f)]));
    files[`src/${room}/lexicon/deep.ts`] = probe("../../store/open-database.js");
    const r = lint(files);
    expect(r.ok).toBe(false);
    for (let i = 0; i < forbidden.length; i++) {
      expect(r.output).toMatch(new RegExp(`src/${room}/probe-${i}\\.ts:1:\\d+ lint/style/noRestrictedImports`));
    }
    expect(r.output).toMatch(new RegExp(`src/${room}/lexicon/deep\\.ts:1:\\d+ lint/style/noRestrictedImports`));
  });

  it("lets domain code import its own ports, other domain rooms and core", () => {
    const r = lint({
      "src/tickets/a.ts": probe("./ticket-store.js"),
      "src/faq/b.ts": probe("../faq/handover-store.js"),
      "src/broadcasts/c.ts": probe("../core/llm.js"),
      "src/understand/d.ts": probe("../text/quote.js"),
    });
    expect(r.output).not.toContain("noRestrictedImports");
  });

  it("lets adapters and wiring import them", () => {
    const r = lint({
      "src/store/a.ts": probe("@prisma/client"),
      "src/llm/b.ts": probe("openai"),
      "src/schedule/c.ts": probe("node-cron"),
      "src/features/d.ts": probe("../store/prisma-kb-store.js"),
      "src/channels/e.ts": probe("wechaty"),
    });
    expect(r.output).not.toContain("noRestrictedImports");
  });
});
