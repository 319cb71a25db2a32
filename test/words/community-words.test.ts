// A community extends the built-in word lists with words.yaml in its knowledge-base folder:
// `linli ask --kb`, `linli kb import` (kept in the database, so a restart still has them) and
// the FAQ service rebuilt from the store all read them; `linli kb lint` checks them with file and line.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFaqService } from "../../src/faq/faq-service.js";
import { importKb } from "../../src/faq/import-kb.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaKbStore } from "../../src/store/prisma-kb-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const communityKb = fileURLToPath(new URL("./fixtures/community-kb", import.meta.url));
const question = "大排档几点开";

function runCli(args: string[], input = "") {
  return spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** The same entries with no words.yaml beside them. */
function kbWithoutWords(): string {
  const dir = join(tmp.dir, "plain-kb");
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(communityKb, "kb.yaml"), join(dir, "kb.yaml"));
  return dir;
}

describe("a community's words.yaml", () => {
  it("lets `linli ask --kb` answer a question in the community's own word, which it cannot without", () => {
    const ask = (kb: string) =>
      JSON.parse(runCli(["ask", "--kb", kb], `${JSON.stringify({ id: 1, text: question })}\n`).stdout);
    expect(ask(kbWithoutWords()).faq).toBeNull();
    expect(ask(communityKb).faq).toBe("night-market");
  });

  describe("imported into the database", () => {
    let database: OpenedDatabase;
    beforeEach(async () => {
      database = await openDatabase(`file:${tmp.dir}/linli.db`);
    });
    afterEach(async () => {
      await database.close();
    });

    const service = () =>
      createFaqService({
        kb: createPrismaKbStore(database.db),
        handovers: {} as never,
        outbox: {} as never,
        clock: { now: () => new Date("2026-11-27T02:00:00Z") },
        logger: { debug() {}, info() {}, warn() {}, error() {} },
      });

    it("is kept with the knowledge base, so the bot answers with it after a restart, and a re-import without it drops it", async () => {
      await importKb(communityKb, createPrismaKbStore(database.db));
      await database.close();
      database = await openDatabase(`file:${tmp.dir}/linli.db`);
      const restarted = service();
      await restarted.rebuild();
      expect(restarted.ask(question).entry?.id).toBe("night-market");

      await importKb(kbWithoutWords(), createPrismaKbStore(database.db));
      const plain = service();
      await plain.rebuild();
      expect(plain.ask(question).entry).toBeNull();
    });
  });

  it("is checked by `linli kb lint`: a bad line is named with its file and line", () => {
    const dir = kbWithoutWords();
    writeFileSync(
      join(dir, "words.yaml"),
      "synonyms:\n  夜市: [大排档]\ndialect:\n  俺: [我, 咱]\nplaces:\n  - 幸福里\n",
    );
    const run = runCli(["kb", "lint", dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("words.yaml 第4行: dialect 的每一项应是 “原来的写法: 标准的写法”");
    expect(run.stdout).toContain("words.yaml 第5行: 不认识的类别 “places”");
    expect(run.stdout).toContain("知识库有 2 处问题");
  });

  it("passes lint when well formed, and is not read as knowledge-base entries", () => {
    const run = runCli(["kb", "lint", communityKb]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("知识库检查通过: 3 条\n");
  });
});
