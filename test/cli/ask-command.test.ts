import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function runCli(args: string[], input: string) {
  return spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });
}

describe("linli ask", () => {
  it("answers JSON Lines in order, with errors for bad lines and nothing else on stdout", () => {
    const input = [
      JSON.stringify({ id: "q1", text: "长者食堂中午几点吃饭" }),
      "这不是 JSON",
      JSON.stringify({ id: "q3" }),
      "",
      JSON.stringify({ id: "q4", text: "最近股票能买吗" }),
      JSON.stringify({ id: "q5", text: "这周六有什么活动" }),
    ].join("\n");
    const run = runCli(["ask", "--kb", "demo/kb", "--now", "2026-11-27T20:30:00Z"], `${input}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ id: "q1", faq: "canteen" });
    expect(Object.keys(lines[0])).toEqual(["id", "faq", "score", "answer"]);
    expect(lines[0].score).toBeGreaterThan(0.5);
    expect(lines[1]).toEqual({ id: null, error: "这一行不是合法的 JSON" });
    expect(lines[2]).toEqual({ id: "q3", error: "缺少字符串字段 text" });
    expect(lines[3]).toEqual({ id: null, error: "这一行是空的" });
    expect(lines[4]).toMatchObject({ id: "q4", faq: null, answer: null });
    expect(lines[5].answer).toContain("11月28日(周六)");
  });

  it("hands over what an entry's not: lines fence off, and still answers what it covers", () => {
    const input = [
      JSON.stringify({ id: "train", text: "老年证坐高铁能打折吗" }),
      JSON.stringify({ id: "bus", text: "老年证坐公交免费吗" }),
      JSON.stringify({ id: "car", text: "小区有没有给电动汽车充电的地方" }),
      JSON.stringify({ id: "ebike", text: "电动车在哪充电" }),
    ].join("\n");
    const run = runCli(["ask", "--kb", "demo/kb"], `${input}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.id, l.faq])).toEqual([
      ["train", null],
      ["bus", "elder-card"],
      ["car", null],
      ["ebike", "ebike-shed"],
    ]);
  });

  it("refuses a knowledge base with problems: message on stderr, exit 2", () => {
    const run = runCli(["ask", "--kb", "test/faq/fixtures/broken-kb"], "");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("bad.yaml 第1行: 条目 broken: 缺少 answer");
  });
});

describe("linli kb lint", () => {
  it("passes the demo knowledge base", () => {
    const run = runCli(["kb", "lint", "demo/kb"], "");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^知识库检查通过: \d+ 条\n$/);
  });

  it("prints problems and exits 1", () => {
    const run = runCli(["kb", "lint", "test/faq/fixtures/broken-kb"], "");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("bad.yaml 第1行: 条目 broken: 缺少 answer");
  });
});
