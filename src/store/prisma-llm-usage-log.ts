import type { LlmUsageLog } from "../core/llm.js";
import type { Db } from "./open-database.js";

export function createPrismaLlmUsageLog(db: Pick<Db, "llmUsage">): LlmUsageLog {
  return {
    async record(usage) {
      await db.llmUsage.create({ data: usage });
    },
  };
}
