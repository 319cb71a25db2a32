// End to end over the real puppet-service gRPC path and a real SQLite file, with the demo
// knowledge base imported at start: residents' questions answered or handed to staff, staff
// answers relayed and saved, so the next resident asking gets the answer at once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startBot,
  startWechatServer,
  tempDir,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";
import { demoKbPath } from "../helpers/knowledge-base.js";

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
let bot: Awaited<ReturnType<typeof startBot>>;

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  bot = await startBot(server, `${tmp.dir}/linli.db`, { env: { LINLI_KB: demoKbPath } });
});
afterEach(async () => {
  await bot.stop();
  await server.stop();
  tmp.cleanup();
});

const residentsSaid = (words: string) =>
  server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes(words));
const staffSaid = (words: string) => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes(words));
const settle = async () => {
  await new Promise((r) => setTimeout(r, 800));
  await bot.app.outbox.idle();
};

describe("residents' questions over WeChat", () => {
  it("answers a question the knowledge base knows, in the room, mentioning the asker", async () => {
    server.say("zhang", "residents", "长者食堂几点开饭", { mentionBot: true });
    const answer = await waitFor(() => residentsSaid("11:00-12:30"), "the canteen's hours");
    expect(answer.text).toContain("张秀英");
    expect(server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
  });

  it("hands an unknown question to staff, relays the answer, and learns it for the next resident", async () => {
    server.say("zhang", "residents", "小区游泳池夏天开不开", { mentionBot: true });
    await waitFor(() => residentsSaid("转给社区工作人员"), "the hand-over reply");
    const post = await waitFor(() => staffSaid("【居民咨询 #1】"), "the staff post");
    expect(post.text).toContain(`${testRooms.residents} 张秀英: 小区游泳池夏天开不开`);
    expect(post.text).toContain("回复 1 答案");

    server.say("zhao", "staff", "回复 1 游泳池在体育公园, 每天9点到晚上9点开放");
    const relayed = await waitFor(() => residentsSaid("每天9点到晚上9点"), "the relayed answer");
    expect(relayed.text).toContain("张秀英");
    const done = await waitFor(() => staffSaid("已把 #1 的答复转给 张秀英"), "the confirmation to staff");
    expect(done.text).toContain("加入知识库");
    const row = await bot.app.db.handover.findUniqueOrThrow({ where: { id: 1 } });
    expect(row).toMatchObject({ status: "answered", answeredBy: "赵书记" });

    server.quoteReply("zhao", "staff", done, "加入知识库");
    await waitFor(() => staffSaid("已加入知识库"), "saved to the knowledge base");
    const entry = await bot.app.db.kbEntry.findUniqueOrThrow({ where: { id: "staff-answer-1" } });
    expect(entry).toMatchObject({ title: "小区游泳池夏天开不开", updatedBy: "赵书记" });
    expect(await bot.app.db.auditLog.count({ where: { action: "kb.create", actorName: "赵书记" } })).toBe(1);

    server.say("li", "residents", "小区里的游泳池夏天开不开呀?", { mentionBot: true });
    const learned = await waitFor(
      () =>
        server
          .botSaid({ roomTopic: testRooms.residents })
          .find((s) => s.text.includes("李建国") && s.text.includes("体育公园")),
      "the answer from the knowledge base",
    );
    expect(learned.text).not.toContain("转给社区工作人员");
    await settle();
    expect(server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("【居民咨询"))).toHaveLength(1);
  });

  it("refuses a resident who tries to answer, and says so for an unknown or already answered number", async () => {
    server.say("zhang", "residents", "小区游泳池夏天开不开", { mentionBot: true });
    await waitFor(() => staffSaid("【居民咨询 #1】"), "the staff post");

    server.say("li", "residents", "回复 1 我知道, 早上八点");
    await waitFor(() => residentsSaid("只有社区工作人员"), "the refusal");
    expect((await bot.app.db.handover.findUniqueOrThrow({ where: { id: 1 } })).status).toBe("open");

    server.say("zhao", "staff", "回复 9 不知道");
    await waitFor(() => staffSaid("没有找到居民咨询 #9"), "unknown number");
    server.say("zhao", "staff", "回复 1 每天9点开门");
    await waitFor(() => staffSaid("已把 #1 的答复转给"), "the first answer");
    server.say("zhao", "staff", "回复 1 每天10点开门");
    await waitFor(() => staffSaid("已由 赵书记 答复过"), "already answered");
    await settle();
    expect(server.botSaid({ roomTopic: testRooms.residents }).filter((s) => s.text.includes("10点"))).toEqual([]);
  });

  it("answers a staff quote-reply of the hand-over post and saves it when asked", async () => {
    server.say("zhang", null, "小区游泳池夏天开不开");
    await waitFor(() => server.botSaid({ toName: "张秀英" }).find((s) => s.text.includes("转给社区工作人员")), "reply");
    const post = await waitFor(() => staffSaid("【居民咨询 #1】私聊 张秀英"), "the staff post");
    server.quoteReply("zhao", "staff", post, "每天9点开门 加入知识库");
    await waitFor(
      () => server.botSaid({ toName: "张秀英" }).find((s) => s.text.includes("每天9点开门")),
      "private relay",
    );
    await waitFor(() => staffSaid("并存入知识库"), "saved");
    expect(await bot.app.db.kbEntry.count({ where: { id: "staff-answer-1" } })).toBe(1);
  });

  it("hands to staff a question about what an entry says it does not cover (its not: lines)", async () => {
    server.say("zhang", "residents", "老年证坐高铁能打折吗", { mentionBot: true });
    await waitFor(() => residentsSaid("转给社区工作人员"), "the hand-over reply");
    const post = await waitFor(() => staffSaid("【居民咨询 #1】"), "the staff post");
    expect(post.text).toContain("老年证坐高铁能打折吗");
    // Staff see what the knowledge base lacks, to answer and perhaps add it.
    expect(post.text).toContain("最接近的知识库条目「老年证」写明不含「高铁」");
    expect(residentsSaid("公交免费")).toBeUndefined();
  });

  it("hands to staff a question about the same service elsewhere, and tells them why", async () => {
    server.say("zhang", "residents", "隔壁小区的快递驿站几点关门", { mentionBot: true });
    await waitFor(() => residentsSaid("转给社区工作人员"), "the hand-over reply");
    const post = await waitFor(() => staffSaid("【居民咨询 #1】"), "the staff post");
    expect(post.text).toContain("问的是隔壁小区的事, 最接近的知识库条目「快递驿站」只讲本社区");
    expect(residentsSaid("8:00-20:30")).toBeUndefined();
  });

  it("leaves chit-chat alone", async () => {
    server.say("zhang", "residents", "今天天气真好啊, 出来晒太阳");
    server.say("li", "residents", "是啊是啊");
    await settle();
    expect(server.botSaid({ roomTopic: testRooms.residents })).toEqual([]);
    expect(await bot.app.db.handover.count()).toBe(0);
  });
});
