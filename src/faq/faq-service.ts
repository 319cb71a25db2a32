// The FAQ's domain: answer from the current index, hand questions over, take staff answers, and grow
// the knowledge base from them. The index is rebuilt from the store, so the database is the one truth.
import { LinliError } from "../core/errors.js";
import type { Clock, Logger } from "../core/types.js";
import type { Actor } from "../core/types.js";
import type { Outbox } from "../outbox/outbox.js";
import { useCommunityWords } from "../words/active-words.js";
import { createFaqIndex, type FaqAnswer, type FaqIndex } from "./faq-index.js";
import { faqReplies } from "./faq-replies.js";
import type { Handover, HandoverQuery, HandoverStore, NewHandover } from "./handover-store.js";
import type { KbStore } from "./import-kb.js";
import { createStaffAnswerEntry } from "./staff-answer-entry.js";

export interface FaqServiceOptions {
  kb: KbStore;
  handovers: HandoverStore;
  /** Where staff answers go to the residents who asked. */
  outbox: Pick<Outbox, "enqueue">;
  clock: Clock;
  logger: Logger;
}

export type FaqService = ReturnType<typeof createFaqService>;

export function createFaqService(o: FaqServiceOptions) {
  const { kb, handovers, clock } = o;
  let index: FaqIndex = createFaqIndex([]);

  const find = async (id: number): Promise<Handover> => {
    const h = await handovers.get(id);
    if (!h) throw new LinliError("not_found", `handover ${id} not found`, { id });
    return h;
  };

  /** Reads every entry and the community's words from the store and swaps in a new index (answers in flight keep the old one). */
  const rebuild = async (): Promise<number> => {
    const entries = await kb.listEntries();
    useCommunityWords(await kb.loadWords());
    index = createFaqIndex(entries);
    o.logger.info("faq index built", { entries: entries.length });
    return entries.length;
  };

  /** Throws not_found, or bad_state (with the hand-over) when it was already answered. */
  const answer = async (actor: Actor, id: number, text: string): Promise<Handover> => {
    const h = await find(id);
    const done = h.status === "open" ? await handovers.markAnswered(id, text, actor.name, clock.now()) : null;
    if (!done) throw new LinliError("bad_state", `handover ${id} already answered`, { id, handover: await find(id) });
    await handovers.audit(actor, "handover.answer", { handoverId: id }, clock.now());
    return done;
  };

  /**
   * Saves an answered hand-over as a knowledge-base entry (again: updates it) and rebuilds the index.
   * Without an id, the last hand-over this person answered. Throws not_found, or bad_state when unanswered.
   */
  const addToKb = async (
    actor: Actor,
    id: number | null,
  ): Promise<{ handover: Handover; entryId: string; created: boolean }> => {
    const h = id === null ? await handovers.lastAnsweredBy(actor.name) : await find(id);
    if (!h) throw new LinliError("not_found", "no answered handover", { id });
    if (!h.answer) throw new LinliError("bad_state", `handover ${h.id} not answered`, { id: h.id });
    const entry = createStaffAnswerEntry(h, h.answer);
    const { created } = await kb.upsertEntries([entry], { source: `handover #${h.id}`, updatedBy: actor.name });
    await handovers.linkKbEntry(h.id, entry.id);
    await handovers.audit(
      actor,
      created ? "kb.create" : "kb.update",
      { entryId: entry.id, handoverId: h.id },
      clock.now(),
    );
    await rebuild();
    return { handover: { ...h, kbEntryId: entry.id }, entryId: entry.id, created: created > 0 };
  };

  /** Tells the resident where they asked, mentioning them in a room. */
  const relay = async (h: Handover, answer: string): Promise<void> => {
    const text = faqReplies.relayAnswer(h, answer);
    // Keyed by hand-over: a replayed staff message never tells the resident twice.
    const key = `handover-answer:${h.id}`;
    if (h.roomId)
      await o.outbox.enqueue({ to: { kind: "room", id: h.roomId }, text, mentionIds: [h.askerId] }, { key });
    else await o.outbox.enqueue({ to: { kind: "contact", id: h.askerId }, text, mentionIds: [] }, { key });
  };

  return {
    get size() {
      return index.size;
    },
    rebuild,

    ask(question: string): FaqAnswer {
      return index.answer(question, clock.now());
    },

    handOver(question: NewHandover): Promise<Handover> {
      return handovers.open(question, clock.now());
    },

    /** Newest first (the console's list). */
    list(query: HandoverQuery): Promise<Handover[]> {
      return handovers.list(query);
    },

    countByState(): Promise<{ open: number; answered: number }> {
      return handovers.countByState();
    },

    get(id: number): Promise<Handover | null> {
      return handovers.get(id);
    },

    /**
     * A staff member's answer, from chat (`回复 N`) or the console: marks the hand-over answered, tells
     * the resident where they asked, and with `addToKb` saves it to the knowledge base too.
     * Throws like `answer` (then nobody is told) and `addToKb` (after the resident was told).
     */
    async reply(
      actor: Actor,
      id: number,
      text: string,
      opts: { addToKb: boolean },
    ): Promise<{ handover: Handover; saved: { entryId: string; created: boolean } | null }> {
      const handover = await answer(actor, id, text);
      await relay(handover, text);
      if (!opts.addToKb) return { handover, saved: null };
      const saved = await addToKb(actor, handover.id);
      return { handover: saved.handover, saved: { entryId: saved.entryId, created: saved.created } };
    },
    answer,
    addToKb,
  };
}
