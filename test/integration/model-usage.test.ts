// With a model configured, an unsure message is sent to it (masked), its answer is used,
// and the tokens it cost are recorded against the message. The model is a real HTTP
// server on loopback speaking the OpenAI chat-completions format.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

let model: Server;
let port = 0;
const prompts: string[] = [];

beforeAll(async () => {
  model = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      prompts.push(body);
      const content = JSON.stringify({
        kind: "request",
        category: "admin",
        urgency: "normal",
        building: null,
        unit: null,
        room: null,
      });
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          id: "c1",
          object: "chat.completion",
          created: 0,
          model: "fake-model",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 200, completion_tokens: 30, total_tokens: 230 },
        }),
      );
    });
  });
  await new Promise<void>((r) => model.listen(0, "127.0.0.1", r));
  port = (model.address() as { port: number }).port;
});

afterAll(() => {
  model.close();
});

// Registered after the model server's hook, so the port is known when the bot starts.
const setup = useGrpcBot(
  () => ({
    env: {
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      OPENAI_API_KEY: "test-key",
      LINLI_LLM_MODEL: "fake-model",
      LINLI_LLM_THRESHOLD: "0.99",
    },
  }),
  "once",
);

it("asks the model when unsure, never sends it the phone number, and records the tokens per message", async () => {
  await setup.server.say("wang", "residents2", "那个证明的事 麻烦社区帮我弄一下 电话13912345678");
  await waitFor(
    () => setup.server.botSaid({ roomTopic: testRooms.residents2 }).find((s) => /#\d+/.test(s.text)),
    "ticket ack",
  );
  expect(prompts.length).toBeGreaterThan(0);
  expect(prompts.join("")).not.toContain("13912345678");
  const usage = await setup.bot.app.db.llmUsage.findMany();
  expect(usage).toHaveLength(1);
  expect(usage[0]).toMatchObject({
    purpose: "parse",
    model: "fake-model",
    promptTokens: 200,
    completionTokens: 30,
    outcome: "used",
  });
  const inbound = await setup.bot.app.db.inboundMessage.findFirstOrThrow({ where: { talkerName: "王桂兰" } });
  expect(usage[0]!.messageId).toBe(inbound.id);
});
