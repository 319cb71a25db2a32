import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKbProblem } from "../../src/words/kb-problem.js";
import { KbInvalidError, lintKb, loadValidKb } from "../../src/faq/lint-kb.js";

function writeKb(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-kb-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function lintMessages(files: Record<string, string>): string[] {
  return lintKb(writeKb(files)).map(formatKbProblem);
}

const good = "- id: canteen\n  title: 食堂\n  answer: 每天开饭\n";

describe("lintKb", () => {
  it("accepts a well-formed knowledge base", () => {
    expect(lintMessages({ "a.yaml": good })).toEqual([]);
  });

  it("names the file and line of a missing answer", () => {
    const text = `${good}\n- id: elder-canteen\n  title: 长者食堂\n  questions: [几点开饭]\n`;
    expect(lintMessages({ "services.yaml": text })).toEqual(["services.yaml 第5行: 条目 elder-canteen: 缺少 answer"]);
  });

  it("reports an empty title on its own line", () => {
    expect(lintMessages({ "a.yaml": "- id: x\n  title: ''\n  answer: 好\n" })).toEqual([
      "a.yaml 第2行: 条目 x: title 是空的",
    ]);
  });

  it("reports a bad id format", () => {
    expect(lintMessages({ "a.yaml": "- id: Elder_Canteen\n  title: 食堂\n  answer: 好\n" })).toEqual([
      "a.yaml 第1行: 条目 Elder_Canteen: id “Elder_Canteen” 格式不对: 只能用小写字母、数字和 -",
    ]);
  });

  it("reports a missing id", () => {
    expect(lintMessages({ "a.yaml": "- title: 食堂\n  answer: 好\n" })).toEqual(["a.yaml 第1行: 缺少 id"]);
  });

  it("names both files of a duplicate id", () => {
    const messages = lintMessages({ "a.yaml": good, "b.yml": `- id: other\n  title: t\n  answer: a\n${good}` });
    expect(messages).toEqual(["b.yml 第4行: 条目 canteen: id 重复: a.yaml 第1行 和 b.yml 第4行"]);
  });

  it("reports wrong types for questions, tags and answer", () => {
    const text = "- id: x\n  title: t\n  answer:\n    a: 1\n  questions: 只有一句\n  tags: [ok, {a: 1}]\n";
    expect(lintMessages({ "a.yaml": text })).toEqual([
      "a.yaml 第4行: 条目 x: answer 应是一段文字",
      "a.yaml 第5行: 条目 x: questions 应是列表(每项一行,以 “- ” 开头)",
      "a.yaml 第6行: 条目 x: tags 第2项应是非空文字",
    ]);
  });

  it("reports bad YAML with file and line", () => {
    const [message, ...rest] = lintMessages({ "services.yaml": `${good}- id: b\n  title: [未闭合\n` });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^services\.yaml 第\d+行: YAML 格式错误: /);
  });

  it("reports a file that is not a list of entries", () => {
    expect(lintMessages({ "a.yaml": "id: x\ntitle: t\n" })).toEqual([
      "a.yaml 第1行: 文件内容应是条目列表,每个条目以 “- id:” 开头",
    ]);
  });

  it("reports an unreadable schedule and keeps readable ones as extra fields", () => {
    const text = `${good}  schedule:\n    - name: 午饭\n      when: 每天 11:00-12:30\n    - when: 看心情\n`;
    expect(lintMessages({ "a.yaml": text })).toEqual([
      "a.yaml 第5行: 条目 canteen: schedule 第2项的时间 “看心情” 看不懂,可写成 “每周六 9:00-11:00”、“每月第二个周三 上午”、“每月15日 19:00”",
    ]);
  });

  it("reports a missing path and an empty folder", () => {
    expect(lintKb("/nonexistent/kb").map(formatKbProblem)).toEqual(["找不到知识库: /nonexistent/kb"]);
    const dir = mkdtempSync(join(tmpdir(), "linli-kb-"));
    mkdirSync(join(dir, "empty"));
    expect(lintKb(join(dir, "empty")).map((p) => p.message)).toEqual(["文件夹里没有 .yaml 或 .yml 文件"]);
  });

  it("refuses to load a knowledge base with problems, listing them", () => {
    const dir = writeKb({ "a.yaml": "- id: x\n  title: t\n" });
    expect(() => loadValidKb(dir)).toThrow(KbInvalidError);
    expect(() => loadValidKb(dir)).toThrow(/a\.yaml 第1行: 条目 x: 缺少 answer/);
  });
});
