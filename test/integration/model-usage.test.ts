// With a model configured, an unsure message is sent to it (masked), its answer is used,
// and the tokens it cost are recorded against the message. The model is a real HTTP
// server on loopback speaking the OpenAI chat-completions format.
import { expect, it } from "vitest";
import { useFakeModel } from "../helpers/fake-model.js";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const model = useFakeModel({
  reply: JSON.stringify({
    kind: "request",
    category: "admin",
    urgency: "normal",
    building: null,
    unit: null,
    room: null,
  }),
  usage: { prompt_tokens: 200, completion_tokens: 30 },
});

// Registered after the model server's hook, so its URL is known when the bot starts.
const setup = useGrpcBot(
  () => ({
    env: {
      OPENAI_BASE_URL: model.baseURL,
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
  expect(model.requests.length).toBeGreaterThan(0);
  expect(model.requests.map((r) => r.raw).join("")).not.toContain("13912345678");
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
