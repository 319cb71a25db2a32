import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/understand/normalize-text.js";
import { maskForModel } from "../../src/understand/mask-for-model.js";

describe("normalizeText", () => {
  it("turns full-width digits and letters half-width", () => {
    expect(normalizeText("７号楼ＡＢ！")).toBe("7号楼AB!");
  });
  it("maps traditional characters to simplified", () => {
    expect(normalizeText("樓道燈壞了")).toBe("楼道灯坏了");
  });
  it("drops WeChat emoji codes, picture emoji and mentions", () => {
    expect(normalizeText("@邻里管家\u2005灯坏了[捂脸]👍")).toBe("灯坏了");
    expect(normalizeText("@王书记灯坏了")).toBe("灯坏了");
  });
  it("fixes homophone slips", () => {
    expect(normalizeText("楼到灯不亮 下水到堵了 暖器不热")).toBe("楼道灯不亮 下水道堵了 暖气不热");
  });
});

describe("maskForModel", () => {
  it("removes phone numbers, ID numbers and names", () => {
    const masked = maskForModel("我叫李秀兰 电话138 1234 5678 身份证110101195001011234 找王大爷和老张");
    expect(masked).not.toMatch(/1381234|138 1234|110101|李秀兰|王大爷|老张/);
    expect(masked).toContain("[电话]");
    expect(masked).toContain("某大爷");
  });
});
