import { describe, expect, it } from "vitest";
import { parseSmallNumber, readNumber, writeNumbersInDigits } from "../../src/text/chinese-number.js";

describe("Chinese numerals", () => {
  it("reads addresses in words or digits, room numbers digit by digit", () => {
    expect(["12", "十二", "二十一", "五零一", "幺零二", "一百零八", "三楼"].map(readNumber)).toEqual([
      "12",
      "12",
      "21",
      "501",
      "102",
      "108",
      null,
    ]);
  });

  it("reads small numbers for times and dates, but not a run of digits like a room", () => {
    expect(["8", "八", "十", "十二", "二十三", "两", "二三"].map(parseSmallNumber)).toEqual([
      8,
      8,
      10,
      12,
      23,
      2,
      null,
    ]);
  });

  it("writes ages, dates and sums in digits as notices do, and leaves 一起 and 一块去 alone", () => {
    expect(writeNumbersInDigits("八十岁老人十五号领两块钱")).toBe("80岁老人15号领2元");
    expect(writeNumbersInDigits("我们一起一块去")).toBe("我们一起一块去");
  });
});
