// Over the real puppet-service gRPC path: a resident asking about someone's private life is told kindly
// that a person will help, and the question reaches the staff room; the knowledge base is not quoted.
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startBot,
  startWechatServer,
  tempDir,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";

const demoKb = fileURLToPath(new URL("../../demo/kb", import.meta.url));

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
let bot: Awaited<ReturnType<typeof startBot>>;

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  bot = await startBot(server, `${tmp.dir}/linli.db`, { env: { LINLI_KB: demoKb } });
});
afterEach(async () => {
  await bot.stop();
  await server.stop();
  tmp.cleanup();
});

describe("a question about someone's private details", () => {
  it("says kindly that a person will help, and hands it to staff", async () => {
    server.say("zhang", "residents", "网格员小王住在哪栋楼啊 想给他送点饺子", { mentionBot: true });
    const reply = await waitFor(
      () => server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("不方便说")),
      "the kind hand-over reply",
    );
    expect(reply.text).toContain("社区工作人员");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("网格员小王住在哪栋楼")),
      "the staff post",
    );
  });
});
