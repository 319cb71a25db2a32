import { describe, expect, it } from "vitest";
import { detectSmallTalk } from "../../src/understand/detect-small-talk.js";
import { completeUnderstanding } from "../../src/understand/understanding.js";
import { parseMessage } from "../../src/understand/parse-message.js";

describe("small talk", () => {
  it.each([
    ["您好!", { opens: "greeting", only: "greeting", praise: false }],
    ["在吗", { opens: "greeting", only: "greeting", praise: false }],
    ["谢谢你啊", { opens: "thanks", only: "thanks", praise: false }],
    ["收到, 明天我下楼看看", { opens: "ack", only: null, praise: false }],
    ["好的!", { opens: "ack", only: "ack", praise: false }],
    ["谢谢志愿者小刘帮我修好了水管", { opens: "thanks", only: null, praise: true }],
    ["今天王师傅上门把灯修好了, 真心感谢", { opens: null, only: null, praise: true }],
    ["3号楼下水道又堵了", { opens: null, only: null, praise: false }],
    ["隔壁小孙帮我把煤气罐扛上五楼 真是个好小伙", { opens: null, only: null, praise: true }],
  ])("%s", (text, expected) => {
    expect(detectSmallTalk(text)).toEqual(expected);
  });
});

describe("the understanding the pipeline keeps", () => {
  it("takes a chatty question said to the bot for a question, but never thanks or a greeting", () => {
    const chat = { ...parseMessage("随便问问"), kind: "other" as const };
    expect(completeUnderstanding(chat, "明天社区开不开门啊?", true).kind).toBe("question");
    expect(completeUnderstanding(chat, "明天社区开不开门啊?", false).kind).toBe("other");
    // An "A不A" pair asks, with no question mark and words after it.
    expect(completeUnderstanding(chat, "修车摊收不收旧自行车 我家有辆闲着", true).kind).toBe("question");
    expect(completeUnderstanding(chat, "谢谢, 明天还来吗?", true).kind).toBe("other");
    expect(completeUnderstanding(chat, "你好, 在吗?", true).smallTalk.opens).toBe("greeting");
  });
});
