import { describe, expect, it } from "vitest";
import { askedKinds, questionKindNames } from "../../src/faq/question-kind.js";

const kindsOf = (question: string) => questionKindNames.filter((_, i) => askedKinds(question)[i] === 1);

describe("what kind of thing a question asks", () => {
  it.each([
    ["理发的师傅礼拜几来", ["when"]],
    ["量血压上哪量", ["where"]],
    ["修个拉链要钱不", ["money"]],
    ["一次能借几本", ["count"]],
    ["咱楼的楼长是谁", ["who"]],
    ["外地户口能不能办", ["may"]],
    ["这个咋申请", ["how"]],
    ["积分能换点啥", ["what"]],
    ["孙子能跟着一块去不", ["may"]],
  ])("%s", (question, kinds) => {
    expect(kindsOf(question)).toEqual(kinds);
  });

  it("reads the words through chat noise, and a bare statement asks nothing", () => {
    expect(kindsOf("@邻里管家 [捂脸] 几点开门啊")).toEqual(["when"]);
    expect(kindsOf("今天天气真好")).toEqual([]);
  });
});
