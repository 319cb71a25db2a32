import { describe, expect, it } from "vitest";
import { normalizeText as normalizeQuestion } from "../../src/faq/normalize-text.js";
import { stripEmoji } from "../../src/text/emoji.js";
import { normalizeText as normalizeMessage } from "../../src/understand/normalize-text.js";

describe("emoji", () => {
  it("drops WeChat face codes and picture emoji, keeps bracketed words that are not faces", () => {
    expect(stripEmoji("灯坏了[流泪][Facepalm]😭👍🏻").trim()).toBe("灯坏了");
    expect(stripEmoji("请到[3号楼]门口")).toBe("请到[3号楼]门口");
  });

  it("reads a six-character code the same in the FAQ and in the message parser", () => {
    const text = "楼道灯坏了[我想静静了吧]";
    expect(normalizeMessage(text)).toBe("楼道灯坏了");
    expect(normalizeQuestion(text).trim()).toBe(normalizeQuestion("楼道灯坏了").trim());
  });
});
