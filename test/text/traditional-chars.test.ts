import { describe, expect, it } from "vitest";
import { normalizeText as normalizeQuestion } from "../../src/faq/normalize-text.js";
import { toSimplified } from "../../src/text/traditional-chars.js";
import { normalizeText as normalizeMessage } from "../../src/understand/normalize-text.js";

describe("traditional to simplified", () => {
  it("writes what phones set to traditional type in simplified characters", () => {
    expect(toSimplified("樓道燈壞了，請幫忙")).toBe("楼道灯坏了，请帮忙");
  });

  it("is one table: the FAQ and the message parser read the same traditional words the same way", () => {
    // 週 and 樂 were known to the FAQ's table only, 燈 and 壞 to the parser's.
    const typed = "週末樂團在樓下，燈壞了";
    expect(normalizeMessage(typed)).toContain("周末乐团在楼下");
    expect(normalizeMessage(typed)).toContain("灯坏了");
    expect(toSimplified(typed)).toBe("周末乐团在楼下，灯坏了");
    expect(normalizeQuestion("燈壞了")).toBe(normalizeQuestion("灯坏了"));
  });
});
