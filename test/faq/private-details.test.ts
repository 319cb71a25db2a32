// A question about someone's private life goes to a person, never answered from the knowledge base,
// even when an entry names that person; the public duty numbers an entry states stay answerable.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { loadKb } from "../../src/faq/load-kb.js";
import { readLabelledQuestions, scoreAnswers } from "../../src/faq/score-answers.js";

const fixtureKb = fileURLToPath(new URL("../fixtures/kb", import.meta.url));
const now = new Date("2026-11-25T02:00:00Z");

let index: FaqIndex;
beforeAll(() => {
  const { entries } = loadKb(fixtureKb);
  expect(entries.length).toBeGreaterThan(40);
  index = createFaqIndex(entries);
});

describe("private details of a named person", () => {
  it.each([
    "赵丽网格员今年多大岁数",
    "刘洋网格员结婚了没有",
    "网格员孙婷住在哪栋楼",
    "模特队杨秀英队长的手机号能告诉我不",
    "京剧社周德明社长家里座机是多少",
    "网格员一个月工资能拿多少",
    "物业经理的老婆是做什么工作的",
    // The person in one clause, the detail asked in the next.
    "舞蹈队的队长姓啥 能给个她微信不",
    "网格员叫什么 他住哪个楼",
    "业委会的主任姓啥 住几号楼",
    "网格员孙婷是哪里人",
    "舞蹈队的队长叫啥 能加她个人微信不",
    // Their family told by a pronoun; their WeChat asked as "X的微信".
    "合唱队队长她老伴是干啥的",
    "网格员李娜的微信推我一下",
    "合唱队王秀芝的微信谁有 推给我",
    // A neighbour's household, told by "家".
    "5号楼孙桂芳阿姨家闺女是不是离婚了",
    "刘医生家儿子在哪上班",
  ])("hands over, never answers from the entry that names them: %s", (question) => {
    const result = index.answer(question, now);
    expect(result.entry).toBeNull();
    expect(result.answer).toBeNull();
    expect(result.handover).toBe("private");
  });

  it("still answers a duty phone number the entry states", () => {
    const result = index.answer("第三网格的网格员赵丽电话多少", now);
    expect(result.entry?.id).toBe("grid-worker");
    expect(result.answer).toContain("00012343");
    expect(result.handover).toBeUndefined();
  });

  it.each([
    ["我家住在7号楼 我们那片的网格员是谁", "grid-worker"],
    ["单位拖欠我工资 社区的律师能帮忙看看吗", "legal-consultation"],
    ["家庭医生能给我的儿子签约吗", "family-doctor"],
    ["我的手机号换了 网格员那边要登记吗", "grid-worker"],
    ["网格员能拉我进微信群吗", "grid-worker"],
    ["俺家闺女刚生了娃 社区卫生站能上门看看不", "health-station"],
    // WeChat as the way a service works, not someone's private account.
    ["签了家庭医生以后能在微信上问问题吗", "family-doctor"],
    // The bot's own name ends in a role word (管家); the wages are the asker's.
    ["@邻里管家 社区律师每周几来 单位拖欠工资想问问", "legal-consultation"],
  ])("reads the asker's own story as a story: %s", (question, id) => {
    const result = index.answer(question, now);
    expect(result.handover).toBeUndefined();
    // Read as a question about the service (answered, or handed over only when the entry does not say it).
    expect(result.candidates[0]?.id).toBe(id);
  });
});

// Written apart, by people who never saw the code: near misses (a different deal on the same thing, the
// same word at another place, private details of a named person) and everyday questions. Floors at what
// the FAQ reaches now, with the uncovered-word gate (near-miss abstain recall is still below the 0.80
// target: see issue 13).
describe("quality on the near-miss and everyday own sets", () => {
  const score = (file: string) => {
    const rows = readLabelledQuestions(new URL(`./fixtures/${file}`, import.meta.url));
    return scoreAnswers(rows.map((row) => ({ expected: row.faq, got: index.answer(row.text, now).entry?.id ?? null })));
  };

  it("near misses: answers the answerable ones and hands over more of the rest than before", () => {
    const s = score("near-miss-questions.jsonl");
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(0.72);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("second near-miss set: hands most of them to a person and still answers what entries state", () => {
    const s = score("near-miss-2-questions.jsonl");
    expect(s.top1).toBeGreaterThanOrEqual(0.92);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.precision).toBeGreaterThanOrEqual(0.77);
  });

  it("everyday questions: stays at the answer targets it reached", () => {
    const s = score("everyday-questions.jsonl");
    expect(s.top1).toBeGreaterThanOrEqual(0.95);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(0.7);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  });
});
