import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { loadKb } from "../../src/faq/load-kb.js";
import { findUncoveredWords } from "../../src/faq/uncovered-words.js";

const kb = fileURLToPath(new URL("../fixtures/kb", import.meta.url));
const now = new Date("2026-11-27T02:00:00Z");
let index: FaqIndex;

beforeAll(() => {
  index = createFaqIndex(loadKb(kb).entries);
});

// An entry's text as the gate reads it: normalized, without spaces.
const canteen = "长者食堂在党群服务中心一楼,午餐11:00-12:30,套餐15元,老人凭助餐卡优惠";

describe("the asked-for thing the best entry never states", () => {
  it("hands a question about something the entry never mentions to a person", () => {
    const answer = index.answer("长者食堂能做寿司吗", now);
    expect(answer.entry).toBeNull();
    expect(answer.uncovered).toContain("寿司");
    expect(answer.candidates[0]?.id).toBe("elder-canteen");
  });

  it("hands over when the reading room is asked for a device it never lends", () => {
    const answer = index.answer("阅览室能借电子书阅读器吗", now);
    expect(answer.entry).toBeNull();
    expect(answer.uncovered).toContain("阅读器");
  });

  it("still answers what the entry does state", () => {
    expect(index.answer("阅览室一次能借几本书", now).entry?.id).toBe("reading-room");
    expect(index.answer("长者食堂中午几点开饭 一顿多少钱", now).entry?.id).toBe("elder-canteen");
  });

  it("reads the story before the asking clause as context, not as what is asked", () => {
    const words = findUncoveredWords("昨天在外面吃了烤鸭 长者食堂几点开饭", canteen).map((u) => u.word);
    expect(words).not.toContain("烤鸭");
    expect(findUncoveredWords("长者食堂能做烤鸭吗", canteen).map((u) => u.word)).toContain("烤鸭");
    expect(index.answer("昨天在外面吃了烤鸭 长者食堂几点开饭", now).entry?.id).toBe("elder-canteen");
  });

  it("never counts question words, times, prices or the community itself", () => {
    expect(findUncoveredWords("社区长者食堂周末几点开门 收费不 要带啥材料", canteen)).toEqual([]);
  });

  it("weighs how particular the word is: a rare dish more than a common word", () => {
    const [first] = findUncoveredWords("长者食堂能做寿司吗 能开始吗", canteen);
    expect(first?.word).toBe("寿司");
    expect(first!.weight).toBeGreaterThan(10);
  });
});

describe("a different deal on the same thing", () => {
  it("hands over buying or selling a parking space: the entry rents permits, it sells nothing", () => {
    for (const question of ["小区地下车位多少钱一个 能买吗", "车位卖不卖"]) {
      const answer = index.answer(question, now);
      expect(answer.entry).toBeNull();
      expect(answer.candidates[0]?.id).toBe("parking-permit");
    }
  });

  it("hands over hiring staff, but answers joining a team that welcomes newcomers", () => {
    const hiring = index.answer("长者食堂招不招厨师", now);
    expect(hiring.entry).toBeNull();
    expect(index.answer("模特队还招人吗", now).entry?.id).toBe("dance-team");
  });

  it("hands over taking things in (buying old goods, selling on behalf) when the entry never says it does", () => {
    const answer = index.answer("彩虹维修队收不收坏了的洗衣机", now);
    expect(answer.entry).toBeNull();
    expect(answer.uncovered).toContain("收");
    // A fee or people taken in are not things: "收不收费" is the amount gate's, "收不收人" the 招 one's.
    expect(findUncoveredWords("食堂收不收现金", canteen).map((u) => u.word)).not.toContain("收");
    expect(findUncoveredWords("一年级的孩子收不收", canteen).map((u) => u.word)).not.toContain("收");
  });

  it("takes a longer word as stated only when two of its characters stand together in the entry", () => {
    // "保管费": 保, 管 and 费 are all in the text, but only apart (保存, 管理, 免费).
    const station = "驿站代收免费,包裹保存7天,物业管理处在北门";
    expect(findUncoveredWords("快递放久了收不收保管费", station).map((u) => u.word)).toContain("保管费");
    expect(findUncoveredWords("快递放久了要交保存费吗", station).map((u) => u.word)).not.toContain("保存费");
  });

  it("still answers the deal the entry offers", () => {
    expect(index.answer("停车年卡多少钱", now).entry?.id).toBe("parking-permit");
  });
});
