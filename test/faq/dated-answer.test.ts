import { beforeAll, describe, expect, it } from "vitest";
import { formatChinaDate, toChinaDate } from "../../src/text/china-time.js";
import { findDateReference } from "../../src/faq/date-reference.js";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { parseScheduleText, ruleFallsOn } from "../../src/faq/schedule-rules.js";
import { makeCivilDate } from "../../src/text/china-time.js";
import { demoKbPath, fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

// Friday 2026-11-27 20:30 UTC is already Saturday 04:30 in China.
const fridayEveningUtc = new Date("2026-11-27T20:30:00Z");

let demo: FaqIndex;
let fixture: FaqIndex;
beforeAll(() => {
  demo = createFaqIndex(loadTestKb(demoKbPath));
  fixture = createFaqIndex(loadTestKb(fixtureKbPath));
});

describe("China time", () => {
  it("runs in UTC here, so the tests below prove the server zone does not matter", () => {
    expect(new Date("2026-11-27T20:30:00Z").getDate()).toBe(27);
  });

  it("takes the calendar day in UTC+8", () => {
    expect(formatChinaDate(toChinaDate(fridayEveningUtc))).toBe("11月28日(周六)");
    expect(formatChinaDate(toChinaDate(new Date("2026-11-27T15:59:00Z")))).toBe("11月27日(周五)");
  });
});

describe("findDateReference", () => {
  const saturday = toChinaDate(fridayEveningUtc);
  const days = (question: string) => {
    const ref = findDateReference(question, saturday);
    return ref.kind === "days" ? ref.dates.map(formatChinaDate) : ref.kind;
  };

  it.each([
    ["今天食堂开门吗", ["11月28日(周六)"]],
    ["明天卫生室开门吗", ["11月29日(周日)"]],
    ["这周六有什么活动", ["11月28日(周六)"]],
    ["这周三的讲座", ["11月25日(周三)"]],
    ["下礼拜二合唱团排练吗", ["12月1日(周二)"]],
    ["周末有活动吗", ["11月28日(周六)", "11月29日(周日)"]],
    ["巡诊是哪天", "when"],
    ["合唱团每周六都练吗", "none"],
  ])("%s", (question, expected) => {
    expect(days(question)).toEqual(expected);
  });
});

describe("schedules read from answer text", () => {
  it("understands weekly lists, ranges and monthly nth weekdays", () => {
    const rules = parseScheduleText("门诊时间：周一至周五7:30-11:30，每月第二、第四个周三上午9:00入户巡诊。");
    const friday = makeCivilDate(2026, 11, 27);
    const secondWednesday = makeCivilDate(2026, 11, 11);
    const firstWednesday = makeCivilDate(2026, 11, 4);
    expect(rules.map((r) => r.kind)).toEqual(["weekly", "monthly-nth"]);
    expect(ruleFallsOn(rules[0]!, friday)).toBe(true);
    expect(ruleFallsOn(rules[1]!, secondWednesday)).toBe(true);
    expect(ruleFallsOn(rules[1]!, firstWednesday)).toBe(false);
  });

  it("ignores durations such as 3个工作日 and deadlines such as 每月10日前", () => {
    expect(parseScheduleText("审核3个工作日后领卡。请在每月10日前投稿。")).toEqual([]);
  });
});

describe("answers to date questions", () => {
  it("names the Saturday in China when asked late on Friday UTC", () => {
    const result = demo.answer("这周六有什么活动", fridayEveningUtc);
    expect(result.entry?.id).toBe("weekly-activities");
    expect(result.answer).toContain("这周六是11月28日(周六)");
    expect(result.answer).toContain("太极拳晨练");
    // 28 November is the fourth Saturday: no first-Saturday repair day.
    expect(result.answer?.split("\n\n")[0]).not.toContain("彩虹义务维修");
  });

  it("lists the first-Saturday events on the first Saturday", () => {
    const result = demo.answer("这周六有什么活动", new Date("2026-12-04T18:00:00Z"));
    expect(result.answer).toContain("12月5日(周六)的安排");
    expect(result.answer?.split("\n\n")[0]).toContain("彩虹义务维修");
  });

  it("says tomorrow is not a clinic day when tomorrow is Sunday", () => {
    const result = demo.answer("明天卫生室开门吗", fridayEveningUtc);
    expect(result.entry?.id).toBe("health-room");
    expect(result.answer).toContain("明天是11月29日(周日)");
    expect(result.answer).toContain("不在常规安排的日子里");
  });

  it("works the next monthly date out of the fixture answer text", () => {
    const result = fixture.answer("医疗巡诊下回是哪天来", fridayEveningUtc);
    expect(result.entry?.id).toBe("medical-home-visit");
    // Second and fourth Wednesdays: after 28 Nov comes 9 Dec.
    expect(result.answer).toContain("最近一次: 12月9日(周三)");
  });

  it("leaves answers without a date question unchanged", () => {
    const result = fixture.answer("长者食堂在哪", fridayEveningUtc);
    expect(result.answer).toBe(result.entry?.answer);
  });
});
