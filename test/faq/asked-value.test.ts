// An entry about the right thing that never states what is asked — an amount, a date, how long —
// or leaves it to a later notice, or is about this community when another place is asked about, does
// not answer: a person does. The same entry still answers what it states.
import { beforeAll, describe, expect, it } from "vitest";
import { findPlaceElsewhere } from "../../src/faq/asked-scope.js";
import { findDeferredWord, findUnstatedValue } from "../../src/faq/asked-value.js";
import { createFaqIndex, type FaqIndex } from "../../src/faq/faq-index.js";
import { decisionModel } from "../../src/faq/decision-model.js";
import { faqReplies } from "../../src/faq/faq-replies.js";
import { createStaffAnswerEntry } from "../../src/faq/staff-answer-entry.js";
import { readLabelledQuestions, scoreAnswers } from "../../src/faq/score-answers.js";
import { fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

const now = new Date("2026-11-25T02:00:00Z");
let index: FaqIndex;
beforeAll(() => {
  index = createFaqIndex(loadTestKb(fixtureKbPath));
});

describe("reading what a question asks for", () => {
  it("finds the kind of value the asking clause wants and the answer never gives", () => {
    const answer = "每周三上午在二楼活动室排练，欢迎报名。";
    expect(findUnstatedValue("合唱团的服装一套多少钱", answer)).toBe("amount");
    expect(findUnstatedValue("合唱团排练要几个月才能上台", answer)).toBe("duration");
    expect(findUnstatedValue("合唱团哪天排练", answer)).toBeUndefined();
    // Days off: the usual hours are no answer for 国庆节 unless the entry speaks of holidays.
    expect(findUnstatedValue("国庆节上不上班", "周一至周五 8:00-17:00 看诊。")).toBe("holiday");
    expect(findUnstatedValue("国庆节上不上班", "周一至周五 8:00-17:00 看诊, 法定节假日休息。")).toBeUndefined();
    // Whether it costs anything: a price, 免费 or 自费 answers; an answer silent on money does not.
    expect(findUnstatedValue("上门看病收费不", "每月第二个周三上午上门巡诊。")).toBe("amount");
    expect(findUnstatedValue("上门看病收费不", "每月第二个周三上午上门巡诊, 药费自理。")).toBeUndefined();
    // A day of the month asked for: "每月" alone names none.
    expect(findUnstatedValue("补贴每个月几号到账", "补贴按月发放到社保卡。")).toBe("date");
    expect(findUnstatedValue("补贴每个月几号到账", "补贴每月10日前发放到社保卡。")).toBeUndefined();
    // Who someone is: a role with a name ("队长刘桂兰", "周社长"), not a role with any word after it.
    expect(findUnstatedValue("合唱团的指挥叫什么名字", answer)).toBe("name");
    expect(findUnstatedValue("合唱团队长是哪位", "每周三排练，队长王秀芝。")).toBeUndefined();
    expect(findUnstatedValue("律师叫啥", "律师事务所的律师驻点，周三坐班。")).toBe("name");
    expect(findUnstatedValue("律师叫啥", "周律师每周三坐班。")).toBeUndefined();
    // A quoted coined term names a thing, not the person asked about.
    expect(findUnstatedValue("那个小程序叫什么", "在“邻里帮”小程序上报名。")).toBeUndefined();
    expect(findUnstatedValue("物业经理叫什么", "物业推行“红色物业”，经理兼任委员。")).toBe("name");
    // How long a paper stays valid, not how long it takes to get.
    expect(findUnstatedValue("这个证明开了能管多久", "当场开具，3个工作日内办结。")).toBe("validity");
    expect(findUnstatedValue("这个证明开了能管多久", "当场开具，有效期6个月。")).toBeUndefined();
    // What to bring: a paper named, or what one brings or shows.
    expect(findUnstatedValue("报名要带啥材料", answer)).toBe("documents");
    expect(findUnstatedValue("报名要带啥材料", "带户口本到二楼报名。")).toBeUndefined();
    // How things stand today is never in an entry; where to see the progress may be.
    expect(findUnstatedValue("合唱团今年还有名额没", answer)).toBe("present");
    expect(findUnstatedValue("提的意见办得咋样了", "意见每月在公示栏公开办理结果。")).toBe("present");
    expect(findUnstatedValue("提的意见办得咋样在哪能看到", "意见每月在公示栏公开办理结果。")).toBeUndefined();
    // A sum in the story is not asked for.
    expect(findUnstatedValue("花了两百块买了身衣服 合唱团哪天排练", answer)).toBeUndefined();
  });

  it("finds a word the answer only leaves to a later notice", () => {
    const answer = "每天8:00-17:00开放，法定节假日另行通知；收费标准以街道公布为准。";
    expect(findDeferredWord("中秋节开不开门", answer)).toBe("节假日");
    expect(findDeferredWord("收费标准是多少", answer)).toBeTruthy();
    expect(findDeferredWord("平时几点开门", answer)).toBeUndefined();
  });

  it("finds another place asked about, unless the entry names it", () => {
    expect(findPlaceElsewhere("隔壁阳光社区的食堂几点开饭", "长者食堂午餐11:00")).toBe("隔壁阳光社区");
    expect(findPlaceElsewhere("市图书馆周一开门吗", "社区阅览室周一闭馆")).toBe("市图书馆");
    expect(findPlaceElsewhere("区医院离这远不远", "步行15分钟到区人民医院")).toBeUndefined();
    expect(findPlaceElsewhere("市精神卫生中心咋挂号", "社区心理援助站每周二开放")).toBe("市精神卫生中心");
    expect(findPlaceElsewhere("我妈住隔壁街 食堂能送过去不", "长者食堂送餐到本社区")).toBe("隔壁街");
    // The community's own parts are not elsewhere.
    expect(findPlaceElsewhere("西区里的充电棚在哪", "东区和西区各有两处充电棚")).toBeUndefined();
    // The asker's own circumstances are not a place asked about.
    expect(findPlaceElsewhere("我是外地户口能办吗", "本社区居民可以办理")).toBeUndefined();
  });
});

describe("the knowledge base hands over what its best entry does not say", () => {
  it.each([
    ["党员组织关系转过来以后 党费每月缴多少", "party-transfer"],
    ["京剧社一年交多少会费", "peking-opera"],
  ])("an amount the entry never states: %s", (question, near) => {
    const result = index.answer(question, now);
    expect(result.entry).toBeNull();
    expect(result.unstated).toBe("amount");
    expect(result.candidates[0]?.id).toBe(near);
  });

  it("who someone is, when the entry names no one in that role", () => {
    const result = index.answer("社区法律顾问是哪个律师 叫什么名字", now);
    expect(result.entry).toBeNull();
    expect(result.unstated).toBe("name");
    expect(result.candidates[0]?.id).toBe("legal-consultation");
    // The entry that names its captain answers.
    const named = index.answer("太极拳队的队长叫什么名字", now);
    expect(named.entry?.id).toBe("taichi");
    expect(named.answer).toContain("孙振华");
  });

  it("whether places are left, which no entry can know today", () => {
    const result = index.answer("金婚庆典今年报满了没", now);
    expect(result.entry).toBeNull();
    expect(result.unstated).toBe("present");
  });

  it("answers with a staff answer saved from an earlier hand-over when the topic's entry does not say it", () => {
    const question = "驻点律师姓什么 想提前知道一下";
    expect(index.answer(question, now)).toMatchObject({ entry: null, unstated: "name" });
    const entries = loadTestKb(fixtureKbPath);
    entries.push({
      ...createStaffAnswerEntry(
        { id: 7, question: "社区驻点的律师是哪位" } as Parameters<typeof createStaffAnswerEntry>[0],
        "每周三驻点的是明德律师事务所的钱律师。",
      ),
    });
    const taught = createFaqIndex(entries).answer(question, now);
    expect(taught.entry?.id).toBe("staff-answer-7");
    expect(taught.answer).toContain("钱律师");
  });

  it("says what the nearest entry leaves unsaid even when the match itself is too weak to answer", () => {
    const result = index.answer("太极队还有名额吗 今年", now);
    expect(result.entry).toBeNull();
    expect(result.score).toBeLessThan(decisionModel.threshold);
    expect(result.unstated).toBe("present");
    expect(faqReplies.handoverHint(result)).toBe("最接近的知识库条目「太极拳队」没有写眼下的进展或名额。");
  });

  it("a holiday the entry leaves to a later notice", () => {
    const result = index.answer("端午节社区卫生服务站看不看病", now);
    expect(result.entry).toBeNull();
    expect(result.deferred).toBe("节假日");
  });

  it("the same service in another community or the district", () => {
    for (const question of ["别的社区的长者食堂我能去吃吗", "区老年大学合唱班在哪报名"]) {
      const result = index.answer(question, now);
      expect(result.entry, question).toBeNull();
      expect(result.elsewhere, question).toBeTruthy();
    }
  });

  it.each([
    ["长者食堂午饭多少钱一份", "elder-canteen", "15元"],
    ["社区卫生服务站礼拜六几点开门", "health-station", "8:00"],
    ["暖心卡审核要几天", "warm-heart-card", "3个工作日"],
  ])("still answers what the entry states: %s", (question, id, value) => {
    const result = index.answer(question, now);
    expect(result.entry?.id).toBe(id);
    expect(result.answer).toContain(value);
  });
});

// Two sets written apart for this, by people who never saw the code (apart-3 rich in near misses,
// apart-4 in misspelt names and long stories). First contact: top-1 0.909 / 0.815, abstain 0.564 /
// 0.614, precision 0.671 / 0.757. apart-5 (third session, rich in details an entry does not give and
// items not in an entry's list): first contact 0.836 / 0.744 / 0.786. apart-6 (fourth session, in the mix
// residents send: 155 answerable, 45 for a person): first contact 0.858 / 0.822 / 0.917. apart-7 and
// apart-8 (the same mix, written later in that session), first contact on the trees and reranker:
// 0.890 / 0.778 / 0.914 and 0.865 / 0.889 / 0.944 (the code before them: 0.852 / 0.778 / 0.904 and
// 0.813 / 0.822 / 0.913). apart-9 and apart-10 (the same mix, written at the end of that session and
// scored once with sealed-6 on 2f88d0d): 0.903 / 0.800 / 0.933 and 0.910 / 0.800 / 0.922 (before the
// session: 0.865 / 0.733 / 0.899 and 0.858 / 0.800 / 0.905). The others are among the sets the decision
// is fitted on, so these are in-sample
// figures: floors a few points below them.
describe("quality on the sets written apart", () => {
  const score = (file: string) => {
    const rows = readLabelledQuestions(new URL(`./fixtures/${file}`, import.meta.url));
    return scoreAnswers(rows.map((row) => ({ expected: row.faq, got: index.answer(row.text, now).entry?.id ?? null })));
  };
  it.each([
    ["apart-3-questions.jsonl", 0.93, 0.83, 0.84],
    ["apart-4-questions.jsonl", 0.88, 0.82, 0.87],
    ["apart-5-questions.jsonl", 0.92, 0.83, 0.86],
    ["apart-6-questions.jsonl", 0.92, 0.91, 0.94],
    ["apart-7-questions.jsonl", 0.92, 0.85, 0.94],
    ["apart-8-questions.jsonl", 0.9, 0.91, 0.95],
    // Not yet fitted on (the decision was last fitted before they were written): first-contact floors.
    ["apart-9-questions.jsonl", 0.88, 0.77, 0.9],
    ["apart-10-questions.jsonl", 0.88, 0.77, 0.9],
  ])("%s", (file, top1, abstain, precision) => {
    const s = score(file);
    expect(s.top1).toBeGreaterThanOrEqual(top1);
    expect(s.abstainRecall).toBeGreaterThanOrEqual(abstain);
    expect(s.precision).toBeGreaterThanOrEqual(precision);
  });
});
