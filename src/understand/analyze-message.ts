// Reads one message (no quote handling) into the signals the decision uses.
import { segment } from "../text/segment.js";
import { detectUrgency, type UrgencyFinding } from "./detect-urgency.js";
import { extractLocationFromNormalized } from "./extract-location.js";
import { findMentions } from "./find-mentions.js";
import { askCues, problemCues, questionCues } from "./lexicon/kind-cues.js";
import { chatCues, noiseCues, resolvedCues, thanksCues } from "./lexicon/other-cues.js";
import { compileTerms, findTerm, type MatchContext, scoreTerms } from "./match-terms.js";
import { normalizeText } from "./normalize-text.js";
import { type CategoryScores, scoreCategories } from "./score-categories.js";
import { splitClauses } from "./split-clauses.js";
import { standardizeDialect } from "./standardize-dialect.js";
import type { Location } from "./taxonomy.js";

const problem = compileTerms(problemCues);
const ask = compileTerms(askCues);
const question = compileTerms(questionCues);
const resolved = compileTerms(resolvedCues);
const thanks = compileTerms(thanksCues);
const noise = compileTerms(noiseCues);
const chat = compileTerms(chatCues);
// Words that move on to a new matter after thanks ("谢谢上回修灯, 对了厨房又漏了").
const turn = /对了|另外|还有|这回|这次|但|可是|不过|又|还是|建议|第[二三四五六七八九几\d]+(?:次|回)/;
const forwardTag = /\[转发?\]|【转发?】|\[转载\]|【转载】/;
// A clause opening with thanks, maybe after when it happened ("昨天谢谢你帮我扛米", "前天真是多亏
//小王帮我搬煤气罐"): help given.
const thanksFirst =
  /^(?:(?:昨天|昨晚|前天|上次|上回|那天|刚才|刚刚|今天|前几天|上周|之前)的?)?(?:真是|真的|真|可|太|非常|多亏了?|幸亏|幸好|亏得)?(?:谢谢|感谢|多谢|太感谢|多亏|幸亏|幸好|亏得|表扬)/;
// "通了两次又堵了": the fix did not last, so the clause still reports the fault.
const relapse = /又(?:堵|坏|漏|停|不|没|开始|出|犯|冒|响)|没(?:过)?几天|(?:两|三|几)天就|没多久/;
// Thanks for help given ("小赵昨天帮我把米扛上楼 好孩子") tells the help in the words of an ask (帮我,
// 给我们修); an ask still open says so with a modal or a question ("能不能帮我送饭 谢谢").
const stillAsking =
  /能不能|能否|可不可以|可以|麻烦|请|希望|想|需要|有没有|谁(?:能|可以|来|帮)|吗|[?？]|一下|还得|还要|再帮/;
const hasContent = /[\u4e00-\u9fa5A-Za-z0-9]/;
// "别的单元都热乎 就我们不行": how others fare is the comparison that makes the fault plain, not a fix.
const othersFare = /^(?:别的|别人|别家|人家|其他|其它|旁边|隔壁|对面)[^,.!?\s]{0,6}(?:都|也|倒|全)/;
// A clause that supposes ("要是哪天电梯坏了"): its fault has not happened, so it is no problem to report.
// "就怕哪天停电了", "担心有一天…": a worry about what may happen is no fault either.
// A clause told as the past ("去年冬天暖气不热"), in a message that says it is fixed now: the
// fault is the story of the fix, not a report.
const pastOpening =
  /^(?:去年|前年|前(?:两|几)年|头(?:两|几)年|早(?:两|几)年|以前|之前|原来|原先|过去|早先|从前|那时候?|上个?(?:月|冬天|礼拜|星期)|上回|上次)/;
const wish = /^(?:要是|如果|假如)(?:能|可以|再|有|把|在|给)/;
const supposing =
  /^(?:[就我真也还]{0,2}(?:怕|担心|生怕))?(?:要是|万一|如果|假如|假设)|^[就我真也还]{0,2}(?:怕|担心|生怕)(?:哪天|有一天|以后|将来|到时候)/;

export interface Signals {
  /** Normalized, dialect-standardized text. */
  text: string;
  empty: boolean;
  problem: number;
  ask: number;
  question: number;
  noise: number;
  chat: number;
  /** Some clause said a problem is solved or thanked someone. */
  settled: boolean;
  /** Thanks or praise for help given, nothing wrong now and nothing asked in any clause. */
  helpPraised: boolean;
  /** The message opens with thanks or a fix and never turns to a new matter. */
  thanksOnly: boolean;
  mentionsStaff: boolean;
  mentionsNeighbour: boolean;
  categories: CategoryScores;
  /** The top category score leaving out clauses that only worry what may happen. */
  topicTop: number;
  urgency: UrgencyFinding;
  location: Location;
}

export function analyzeMessage(raw: string): Signals {
  const text = standardizeDialect(normalizeText(raw));
  const mentions = findMentions(raw);
  const base = { text, mentionsStaff: mentions.staff, mentionsNeighbour: mentions.neighbour };
  if (!hasContent.test(text)) return { ...base, ...emptySignals() };

  let boundaries: Set<number> | undefined;
  const isBoundary = (at: number): boolean => {
    if (!boundaries) {
      boundaries = new Set<number>([0]);
      let offset = 0;
      for (const word of segment(text)) {
        offset += word.length;
        boundaries.add(offset);
      }
    }
    return boundaries.has(at);
  };
  const clauses = splitClauses(text);
  const open: MatchContext = { text, isBoundary, muted: [] };
  let resolvedSeen = false;
  let praisedSeen = false;
  const muted = clauses.filter(([from, to]) => {
    const clause: MatchContext = { text: text.slice(from, to), isBoundary: () => true, muted: [] };
    if (!relapse.test(clause.text) && !othersFare.test(clause.text) && resolved.some((t) => findTerm(clause, t))) {
      resolvedSeen = true;
      return true;
    }
    // "谢谢大家帮忙找" thanks for help given; "麻烦派人看看谢谢" still asks.
    if (
      thanksFirst.test(clause.text) ||
      (thanks.some((t) => findTerm(clause, t)) && !ask.some((t) => findTerm(clause, t)))
    ) {
      praisedSeen = true;
      return true;
    }
    return false;
  });
  if (resolvedSeen && !relapse.test(text)) {
    const firstFixed = muted[0]?.[0] ?? 0;
    for (const clause of clauses) {
      if (clause[0] >= firstFixed) break;
      if (pastOpening.test(text.slice(clause[0], clause[1]))) muted.push(clause);
    }
  }
  const ctx: MatchContext = { text, isBoundary, muted };
  const supposedClauses = clauses.filter(([from, to]) => supposing.test(text.slice(from, to)));
  const supposed: MatchContext = { text, isBoundary, muted: [...muted, ...supposedClauses] };
  // Whether a message is about something to act on leaves out a worry ("就怕哪天停电了") but keeps a
  // wish ("要是能装个长椅就好了"), told as a supposition too. The worry still says what is at stake
  // when something real is reported with it ("纸箱堵了楼道 万一着火…" is a hazard).
  const worries = supposedClauses.filter(([from, to]) => !wish.test(text.slice(from, to)));
  const categories = scoreCategories(ctx);
  const problemScore = scoreTerms(supposed, problem).total;
  const topicTop = worries.length
    ? scoreCategories({ text, isBoundary, muted: [...muted, ...worries] }).top
    : categories.top;
  return {
    ...base,
    empty: false,
    problem: problemScore,
    ask: scoreTerms(ctx, ask).total,
    question: scoreTerms(open, question).total,
    // The emoji-code pass of normalizeText would hide a [转发] tag: look for it in the raw text.
    noise: scoreTerms(open, noise).total + (forwardTag.test(raw) ? 5 : 0),
    chat: scoreTerms(open, chat).total,
    settled: muted.length > 0,
    thanksOnly: (muted[0]?.[0] === clauses[0]?.[0] || resolvedSeen) && !turn.test(text),
    helpPraised: praisedSeen && problemScore < 2 && !turn.test(text) && !stillAsking.test(text),
    categories,
    topicTop,
    urgency: detectUrgency(ctx, clauses),
    location: extractLocationFromNormalized(text),
  };
}

function emptySignals(): Omit<Signals, "text" | "mentionsStaff" | "mentionsNeighbour"> {
  return {
    empty: true,
    problem: 0,
    ask: 0,
    question: 0,
    noise: 0,
    chat: 0,
    settled: false,
    helpPraised: false,
    thanksOnly: false,
    categories: { best: "other", top: 0, second: 0, scores: {} },
    topicTop: 0,
    urgency: { urgent: false, category: null },
    location: { building: null, unit: null, room: null },
  };
}
