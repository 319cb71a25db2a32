// The one model client: every purpose (answer phrasing, broadcast drafts) goes through it, and
// each call's tokens land in the database once, whatever became of the reply. The model is a
// real HTTP server on loopback speaking the OpenAI chat-completions format.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createModelDraftWriter } from "../../src/broadcasts/write-draft-with-model.js";
import { silentLogger } from "../../src/core/logger.js";
import { createModelAnswerPhraser } from "../../src/faq/phrase-answer-with-model.js";
import { createOpenAiLlm } from "../../src/llm/openai-llm.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaLlmUsageLog } from "../../src/store/prisma-llm-usage-log.js";
import { useFakeModel } from "../helpers/fake-model.js";
import { tempDir } from "../helpers/grpc-harness.js";

const model = useFakeModel({ usage: { prompt_tokens: 120, completion_tokens: 40 } });

let tmp: ReturnType<typeof tempDir>;
let database: OpenedDatabase;
beforeEach(async () => {
  tmp = tempDir();
  database = await openDatabase(`file:${tmp.dir}/linli.db`);
});
afterEach(async () => {
  await database.close();
  tmp.cleanup();
});

const now = new Date("2026-11-27T02:00:00Z");
const llm = () =>
  createOpenAiLlm({
    baseURL: model.baseURL,
    apiKey: "sk-test",
    model: "fake-model",
    timeoutMs: 2000,
    usage: createPrismaLlmUsageLog(database.db),
    clock: { now: () => now },
    logger: silentLogger,
  });
const entry = { id: "canteen", title: "长者食堂", answer: "长者食堂每天11点开饭", questions: [], tags: [], extra: {} };
const ask = { question: "食堂几点吃饭", entry, answer: "长者食堂每天11点开饭", messageId: "m1" };

describe("the one model client", () => {
  it("phrases an FAQ answer and records what it cost against the message", async () => {
    model.reply(JSON.stringify({ answers: true, reply: "长者食堂每天11点开饭, 欢迎来吃。" }));
    expect(await createModelAnswerPhraser(llm(), silentLogger)(ask)).toBe("长者食堂每天11点开饭, 欢迎来吃。");
    const rows = await database.db.llmUsage.findMany();
    expect(rows).toEqual([
      expect.objectContaining({ messageId: "m1", purpose: "faq-answer", promptTokens: 120, outcome: "used" }),
    ]);
  });

  it("keeps the entry's own words when the model invents a number, and still records the tokens", async () => {
    model.reply(JSON.stringify({ answers: true, reply: "长者食堂每天10点开饭。" }));
    expect(await createModelAnswerPhraser(llm(), silentLogger)(ask)).toBe(ask.answer);
    expect(await database.db.llmUsage.findFirst()).toMatchObject({ outcome: "rejected", completionTokens: 40 });
  });

  it("writes a broadcast draft, records it, and gives nothing on a server error", async () => {
    const content = "各位居民: 本周六上午社区义诊, 欢迎参加。";
    model.reply(content);
    expect(await createModelDraftWriter(llm(), silentLogger).write("周六义诊")).toBe(content);
    model.reply({ status: 500 });
    expect(await createModelDraftWriter(llm(), silentLogger).write("周六义诊")).toBeNull();
    const rows = await database.db.llmUsage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.purpose, r.outcome, r.messageId])).toEqual([
      ["broadcast-draft", "used", null],
      ["broadcast-draft", "error", null],
    ]);
  });
});
