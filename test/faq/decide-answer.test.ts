import { beforeAll, describe, expect, it } from "vitest";
import {
  decideAnswer,
  decisionFeatureNames,
  describeDecision,
  type RankedCandidate,
} from "../../src/faq/decide-answer.js";
import { decisionModel } from "../../src/faq/decision-model.js";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

let index: FaqIndex;
beforeAll(() => {
  index = createFaqIndex(loadTestKb(fixtureKbPath));
});

describe("the learned answer-or-abstain decision", () => {
  it("has a model as long as the features it is given", () => {
    const width = decisionFeatureNames.length;
    expect(decisionModel.width).toBe(width);
    expect(decisionModel.trees.length).toBeGreaterThan(0);
    for (const tree of decisionModel.trees) {
      expect(tree.feature.every((f) => f >= -1 && f < width)).toBe(true);
    }
    expect(describeDecision(index.explain("长者饭堂晚饭几点"))).toHaveLength(width);
    expect(decisionModel.threshold).toBeGreaterThan(0);
    expect(decisionModel.threshold).toBeLessThan(1);
  });

  it("answers a clearly on-topic question and abstains on a clearly off-topic one", () => {
    const onTopic = index.explain("社区卫生服务站几点上班");
    const sure = decideAnswer(onTopic);
    expect(sure.confident).toBe(true);
    expect(onTopic[0]?.id).toBe("health-station");
    const offTopic = decideAnswer(index.explain("基金最近怎么样 该不该补仓 还是割肉"));
    expect(offTopic.confident).toBe(false);
    expect(sure.score).toBeGreaterThan(offTopic.score);
  });

  it("answers a strong lone match and abstains on a weak one about something no entry knows", () => {
    const candidate = (id: string, raw: number, coverage: number, foreign = 0): RankedCandidate => ({
      id,
      raw,
      coverage,
      about: coverage,
      foreign,
      words: 3,
    });
    expect(decideAnswer([candidate("a", 200, 1), candidate("b", 20, 0.3)]).confident).toBe(true);
    expect(decideAnswer([candidate("a", 2, 0.2, 0.7), candidate("b", 1.9, 0.2, 0.7)]).confident).toBe(false);
    expect(decideAnswer([])).toEqual({ confident: false, score: 0 });
  });

  it("gives a probability that agrees with the decision, the same every time", () => {
    for (const question of ["电瓶车充电多少钱一次", "谁家的狗天天半夜叫", "老人卡去哪里办 要照片吗"]) {
      const ranked = index.explain(question);
      const decision = decideAnswer(ranked);
      expect(decision.score).toBeGreaterThanOrEqual(0);
      expect(decision.score).toBeLessThanOrEqual(1);
      expect(decision.confident).toBe(decision.score >= decisionModel.threshold);
      expect(decideAnswer(ranked)).toEqual(decision);
    }
  });
});
