// Answers residents' questions from the knowledge base, or abstains so that a person answers.
// MiniSearch ranks entries (jieba terms, field boosts); the decision to answer is taken on how much
// of the question the best entry covers and how clearly it beats the next one.
import MiniSearch from "minisearch";
import { resolveAnswerDates } from "./dated-answer.js";
import { decideAnswer, type RankedCandidate } from "./decide-answer.js";
import { collectKbPhrases } from "./kb-phrases.js";
import type { KbEntry } from "./kb-entry.js";
import { buildVocabulary, correctTypo, type KbVocabulary, weighWord } from "./kb-vocabulary.js";
import { measureCoverage, measureForeign } from "./measure-coverage.js";
import { normalizeText } from "./normalize-text.js";
import { unglue } from "./glued-words.js";
import { findPlaceElsewhere } from "./asked-scope.js";
import { type AskedValue, findDeferredWord, findUnstatedValue } from "./asked-value.js";
import { asksPrivateDetails } from "./private-details.js";
import { splitQuestion } from "./question-focus.js";
import { askedKinds } from "./question-kind.js";
import type { BoostedTrees } from "./boosted-trees.js";
import { rerankCandidates } from "./rerank.js";
import { rerankModel as rerankModelFitted } from "./rerank-model.js";
import { findRelatedWords } from "./related-words.js";
import type { TaggedWord } from "./tag-words.js";
import { tokenizeForSearch, tokenizeWords } from "./tokenize.js";
import { loadGeneralWordWeights } from "./general-word-weight.js";
import {
  findUncoveredIn,
  findUncoveredWords,
  leavesSomethingUnanswered,
  noticedWeight,
  readAskingWords,
  type UncoveredWord,
} from "./uncovered-words.js";
import { createSlipFixer } from "./fix-slips.js";
import { isStaffAnswerEntry } from "./staff-answer-entry.js";
import { findFence, readFences, statesFence } from "./entry-fences.js";
import { collectSlipTerms } from "./slip-terms.js";

export interface FaqAnswer {
  /** The entry that answers, or null to hand the question to a person. */
  entry: KbEntry | null;
  /** Confidence 0..1. */
  score: number;
  /** Text to send, with dates worked out; null when abstaining. */
  answer: string | null;
  confident: boolean;
  candidates: { id: string; score: number }[];
  /**
   * Why a person answers, when it is not that no entry fits: a question about someone's private life, or
   * about something the best entry says it does not cover (its `not:` list).
   */
  handover?: "private" | "fenced";
  /** The `not:` line of the best entry the question matched. */
  fence?: string;
  /** The asked-for words the best entry never states, when they made it hand over. */
  uncovered?: string[];
  /** The kind of value asked for (an amount, a date…) that the best entry's answer never states. */
  unstated?: AskedValue;
  /** A place other than this community that the question asks about and the best entry never names. */
  elsewhere?: string;
  /** A word asked about that the best entry's answer leaves to a later notice. */
  deferred?: string;
  /** The entry that came closest, when one of the reasons above made it hand over (for staff). */
  near?: { id: string; title: string };
}

export interface FaqIndex {
  answer(question: string, now: Date): FaqAnswer;
  /** The ranking behind an answer, for tuning and for staff asking "why did it say that". */
  explain(question: string): RankedCandidate[];
  /** Whether the entry, right in topic, leaves the asked value unsaid or is about another place (for training). */
  leavesUnsaid(question: string, id: string): boolean;
  readonly size: number;
}

interface IndexedDoc {
  id: string;
  title: string;
  questions: string;
  tags: string;
  answer: string;
  /** Everyday words for the concepts the entry is about (its title, questions, tags). */
  related: string;
  /** Everyday words for concepts its answer only mentions. */
  mentioned: string;
}

const fields = ["title", "questions", "tags", "answer", "related", "mentioned"] as const;
const aboutFields = ["title", "questions", "tags", "related"] as const;
// Staff-written phrasings and titles say what an entry is about; the answer only mentions things.
const boost = { title: 3, questions: 2.5, tags: 2, answer: 1, related: 1.5, mentioned: 0.5 };
// How much the question's words meeting in one sentence of an entry add to its BM25 score, per unit of
// rare-term weight. Chosen on the own labelled sets with bench/faq-ranking-report.ts: 20 to 25 ranked
// best (0 ranked 523 of 557 answerable questions first, 20 ranked 527).
const togetherWeight = 20;

export interface FaqIndexOptions {
  /** The reranker of the best five entries (rerank.ts); null keeps BM25's order (for training it). */
  rerank?: BoostedTrees | null;
}

export function createFaqIndex(entries: KbEntry[], options: FaqIndexOptions = {}): FaqIndex {
  const rerankModel = options.rerank === undefined ? rerankModelFitted : options.rerank;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const termsById = new Map<string, string[]>();
  const phrases = collectKbPhrases(entries.flatMap((e) => [e.title, e.answer]));
  // Each field is cut once and the terms reused for the vocabulary: jieba is most of the build time.
  const cache = new Map<string, string[]>();
  const tokenizeCached = (text: string): string[] => {
    const known = cache.get(text);
    if (known) return known;
    const terms = tokenizeForSearch(text, phrases, true);
    cache.set(text, terms);
    return terms;
  };
  const search = new MiniSearch<IndexedDoc>({
    fields: [...fields],
    idField: "id",
    tokenize: (text) => tokenizeCached(text),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: "OR", processTerm: (term) => term },
  });
  const docs = entries.map(toIndexedDoc);
  search.addAll(docs);
  // Everything an entry states, with its everyday related words, normalized and without spaces: what a
  // question's asking words are checked against (uncovered-words.ts). Built when first needed.
  const docById = new Map(docs.map((doc) => [doc.id, doc]));
  const statedById = new Map<string, string>();
  const statedOf = (id: string): string => {
    const known = statedById.get(id);
    if (known !== undefined) return known;
    const doc = docById.get(id)!;
    const text = normalizeText(fields.map((f) => doc[f]).join("\n")).replace(/\s+/g, "");
    statedById.set(id, text);
    return text;
  };
  loadGeneralWordWeights();
  for (const doc of docs) {
    termsById.set(
      doc.id,
      fields.flatMap((f) => tokenizeCached(doc[f])),
    );
  }
  const vocabulary = buildVocabulary(termsById);
  // "业为会", "居住证名": a one-character slip of the knowledge base's own terms is read as the term
  // before anything else looks at the question (fix-slips.ts).
  const slips = createSlipFixer(collectSlipTerms(entries, phrases));
  // What an entry is about, as staff named it: its title, typical questions and tags, not the answer's
  // passing mentions. Siblings ("垃圾分类" and "大件垃圾") share answer words but not these.
  const aboutById = new Map(docs.map((doc) => [doc.id, new Set(aboutFields.flatMap((f) => tokenizeCached(doc[f])))]));
  // BM25 grows with the log of the entry count; dividing by a rare term's weight keeps the
  // answer thresholds meaningful for a small community KB and a large one alike.
  const scale = Math.log(1 + Math.max(1, entries.length - 0.5) / 1.5);
  // A term in hundreds of entries, over a quarter of them, says next to nothing about which one answers,
  // yet walking its postings was most of a question's cost in a large knowledge base (bench:ask). A
  // community's own knowledge base, of tens of entries, never reaches this.
  const commonTermFrequency = Math.max(500, entries.length / 4);
  // Each entry's sentences, normalized and without spaces: a question whose words meet in one sentence
  // ("周六…不出具证明", "老年证不能当饭卡用") asks about the fact that sentence states.
  // Cut when an entry is first among a question's candidates, not at build time.
  const sentencesById = new Map<string, string[]>();
  const sentencesOf = (id: string): string[] => {
    const known = sentencesById.get(id);
    if (known) return known;
    const entry = byId.get(id)!;
    const sentences = [entry.title, ...entry.questions, ...entry.answer.split(/[。；;！!？?\n]+/)]
      .map((t) => normalizeText(t).replace(/\s+/g, ""))
      .filter((t) => t.length > 0);
    sentencesById.set(id, sentences);
    return sentences;
  };

  // The index keeps a coined name whole ("时间银行" is no bank), so a question naming it matches one term
  // where its words would have matched several: it counts as many as the words it is made of.
  // The characters each entry is written in (statedOf), for how much of a question's own characters it has:
  // colloquial questions cut into words the index does not know still share characters with their entry.
  const charsById = new Map<string, Set<string>>();
  const charsOf = (id: string): Set<string> => {
    const known = charsById.get(id);
    if (known) return known;
    const chars = new Set(statedOf(id));
    charsById.set(id, chars);
    return chars;
  };
  const phraseWeight = new Map(phrases.map((p) => [p, Math.max(1, tokenizeForSearch(p).length)]));
  const rank = (question: string): RankedCandidate[] => {
    const { words, terms, weights } = readQuestion(question, vocabulary, phrases);
    if (terms.length === 0) return [];
    const queried = terms.filter((t) => (vocabulary.documentFrequency.get(t) ?? 0) <= commonTermFrequency);
    const results = search.search((queried.length > 0 ? queried : terms).join(" "), {
      tokenize: (s) => s.split(" "),
      boostTerm: (term) => (weights.get(term) ?? 1) * (phraseWeight.get(term) ?? 1),
    });
    const foreign = measureForeign(words, vocabulary);
    const asked = askedTerms(terms, vocabulary);
    const { chars, content } = questionCharacters(question);
    const kinds = askedKinds(question);
    const asking = readAskingWords(question);
    const candidates = results
      .slice(0, 8)
      .map((r) => {
        const together = measureTogether(asked, sentencesOf(String(r.id)));
        return { id: String(r.id), raw: (r.score + togetherWeight * together) / scale, together: together / scale };
      })
      .sort((a, b) => b.raw - a.raw)
      .slice(0, 5)
      .map((r) => {
        const uncovered = findUncoveredIn(asking, statedOf(r.id));
        const candidate: RankedCandidate = {
          ...r,
          coverage: measureCoverage(words, vocabulary, vocabulary.termsOf.get(r.id)),
          about: measureCoverage(words, vocabulary, aboutById.get(r.id)),
          foreign,
          words: words.length,
          chars,
          charCoverage: shareFound(content, charsOf(r.id)),
          kinds,
          uncoveredWords: leavesSomethingUnanswered(uncovered) ? uncovered.length : 0,
          unsaid: leftUnsaid(question, byId.get(r.id)!) ? 1 : 0,
        };
        uncoveredOf.set(candidate, uncovered);
        return candidate;
      });
    return rerankCandidates(candidates, rerankModel).map((r, i) => (i === 0 ? withUncovered(question, r) : r));
  };
  // What each candidate leaves unsaid of the question (uncovered-words.ts), found once when it is ranked:
  // the reranker counts the words, the decision weighs the top one's, the gate below names them.
  const uncoveredOf = new WeakMap<RankedCandidate, UncoveredWord[]>();
  const withUncovered = (question: string, c: RankedCandidate): RankedCandidate => {
    const uncovered = uncoveredOf.get(c) ?? findUncoveredWords(question, statedOf(c.id));
    const described = {
      ...c,
      uncovered: uncovered[0]?.weight ?? 0,
      uncoveredCount: uncovered.filter((u) => u.weight >= noticedWeight).length,
    };
    uncoveredOf.set(described, uncovered);
    return described;
  };
  // The best entry is about the topic but does not say what is asked (who, how much, when). A staff
  // answer saved from an earlier hand-over, close behind it, that does say it answers: the bot told
  // staff "以后居民再问会直接回答" ("合唱团团长是周老师" beside the entry about the choir). Any other
  // runner-up is mostly a sibling service that happens to state a price (tried: 3 near misses
  // answered for 1 question gained on the own sets).
  const staffAnswerBehind = (question: string, ranked: RankedCandidate[]) => {
    const top = ranked[0]!;
    for (const c of ranked.slice(1)) {
      const entry = byId.get(c.id);
      if (!entry || !isStaffAnswerEntry(c.id) || c.raw < runnerUpShare * top.raw) continue;
      if (c.unsaid) continue;
      const promoted = withUncovered(question, c);
      if (leavesSomethingUnanswered(uncoveredOf.get(promoted) ?? [])) continue;
      // The best entry is out (it leaves the question unsaid): the staff answer competes with the rest.
      const again = decideAnswer([promoted, ...ranked.filter((r) => r !== c && r !== top)]);
      if (again.confident) return { entry, score: again.score };
    }
    return undefined;
  };
  return {
    size: entries.length,
    explain: (question: string) => rank(slips.fix(question)),
    leavesUnsaid: (question: string, id: string) => {
      const entry = byId.get(id);
      return entry !== undefined && leftUnsaid(slips.fix(question), entry) !== undefined;
    },
    answer(written: string, now: Date): FaqAnswer {
      const question = slips.fix(written);
      // Never from the knowledge base, even when an entry names the person (private-details.ts).
      if (asksPrivateDetails(question)) return { ...abstain([]), handover: "private" };
      let ranked = rank(question);
      if (ranked.length === 0) return abstain([]);
      // The best entry says it does not cover this ("not: [买车位]"). Another candidate that states the
      // fenced thing may still answer; none does, so a person answers, rather than the runner-up: it is
      // mostly a sibling sharing the same words, the very near miss the fence was written against.
      const fence = findFence(question, readFences(byId.get(ranked[0]!.id)!));
      if (fence) {
        const top = ranked[0]!;
        const elsewhere = ranked.find(
          (c) => c !== top && statesFence(statedOf(c.id), fence) && !findFence(question, readFences(byId.get(c.id)!)),
        );
        if (!elsewhere) {
          const near = nearEntry(byId.get(top.id));
          return { ...abstain(ranked.map((c) => ({ id: c.id, score: 0 }))), handover: "fenced", fence, near };
        }
        ranked = [withUncovered(question, elsewhere), ...ranked.filter((c) => c !== top && c !== elsewhere)];
      }
      // The best entry is about the topic but never speaks of the particular thing asked (a rabies shot,
      // buying a parking space): how specific those words are is one of the decision's features, and they
      // are named in the hand-over post. (A hard gate on them handed over one answerable question in 35,
      // "时间币能换点啥" for "换点", and the learned decision weighs them better: bench/train-faq-decision.ts.)
      const found = uncoveredOf.get(ranked[0]!) ?? findUncoveredWords(question, statedOf(ranked[0]!.id));
      const uncovered = leavesSomethingUnanswered(found) ? found.map((u) => u.word) : [];
      const decision = decideAnswer(ranked);
      const candidates = ranked.map((c, i) => ({ id: c.id, score: i === 0 ? decision.score : 0 }));
      fillCandidateScores(candidates, ranked, decision.score);
      const best = byId.get(ranked[0]!.id);
      const fenced = fence ? { fence } : {};
      const near = nearEntry(best);
      if (!best) return { ...abstain(candidates), score: decision.score, ...fenced };
      const unsaid = leftUnsaid(question, best);
      if (unsaid) {
        // Whether or not the best entry was a confident match: a saved staff answer that says it answers.
        const staff = staffAnswerBehind(question, ranked);
        if (staff) {
          return {
            entry: staff.entry,
            score: staff.score,
            answer: resolveAnswerDates(staff.entry, question, now),
            confident: true,
            candidates: [
              { id: staff.entry.id, score: staff.score },
              ...candidates.filter((x) => x.id !== staff.entry.id),
            ],
          };
        }
        return { ...abstain(candidates), score: decision.score, ...unsaid, near, ...fenced };
      }
      // Not confident: still say, for the staff's hand-over post, what the nearest entry leaves unsaid.
      if (!decision.confident) {
        const hint = uncovered.length > 0 ? { uncovered, near } : {};
        return { ...abstain(candidates), score: decision.score, ...hint, ...fenced };
      }
      return {
        entry: best,
        score: decision.score,
        answer: resolveAnswerDates(best, question, now),
        confident: true,
        candidates,
      };
    },
  };
}

/**
 * Why the best entry, right in topic, still does not answer: the value asked for (a sum, a date, how
 * long) is nowhere in its answer, or named only as left to a later notice ("法定节假日另行通知"), or the
 * same service is asked about somewhere else (another community, the district, the city).
 */
function leftUnsaid(
  question: string,
  entry: KbEntry,
): Pick<FaqAnswer, "unstated" | "deferred" | "elsewhere"> | undefined {
  const unstated = findUnstatedValue(question, entry.answer);
  if (unstated) return { unstated };
  const deferred = findDeferredWord(question, entry.answer);
  if (deferred) return { deferred };
  const elsewhere = findPlaceElsewhere(
    question,
    [entry.title, ...entry.questions, entry.answer, ...entry.tags].join("\n"),
  );
  return elsewhere ? { elsewhere } : undefined;
}

/** A runner-up this close to the best entry (share of its strength) may answer what the best leaves unsaid. */
const runnerUpShare = 0.5;

function nearEntry(entry: KbEntry | undefined): { id: string; title: string } | undefined {
  return entry ? { id: entry.id, title: entry.title } : undefined;
}

function toIndexedDoc(e: KbEntry): IndexedDoc {
  const about = [e.title, ...e.questions, ...e.tags].join("\n");
  const related = new Set(findRelatedWords(normalizeText(about)));
  const mentioned = findRelatedWords(normalizeText(e.answer)).filter((w) => !related.has(w));
  return {
    id: e.id,
    title: e.title,
    questions: e.questions.join("\n"),
    tags: e.tags.join(" "),
    answer: e.answer,
    related: [...related].join(" "),
    mentioned: [...new Set(mentioned)].join(" "),
  };
}

function readQuestion(
  question: string,
  vocabulary: KbVocabulary,
  phrases: string[],
): { words: TaggedWord[]; terms: string[]; weights: Map<string, number> } {
  const tagged = tokenizeWords(question, phrases);
  const terms = new Set(tokenizeForSearch(question, phrases));
  // How much each term counts: as much as the most question-like clause it is said in.
  const weights = new Map<string, number>();
  for (const clause of splitQuestion(question)) {
    for (const term of tokenizeForSearch(clause.text, phrases)) {
      terms.add(term);
      weights.set(term, Math.max(weights.get(term) ?? 0, clause.weight));
    }
  }
  // A slip of one character is often cut into a known word plus a stray character: try them joined.
  const words: TaggedWord[] = [];
  for (let i = 0; i < tagged.length; i++) {
    const current = tagged[i]!;
    const next = tagged[i + 1];
    // Beside fix-slips.ts, which reads slips before anything else: this one also folds synonym variants one
    // character off. Measured on the own sets (1,152 questions, decision refitted each time), dropping it cost
    // about 0.6 point of top-1 at the same abstain recall, and dropping fix-slips instead about as much: both stay.
    const single = correctTypo(vocabulary, current.word);
    const joined = next ? correctTypo(vocabulary, current.word + next.word) : undefined;
    const fixed = single ?? joined;
    if (joined && !single) i++;
    if (fixed) {
      words.push({ word: fixed, noun: true });
      terms.add(fixed);
      continue;
    }
    // "能存", "借个": the known word inside a glued one stands for it.
    const parts = unglue(vocabulary, current.word);
    if (parts.length === 0) words.push(current);
    for (const part of parts) {
      if (!words.some((w) => w.word === part)) words.push({ word: part, noun: current.noun });
    }
  }
  for (const term of [...terms]) {
    for (const part of unglue(vocabulary, term)) {
      terms.add(part);
      weights.set(part, Math.max(weights.get(part) ?? 0, weights.get(term) ?? 1));
    }
  }
  return { words, terms: [...terms], weights };
}

// Characters that carry no topic: particles, pronouns, question and helper words.
const plainChars = new Set(
  "的了吗呢啊吧不是我你他她们在有和就都也还要能会去来个这那咋啥么没得给着过哪几多少什怎样俺儿",
);

/** The question's length in characters without chat noise, and its content characters. */
function questionCharacters(question: string): { chars: number; content: string[] } {
  const letters = [...normalizeText(question).replace(/[\s\p{P}\p{S}]+/gu, "")];
  return { chars: letters.length, content: letters.filter((c) => !plainChars.has(c)) };
}

function shareFound(content: string[], chars: Set<string>): number {
  return content.length > 0 ? content.filter((c) => chars.has(c)).length / content.length : 0;
}

function fillCandidateScores(
  candidates: { id: string; score: number }[],
  ranked: { raw: number }[],
  topScore: number,
): void {
  const top = ranked[0]?.raw ?? 0;
  candidates.forEach((c, i) => {
    c.score = round(top > 0 ? (topScore * (ranked[i]?.raw ?? 0)) / top : 0);
  });
}

function abstain(candidates: { id: string; score: number }[]): FaqAnswer {
  return { entry: null, score: 0, answer: null, confident: false, candidates };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The question's distinct terms of two or more characters, each with how telling it is. */
function askedTerms(terms: string[], vocabulary: KbVocabulary): { term: string; weight: number }[] {
  return [...new Set(terms)]
    .filter((t) => [...t].length >= 2 && vocabulary.documentFrequency.has(t))
    .map((term) => ({ term, weight: weighWord(vocabulary, term, true) }));
}

/**
 * The strongest sentence of an entry in which two or more of the question's words meet: the sum of their
 * weights, less the strongest one (which alone says nothing about meeting). 0 when none meet.
 */
function measureTogether(asked: { term: string; weight: number }[], sentences: string[]): number {
  let best = 0;
  for (const sentence of sentences) {
    const found = asked.filter((a) => sentence.includes(a.term));
    // A term inside another one found ("证明" in "居住证明") is the same mention.
    const present = found
      .filter((a) => !found.some((b) => b.term !== a.term && b.term.includes(a.term)))
      .map((a) => a.weight);
    if (present.length < 2) continue;
    const sum = present.reduce((x, y) => x + y, 0) - Math.max(...present);
    best = Math.max(best, sum);
  }
  return best;
}
