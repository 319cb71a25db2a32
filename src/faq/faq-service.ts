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
import { maskForModel } from "../understand/mask-for-model.js";
import { parseWordList, type WordList } from "../words/word-list.js";
import type { KbProblem } from "../words/kb-problem.js";
import type { FaqMatch, KbStore } from "./import-kb.js";
import type { KbEntry } from "./kb-entry.js";
import { kbToYaml, wordsToYaml } from "./kb-yaml.js";
import { KbInvalidError } from "./lint-kb.js";
import { checkKbTexts, wordFileNames } from "./load-kb.js";
import { createStaffAnswerEntry } from "./staff-answer-entry.js";

/** A knowledge-base file given as text (uploaded or pasted in the console). */
export interface KbText {
  file: string;
  text: string;
}

/** Matches kept per entry, and how much of a question is kept (masked first). */
const matchesKept = 20;
const matchChars = 40;

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

  /** What `linli kb lint` would say of these files (a words.yaml among them is checked as words). */
  const checkTexts = (files: KbText[]): { entries: KbEntry[]; words: WordList | null; problems: KbProblem[] } => {
    const isWords = (f: KbText) => wordFileNames.has(f.file.toLowerCase());
    const checked = checkKbTexts(files.filter((f) => !isWords(f)));
    const wordsFile = files.find(isWords);
    const words = wordsFile ? parseWordList(wordsFile.text, wordsFile.file) : null;
    const problems = [...checked.problems, ...(words?.problems ?? [])];
    if (files.every(isWords)) problems.push({ message: "没有条目文件: 请选择知识库的 .yaml 文件" });
    return { entries: checked.entries, words: words?.words ?? null, problems };
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

    /** The entries in the store, by id. */
    listEntries(): Promise<KbEntry[]> {
      return kb.listEntries();
    },

    /**
     * Saves a checked entry and rebuilds the index, so the next question is answered with it. Without
     * `replaces` the id must be new; with it, that entry is updated (and renamed when the id changed).
     * Throws not_found (no entry `replaces`) or bad_state (the id is taken).
     */
    async saveEntry(actor: Actor, entry: KbEntry, o: { replaces?: string } = {}): Promise<{ created: boolean }> {
      const ids = new Set((await kb.listEntries()).map((e) => e.id));
      if (o.replaces !== undefined && !ids.has(o.replaces))
        throw new LinliError("not_found", `kb entry ${o.replaces} not found`, { id: o.replaces });
      if (o.replaces !== entry.id && ids.has(entry.id))
        throw new LinliError("bad_state", `kb entry ${entry.id} exists`, { id: entry.id });
      const info = { source: "console", updatedBy: actor.name };
      // A renamed entry keeps the questions residents asked of it.
      if (o.replaces !== undefined && o.replaces !== entry.id) await kb.renameEntry(o.replaces, entry, info);
      else await kb.upsertEntries([entry], info);
      await rebuild();
      return { created: o.replaces === undefined };
    },

    /** Throws not_found. */
    async deleteEntry(_actor: Actor, id: string): Promise<void> {
      if (!(await kb.deleteEntry(id))) throw new LinliError("not_found", `kb entry ${id} not found`, { id });
      await rebuild();
    },

    checkTexts,

    /**
     * Imports files the way `linli kb import` does (entries updated by id, none removed; a words.yaml
     * replaces the community's words) and rebuilds the index. Throws KbInvalidError, writing nothing.
     */
    async importTexts(actor: Actor, files: KbText[]): Promise<{ created: number; updated: number; total: number }> {
      const { entries, words, problems } = checkTexts(files);
      if (problems.length > 0) throw new KbInvalidError(problems);
      const { created, updated } = await kb.upsertEntries(entries, {
        source: `console: ${files.map((f) => f.file).join(", ")}`.slice(0, 200),
        updatedBy: actor.name,
      });
      if (words) await kb.saveWords(words);
      await rebuild();
      return { created, updated, total: entries.length };
    },

    /** Every entry as one YAML file that `linli kb import` and the console's import read back. */
    async exportYaml(header?: string): Promise<string> {
      return kbToYaml(await kb.listEntries(), header);
    },

    /** The community's words as a words.yaml that imports back (empty sections left out). */
    async exportWordsYaml(header?: string): Promise<string> {
      return wordsToYaml(await kb.loadWords(), header);
    },

    /** Notes that the FAQ answered a question from an entry: masked (phones, names) and cut short. */
    async noteAnswered(question: string, entryId: string): Promise<void> {
      const masked = [...maskForModel(question.replace(/\s+/g, " ").trim())];
      const text = masked.length > matchChars ? `${masked.slice(0, matchChars).join("")}…` : masked.join("");
      await kb.recordMatch({ entryId, question: text, at: clock.now() }, matchesKept);
    },

    recentMatches(o: { entryId?: string; limit: number }): Promise<FaqMatch[]> {
      return kb.recentMatches(o);
    },

    matchCounts(since: Date): Promise<Map<string, number>> {
      return kb.matchCounts(since);
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
