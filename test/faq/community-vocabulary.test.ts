import { readLabelledQuestions, scoreAnswers } from "../../src/faq/score-answers.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { normalizeText } from "../../src/faq/normalize-text.js";
import { listRelatedKeys } from "../../src/faq/related-words.js";
import { builtInWords } from "../../src/words/active-words.js";
import { fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

const now = new Date("2026-11-25T02:00:00Z");

let index: FaqIndex;
beforeAll(() => {
  index = createFaqIndex(loadTestKb(fixtureKbPath));
});

function answerId(question: string): string | null {
  return index.answer(question, now).entry?.id ?? null;
}

describe("community vocabulary", () => {
  it("folds every variant onto a word that stays put", () => {
    for (const canonical of Object.keys(builtInWords().synonyms)) {
      expect(normalizeText(canonical).replace(/\s+/g, "")).toBe(canonical);
    }
  });

  it("has related-word keys that folded text can contain", () => {
    for (const key of listRelatedKeys()) expect(normalizeText(key).replace(/\s+/g, "")).toBe(key);
  });

  it("reads an A-not-AB question as the word AB the answer writes whole, only where AB is a word", () => {
    expect(normalizeText("便民大厅中午休不休息")).toContain("休息");
    expect(normalizeText("菜站礼拜天开不开门")).not.toContain("开不开");
    // 能当 and 收人 are no words: the pair stays for the gates that read it.
    expect(normalizeText("老年证能不能当饭卡")).toContain("能不能");
    expect(normalizeText("合唱队收不收人")).toContain("收不收");
    expect(answerId("办事大厅中午休不休息 我想一点钟去")).toBe("service-hall");
  });

  it("leaves a short form alone where it begins a longer word: 太极剑 is no 太极拳剑", () => {
    expect(normalizeText("想学太极剑")).toContain("太极剑");
    expect(normalizeText("周末打太极去")).toContain("太极拳");
    expect(normalizeText("礼拜六上午")).toContain("周六");
    // Not what the taichi team's entry says it teaches: a person answers.
    expect(answerId("太极拳队那边有没有人带着练太极剑")).toBeNull();
  });

  it("writes ages, dates and money in digits, as the knowledge base does", () => {
    expect(normalizeText("八十五岁")).toBe("85岁");
    expect(normalizeText("每月十五号")).toBe("每月15号");
    expect(normalizeText("两块钱")).toBe("2元");
    expect(normalizeText("我们一块去")).toBe("我们一块去");
  });

  it.each([
    ["老人腿脚不好下不了楼 能把饭送到家里吗", "meal-delivery"],
    ["大夫能到家里来给老人看看吗", "medical-home-visit"],
    ["想吃低保 去哪办", "dibao"],
    ["敬老卡在哪办", "senior-card"],
    ["电驴子在哪充电", "ebike-charging"],
    ["废电池扔哪", "garbage-sorting"],
    ["附近哪能取钱", "service-circle"],
    ["夜里老睡不着 心里烦 社区有人能聊聊吗", "psychological-aid"],
  ])("understands everyday words: %s → %s", (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  // The canteen says 老人 and 免费 more often; the health station's sentences are where 老人, 免费 and 体检
  // meet, so it ranks first.
  it("ranks first the entry that names the thing asked about: 老人想免费体检 去哪 → health-station", () => {
    expect(index.explain("老人想免费体检 去哪")[0]?.id).toBe("health-station");
  });

  // "时间银行" is the volunteers' time credit, not a bank: a question about the bank finds the service
  // circle, and one about the time bank still finds its entry.
  it.each([
    ["最近的银行在哪 能取钱吗", "service-circle"],
    ["时间银行攒的时间咋用", "time-bank"],
  ])("keeps a coined name whole: %s → %s", (question, id) => {
    expect(index.explain(question)[0]?.id).toBe(id);
  });

  it.each([
    "宽带坏了找哪个师傅修",
    "附近有没有好吃的火锅店",
    "给宠物狗打疫苗去哪",
  ])("hands over a question about something no entry knows: %s", (question) => {
    expect(answerId(question)).toBeNull();
  });
});

describe("quality on the colloquial own set (written before the vocabulary work)", () => {
  it("stays at or above the answer targets it reached", () => {
    const rows = readLabelledQuestions(new URL("./fixtures/colloquial-questions.jsonl", import.meta.url));
    const s = scoreAnswers(rows.map((row) => ({ expected: row.faq, got: answerId(row.text) })));
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });
});
