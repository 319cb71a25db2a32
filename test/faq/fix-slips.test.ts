import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { createSlipFixer } from "../../src/faq/fix-slips.js";
import { loadKb } from "../../src/faq/load-kb.js";

const kb = fileURLToPath(new URL("../fixtures/kb", import.meta.url));
const now = new Date("2026-11-27T02:00:00Z");
let index: FaqIndex;

beforeAll(() => {
  index = createFaqIndex(loadKb(kb).entries);
});

describe("a one-character slip in a term of the knowledge base", () => {
  it("answers a question that types the coined name with a homophone", () => {
    expect(index.answer("老年正丢了能补办吗", now).entry?.id).toBe("senior-card");
    expect(index.answer("物叶服务中心电话多少", now).entry?.id).toBe("property-center");
    expect(index.answer("阅览室周日几点观门", now).entry?.id).toBe("reading-room");
  });

  it("reads the slip as the term", () => {
    const fixer = createSlipFixer(["业委会", "暖心卡", "居住证明", "证明", "关门", "老年证"]);
    expect(fixer.fix("业为会多久开一次会")).toBe("业委会多久开一次会");
    expect(fixer.fix("想给我妈办张暖新卡")).toBe("想给我妈办张暖心卡");
    expect(fixer.fix("孩子上学要开居住证名")).toBe("孩子上学要开居住证明");
    expect(fixer.fix("开个证名要带啥")).toBe("开个证明要带啥");
  });

  it("leaves words that are words, halves of words and slips that do not sound alike", () => {
    const fixer = createSlipFixer(["证明", "关门", "老年证", "在职", "居住", "服务站"]);
    // 说明 is a word of its own; 我明 takes half of 明天; 老年正 would take half of 正在.
    expect(fixer.find("说明书丢了")).toEqual([]);
    expect(fixer.find("我明天去办老年证")).toEqual([]);
    expect(fixer.find("老年正在哪办")).toEqual([]);
    // 哪 and 职, 人 and 居 sound nothing alike: no slip of 在职 or 居住.
    expect(fixer.find("网格员在哪 我一个人住")).toEqual([]);
    expect(fixer.find("做志愿服务攒了好多时间")).toEqual([]);
  });

  it("guesses nothing when two terms fit", () => {
    const fixer = createSlipFixer(["关门", "观闷"]);
    expect(fixer.find("几点观门")).toEqual([]);
  });
});
