// With a model configured, the FAQ asks it, with the one retrieved entry only, whether that entry answers
// the resident's question and how to say it. "It does not" hands the question to a person; a reply with
// a number the entry does not hold, or no reply, leaves the entry's own words. Over the real gRPC path,
// with a fake OpenAI-compatible service on loopback that the real client talks HTTP to.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeModelRequest, useFakeModel } from "../helpers/fake-model.js";
import {
  startBot,
  startWechatServer,
  tempDir,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";
import { demoKbPath } from "../helpers/knowledge-base.js";

/** What the fake model says to an FAQ request; other requests (parsing) get an empty object. */
let verdict: string;
const isFaq = (request: FakeModelRequest) => request.system.includes("entry.answer");
const model = useFakeModel({ reply: (request) => (isFaq(request) ? verdict : "{}") });
/** What the FAQ requests carried: the question and the one entry. */
const faqRequests = (): Array<{ question: string; entry: { title: string; answer: string } }> =>
  model.requests.filter(isFaq).map((request) => JSON.parse(request.user));

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
let bot: Awaited<ReturnType<typeof startBot>>;
beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  bot = await startBot(server, `${tmp.dir}/linli.db`, {
    env: {
      LINLI_KB: demoKbPath,
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: "sk-test",
      LINLI_LLM_MODEL: "fake-model",
      LINLI_LLM_TIMEOUT_MS: "2000",
    },
  });
});
afterEach(async () => {
  await bot.stop();
  await server.stop();
  tmp.cleanup();
});

const residentsSaid = (words: string) =>
  server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes(words));
const staffSaid = (words: string) => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes(words));

describe("a model confirms the entry before the bot answers from it", () => {
  it("hands the question to a person when the model finds the entry does not answer it", async () => {
    verdict = JSON.stringify({ answers: false });
    server.say("zhang", "residents", "长者食堂中午几点开饭", { mentionBot: true });
    await waitFor(() => residentsSaid("转给社区工作人员"), "the hand-over reply");
    const post = await waitFor(() => staffSaid("【居民咨询 #1】"), "the staff post");
    expect(post.text).toContain("最接近的知识库条目「长者食堂」经模型核对, 没有回答这个问题");
    expect(residentsSaid("11:00-12:30")).toBeUndefined();
    // The model saw the question and that one entry, nothing else.
    expect(faqRequests()).toHaveLength(1);
    expect(faqRequests()[0]).toMatchObject({ question: "长者食堂中午几点开饭", entry: { title: "长者食堂" } });
  });

  it("sends the model's words when it confirms, and the entry's own when its words hold a number the entry does not", async () => {
    verdict = JSON.stringify({ answers: true, reply: "长者食堂中午 11:00-12:30 开饭, 在社区服务中心一楼北侧。" });
    server.say("zhang", "residents", "长者食堂中午几点开饭", { mentionBot: true });
    await waitFor(() => residentsSaid("中午 11:00-12:30 开饭"), "the model's wording");

    verdict = JSON.stringify({ answers: true, reply: "长者食堂中午 11 点到 13 点开饭。" });
    server.say("li", "residents", "长者食堂晚饭几点", { mentionBot: true });
    const own = await waitFor(() => residentsSaid("晚饭 17:00-18:00"), "the entry's own words");
    expect(own.text).not.toContain("13 点");
    expect(server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
  });

  it("answers from the entry when the model's reply cannot be read", async () => {
    verdict = "好的, 这个问题知识库可以回答。";
    server.say("zhang", "residents", "长者食堂中午几点开饭", { mentionBot: true });
    await waitFor(() => residentsSaid("午饭 11:00-12:30"), "the entry's own words");
    expect(server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
  });
});
