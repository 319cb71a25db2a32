// `linli kb import` as staff run it: a spawned CLI on a real SQLite file named by DATABASE_URL.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/grpc-harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function importKb(path: string) {
  return spawnSync(tsx, ["src/cli/main.ts", "kb", "import", path], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: `file:${tmp.dir}/linli.db` },
  });
}

async function rows() {
  const database = await openDatabase(`file:${tmp.dir}/linli.db`);
  try {
    return await database.db.kbEntry.findMany({ orderBy: { id: "asc" } });
  } finally {
    await database.close();
  }
}

describe("linli kb import", () => {
  it("imports the demo knowledge base, and a re-import updates without duplicates", async () => {
    const first = importKb("demo/kb");
    expect(first.status).toBe(0);
    const count = (await rows()).length;
    expect(count).toBeGreaterThan(10);
    expect(first.stdout).toBe(`导入完成: 新增 ${count} 条, 更新 0 条, 共 ${count} 条\n`);

    const again = importKb("demo/kb");
    expect(again.stdout).toBe(`导入完成: 新增 0 条, 更新 ${count} 条, 共 ${count} 条\n`);
    expect((await rows()).length).toBe(count);
  });

  it("updates a changed answer and adds a new entry", async () => {
    const file = `${tmp.dir}/kb.yaml`;
    writeFileSync(file, "- id: canteen\n  title: 食堂\n  answer: 11点开饭\n");
    expect(importKb(file).status).toBe(0);
    writeFileSync(
      file,
      "- id: canteen\n  title: 食堂\n  answer: 11点半开饭\n- id: clinic\n  title: 卫生室\n  answer: 8点开门\n",
    );
    expect(importKb(file).stdout).toBe("导入完成: 新增 1 条, 更新 1 条, 共 2 条\n");
    expect((await rows()).map((r) => [r.id, r.answer])).toEqual([
      ["canteen", "11点半开饭"],
      ["clinic", "8点开门"],
    ]);
  });

  it("refuses a knowledge base with problems: the lint messages, exit 2, no database written", () => {
    const run = importKb("test/faq/fixtures/broken-kb");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("bad.yaml 第1行: 条目 broken: 缺少 answer");
    expect(existsSync(`${tmp.dir}/linli.db`)).toBe(false);
  });
});
