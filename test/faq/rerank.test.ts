import { beforeAll, describe, expect, it } from "vitest";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { rerankCandidates } from "../../src/faq/rerank.js";
import { fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

const now = new Date("2026-11-27T02:00:00Z");
let bm25: FaqIndex;
let reranked: FaqIndex;
beforeAll(() => {
  const entries = loadTestKb(fixtureKbPath);
  bm25 = createFaqIndex(entries, { rerank: null });
  reranked = createFaqIndex(entries);
});

describe("the reranker of the best five entries", () => {
  it("puts first the entry whose sentence states the fact asked, over one that only has the word in its title", () => {
    const question = "星期六上午社区给不给开证明";
    // BM25 likes the certificate entry (证明 in its title); the service hall says Saturdays give none.
    expect(bm25.explain(question)[0]?.id).toBe("only-child-cert");
    expect(reranked.explain(question)[0]?.id).toBe("service-hall");
    const answer = reranked.answer(question, now);
    expect(answer.entry?.id).toBe("service-hall");
    expect(answer.answer).toContain("不出具证明");
  });

  it("keeps the plain match first", () => {
    for (const [question, id] of [
      ["长者食堂中午几点开饭", "elder-canteen"],
      ["社区卫生服务站礼拜天看病不", "health-station"],
      ["哪些人能领暖心卡", "warm-heart-card"],
    ] as const) {
      expect(reranked.explain(question)[0]?.id, question).toBe(id);
    }
  });

  it("leaves the order alone without a model, or with one candidate", () => {
    const list = bm25.explain("党群服务中心几点关门");
    expect(rerankCandidates(list, null)).toEqual(list);
    expect(rerankCandidates(list.slice(0, 1), { base: 0, trees: [] })).toEqual(list.slice(0, 1));
  });
});
