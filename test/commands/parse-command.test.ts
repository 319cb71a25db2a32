import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { stripBotMention } from "../../src/text/mentions.js";
import { formatQuoteReply, parseQuoteReply } from "../../src/text/quote.js";

describe("volunteers' commands", () => {
  it.each([
    ["认领 12", { type: "claim", id: 12 }],
    ["接单#7", { type: "claim", id: 7 }],
    ["认领 ＃３", { type: "claim", id: 3 }],
    ["认领第5号", { type: "claim", id: 5 }],
    ["放弃 4", { type: "release", id: 4 }],
    ["完成 9 水管换好了, 居民很满意", { type: "complete", id: 9, note: "水管换好了, 居民很满意" }],
    ["完成 9", { type: "complete", id: 9, note: "" }],
  ])("%s", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it("explains a verb with a missing or bad number instead of ignoring it", () => {
    expect(parseCommand("认领 abc")).toEqual({ type: "malformed", verb: "认领", example: "认领 12" });
    expect(parseCommand("完成")).toMatchObject({ type: "malformed", verb: "完成" });
  });

  it("does not mistake ordinary sentences that start with a verb for commands", () => {
    expect(parseCommand("完成作业以后我们去广场跳舞吧, 大家一起来热闹热闹")).toBeNull();
    expect(parseCommand("楼道灯坏了")).toBeNull();
    expect(parseCommand("回复一下我啊")).toBeNull();
    expect(parseCommand("完成了吗")).toBeNull();
  });

  it("claims by a quote-reply of a task card", () => {
    const quoted = formatQuoteReply("邻里管家", "新任务 #15  维修\n地点: 3号楼", "我来");
    const q = parseQuoteReply(quoted);
    expect(q).not.toBeNull();
    expect(parseCommand(quoted, q)).toEqual({ type: "claim", id: 15 });
    const done = formatQuoteReply("邻里管家", "新任务 #15", "完成了, 换了灯泡");
    expect(parseCommand(done, parseQuoteReply(done))).toEqual({ type: "complete", id: 15, note: "换了灯泡" });
  });
});

describe("staff's hand-over commands", () => {
  it("reads the number after 加入知识库, also in a quote-reply", () => {
    expect(parseCommand("加入知识库 #5")).toEqual({ type: "add-to-kb", id: 5 });
    expect(parseCommand("存入知识库第12号")).toEqual({ type: "add-to-kb", id: 12 });
    const quoted = formatQuoteReply("邻里管家", "【居民咨询 #3】问题", "加入知识库 ５");
    expect(parseCommand(quoted, parseQuoteReply(quoted))).toEqual({ type: "add-to-kb", id: 5 });
  });
});

describe("residents' and staff's commands", () => {
  it.each([
    ["我的工单", { type: "my-tickets" }],
    ["进度 3", { type: "progress", id: 3 }],
    ["工单", { type: "list-open" }],
    ["我的任务", { type: "my-tasks" }],
    ["任务", { type: "open-tasks" }],
    ["关闭 8 居民已自行解决", { type: "close", id: 8, reason: "居民已自行解决" }],
    ["指派 8 @陈师傅\u2005", { type: "assign", id: 8, assignee: "陈师傅" }],
    ["满意", { type: "rate", rating: 5, id: null, comment: "", bare: true }],
    ["不满意!", { type: "rate", rating: 1, id: null, comment: "", bare: true }],
    ["4", { type: "rate", rating: 4, id: null, comment: "", bare: true }],
    ["#12 满意", { type: "rate", rating: 5, id: 12, comment: "", bare: true }],
    ["不满意 等了好久才来", { type: "rate", rating: 1, id: null, comment: "等了好久才来", bare: false }],
    ["5分 小刘手艺不错", { type: "rate", rating: 5, id: null, comment: "小刘手艺不错", bare: false }],
    ["关闭 3 居民说满意", { type: "close", id: 3, reason: "居民说满意" }],
    ["6分", { type: "rate-unclear", id: null }],
    ["回复 3 每天11点开饭 加入知识库", { type: "answer-handover", id: 3, answer: "每天11点开饭", addToKb: true }],
    ["拆分 7", { type: "split", id: 7 }],
    ["合并 3 5", { type: "merge", into: 3, id: 5 }],
    ["合并 #3 和 #5", { type: "merge", into: 3, id: 5 }],
    ["合并 3", { type: "malformed", verb: "合并", example: "合并 12 15" }],
    ["撤销 4 已经好了", { type: "withdraw", id: 4, reason: "已经好了" }],
    ["合并同类项怎么算", null],
  ])("%s", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it("removes the bot's @mention however WeChat spaces it", () => {
    expect(stripBotMention("@邻里管家\u2005认领 3", "邻里管家")).toBe("认领 3");
    expect(stripBotMention("认领 3 @邻里管家", "邻里管家")).toBe("认领 3");
  });
});
