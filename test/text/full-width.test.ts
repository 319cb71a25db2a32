import { describe, expect, it } from "vitest";
import { halfWidthDigits, normalizeWidth } from "../../src/text/full-width.js";

describe("full-width forms", () => {
  it("writes IME full-width ASCII and odd spaces as plain ASCII, keeping every index", () => {
    const typed = "每天８：００\u3000［群Ａ，群Ｂ］@管家\u2005好";
    const plain = normalizeWidth(typed);
    expect(plain).toBe("每天8:00 [群A,群B]@管家 好");
    expect(plain).toHaveLength(typed.length);
  });

  it("can fold the digits alone, leaving full-width punctuation as typed", () => {
    expect(halfWidthDigits("完成 １２ 修好了！")).toBe("完成 12 修好了！");
  });
});
