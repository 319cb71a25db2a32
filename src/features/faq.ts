// The FAQ as a feature: at start, import the configured knowledge base (a bad one is reported and the
// entries already in the database are kept), build the index from the database, then answer residents'
// questions and take staff's answers to the ones handed over.
import { answerQuestions } from "../faq/answer-questions.js";
import type { AnswerPhraser } from "../faq/answer-phraser.js";
import { createFaqService, type FaqService } from "../faq/faq-service.js";
import { handoverCommands } from "../faq/handover-commands.js";
import type { HandoverStore } from "../faq/handover-store.js";
import { importKb, type KbStore } from "../faq/import-kb.js";
import { formatKbProblem } from "../words/kb-problem.js";
import { KbInvalidError } from "../faq/lint-kb.js";
import { createModelAnswerPhraser } from "../faq/phrase-answer-with-model.js";
import { createPrismaHandoverStore } from "../store/prisma-handover-store.js";
import { createPrismaKbStore } from "../store/prisma-kb-store.js";
import type { Feature, FeatureDeps } from "./feature.js";

export interface FaqFeature extends Feature {
  service: FaqService;
}

export interface FaqFeatureExtras {
  kb?: KbStore;
  handovers?: HandoverStore;
  phrase?: AnswerPhraser;
}

export function faqFeature(deps: FeatureDeps, extras: FaqFeatureExtras = {}): FaqFeature {
  const { config, clock, logger, rooms } = deps;
  const kb = extras.kb ?? createPrismaKbStore(deps.db, clock);
  const service = createFaqService({
    kb,
    handovers: extras.handovers ?? createPrismaHandoverStore(deps.db),
    outbox: deps.outbox,
    clock,
    logger,
  });
  const phrase = extras.phrase ?? (deps.llm ? createModelAnswerPhraser(deps.llm, logger) : undefined);

  return {
    name: "faq",
    service,
    middleware: {
      commands: handoverCommands({ service }),
      understood: answerQuestions({
        service,
        staffRooms: () => rooms.idsByRole("staff"),
        answerWithoutMention: config.faq.answerWithoutMention,
        phrase,
        logger,
      }),
    },
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
