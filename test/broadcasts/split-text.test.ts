import { describe, expect, it } from "vitest";
import { byteLength, splitText, WECOM_ROBOT_MAX_BYTES } from "../../src/broadcasts/split-text.js";

function withoutBlanks(text: string): string {
  return text.replace(/\s+/g, "");
}

describe("splitText", () => {
  it("leaves a short text whole", () => {
    expect(splitText("明天上午9点停水，请提前储水。", WECOM_ROBOT_MAX_BYTES)).toEqual([
      "明天上午9点停水，请提前储水。",
    ]);
  });

  it("cuts after the last sentence end that fits", () => {
    // Each sentence is 7 chars = 21 bytes; 50 bytes holds two.
    const text = "今天社区义诊。地点在活动室。请带医保卡。";
    expect(splitText(text, 50)).toEqual(["今天社区义诊。地点在活动室。", "请带医保卡。"]);
  });

  it("keeps a closing quote with its sentence", () => {
    expect(splitText("王阿姨说：“谢谢大家。”小区更美了。", 45)).toEqual(["王阿姨说：“谢谢大家。”", "小区更美了。"]);
  });

  it("cuts at a comma when a sentence is too long, and hard-cuts a text with no punctuation", () => {
    expect(splitText("请各位居民注意，明天上午九点到十二点停水，请提前储水", 40)).toEqual([
      "请各位居民注意，",
      "明天上午九点到十二点停水，",
      "请提前储水",
    ]);
    expect(splitText("一二三四五六七八九十", 12)).toEqual(["一二三四", "五六七八", "九十"]);
  });

  it("drops the line break it cut at", () => {
    expect(splitText("第一行通知\n第二行通知", 20)).toEqual(["第一行通知", "第二行通知"]);
  });

  it("never splits an emoji family or a surrogate pair", () => {
    const family = "👨‍👩‍👧";
    const pieces = splitText(`好${family}好${family}好`, 20);
    expect(pieces.join("")).toBe(`好${family}好${family}好`);
    for (const piece of pieces) expect(piece).not.toMatch(/^\u200d|\u200d$/);
    expect(splitText("😀😀😀", 4)).toEqual(["😀", "😀", "😀"]);
  });

  it("keeps every piece within the byte limit and loses no text, for a long mixed broadcast", () => {
    const sentence = "各位居民好，本周六上午9:00在社区广场举办义诊活动（血压、血糖免费测）！欢迎参加。\n";
    const text = sentence.repeat(60);
    const pieces = splitText(text, WECOM_ROBOT_MAX_BYTES);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(byteLength(piece)).toBeLessThanOrEqual(WECOM_ROBOT_MAX_BYTES);
      expect(piece.endsWith("。")).toBe(true);
    }
    expect(withoutBlanks(pieces.join(""))).toBe(withoutBlanks(text));
  });

  it("returns nothing for a blank text and refuses a limit below one character", () => {
    expect(splitText("  \n ", 100)).toEqual([]);
    expect(() => splitText("好", 3)).toThrow(RangeError);
  });
});
