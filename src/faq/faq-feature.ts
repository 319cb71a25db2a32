// The FAQ as a feature: at start, import the configured knowledge base (a bad one is reported and the
// entries already in the database are kept), build the index from the database, then answer residents'
// questions and take staff's answers to the ones handed over.
import type { Feature, FeatureDeps } from "../core/feature.js";
import { createPrismaKbStore } from "../store/prisma-kb-store.js";
import { answerQuestions } from "./answer-questions.js";
import type { AnswerPhraser } from "./answer-phraser.js";
import { createFaqService, type FaqService } from "./faq-service.js";
import { handoverCommands } from "./handover-commands.js";
import type { HandoverStore } from "./handover-store.js";
import { importKb, type KbStore } from "./import-kb.js";
import { formatKbProblem } from "./kb-problem.js";
import { KbInvalidError } from "./lint-kb.js";
import { createModelAnswerPhraser } from "./phrase-answer-with-model.js";
import { createPrismaHandoverStore } from "../store/prisma-handover-store.js";

export interface FaqFeature extends Feature {
  service: FaqService;
}

export interface FaqFeatureExtras {
  kb?: KbStore;
  handovers?: HandoverStore;
  phrase?: AnswerPhraser;
}

export function createFaqFeature(deps: FeatureDeps, extras: FaqFeatureExtras = {}): FaqFeature {
  const { config, clock, logger, rooms } = deps;
  const kb = extras.kb ?? createPrismaKbStore(deps.db, clock);
  const service = createFaqService({
    kb,
    handovers: extras.handovers ?? createPrismaHandoverStore(deps.db),
    clock,
    logger,
  });
  const phrase = extras.phrase ?? (deps.llm ? createModelAnswerPhraser(deps.llm, logger) : undefined);

  return {
    name: "faq",
    service,
    commands: handoverCommands({ service, outbox: deps.outbox }),
    afterUnderstanding: answerQuestions({
      service,
      staffRooms: () => rooms.idsByRole("staff"),
      answerWithoutMention: config.faq.answerWithoutMention,
      phrase,
      logger,
    }),
    async start() {
      if (config.kbPath) await importAtStart(config.kbPath);
      const size = await service.rebuild();
      if (size === 0) logger.warn("faq knowledge base is empty: every question will be handed to staff");
    },
  };

  async function importAtStart(path: string): Promise<void> {
    try {
      const r = await importKb(path, kb, { updatedBy: "LINLI_KB" });
      logger.info("knowledge base imported", { path, created: r.created, updated: r.updated, total: r.total });
    } catch (err) {
      if (!(err instanceof KbInvalidError)) throw err;
      // A typo in a YAML file must not take the bot down; yesterday's answers are still good.
      logger.error("knowledge base not imported: fix these problems (LINLI_KB); answering from the database", {
        path,
        problems: err.problems.map(formatKbProblem),
      });
    }
  }
}
