import { readLabelledQuestions, scoreAnswers } from "../../src/faq/score-answers.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import { fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

const now = new Date("2026-11-25T02:00:00Z");

let index: FaqIndex;
beforeAll(() => {
  index = createFaqIndex(loadTestKb(fixtureKbPath));
});

function answerId(question: string): string | null {
  return index.answer(question, now).entry?.id ?? null;
}

describe("FaqIndex on the fixture knowledge base", () => {
  it.each([
    ["长者饭堂晚饭几点", "elder-canteen"],
    ["老人卡去哪里办 要照片吗", "senior-card"],
    ["电瓶车充电多少钱一次", "ebike-charging"],
    ["签约家庭大夫收费吗", "family-doctor"],
    ["菜鸟驿站几点开门 能寄件吗", "express-station"],
    ["业主委员会电话多少", "owners-committee"],
  ])("folds synonyms: %s → %s", (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  it("ignores mentions, emoji codes and particles", () => {
    expect(answerId("@邻里管家 门禁卡丢了在哪补办呀[流泪][流泪]")).toBe("property-center");
  });

  it("tolerates a one-character slip in a known word", () => {
    expect(answerId("彩虹维秀队都能修啥")).toBe("rainbow-repair");
  });

  it("reads traditional characters", () => {
    expect(answerId("老年證在哪辦")).toBe("senior-card");
  });

  it.each([
    "基金最近怎么样 该不该补仓",
    "明天下雨吗 要不要带伞",
    "三楼那家是不是要卖房子了",
    "推荐个好吃的火锅店",
    "[微笑][微笑]大家早上好",
    "",
  ])("abstains on off-topic talk: %s", (question) => {
    const result = index.answer(question, now);
    expect(result.entry).toBeNull();
    expect(result.answer).toBeNull();
    expect(result.confident).toBe(false);
  });

  it("scores a confident answer above an abstention, within 0..1", () => {
    const sure = index.answer("社区卫生服务站几点上班", now);
    const unsure = index.answer("谁家的狗天天半夜叫", now);
    expect(sure.confident).toBe(true);
    expect(sure.score).toBeGreaterThan(0.5);
    expect(sure.score).toBeLessThanOrEqual(1);
    expect(unsure.score).toBeLessThan(0.5);
    expect(unsure.score).toBeGreaterThanOrEqual(0);
    expect(sure.candidates[0]?.id).toBe("health-station");
  });

  it("is rebuilt cheaply when an entry changes", () => {
    const entries = loadTestKb(fixtureKbPath);
    const extra: KbEntry = {
      id: "swimming-pool",
      title: "社区游泳池",
      questions: ["游泳池几点开放"],
      answer: "社区游泳池夏季每天 9:00-21:00 开放。",
      tags: ["游泳"],
      extra: {},
    };
    const started = performance.now();
    const rebuilt = createFaqIndex([...entries, extra]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rebuilt.answer("游泳池几点开门", now).entry?.id).toBe("swimming-pool");
    expect(index.answer("游泳池几点开门", now).entry).toBeNull();
  });
});

describe("quality on a held-out question set written apart from the development questions", () => {
  it("meets the answer targets", () => {
    const rows = readLabelledQuestions(new URL("./fixtures/held-out-questions.jsonl", import.meta.url));
    const s = scoreAnswers(rows.map((row) => ({ expected: row.faq, got: answerId(row.text) })));
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.precision).toBeGreaterThanOrEqual(0.92);
  });
});
