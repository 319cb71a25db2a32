// Residents often say the same thing twice in a busy group ("楼道灯坏了" … "楼到灯还是黑的 没人修吗").
// A repeat is the same resident, the same category, a compatible place (an unknown place matches any),
// an open ticket within a few hours, and the same problem: the things named (the key nouns, after the
// parser's typo fixes) meet. 楼道灯坏了 and 水管漏了 are both repairs but not the same problem.
import { tagWords } from "../text/segment.js";
import { normalizeText } from "../understand/normalize-text.js";
import { standardizeDialect } from "../understand/standardize-dialect.js";
import type { Parsed } from "../understand/taxonomy.js";
import type { Ticket } from "./ticket.js";

const windowMs = 6 * 3600_000;

// Homophone slips on the fault itself that the parser's typo table cannot hold (the wrong form is a
// word of its own elsewhere): 下水道赌了 → 堵了, 水管露了 → 漏了.
const faultSlips: ReadonlyArray<readonly [RegExp, string]> = [
  [/赌(?=[了住死着塞])/g, "堵"],
  [/露(?=[了水])/g, "漏"],
];

// Nouns that say where or when, or nothing in particular: they do not tell two problems apart.
const notTheThing =
  /^(?:楼道|楼梯间|厨房|卫生间|厕所|洗手间|客厅|卧室|阳台|门口|楼下|楼上|小区|单元|走廊|地下室|车库|院子|院里|屋里|家里|家|屋|房间|里面|外面|上面|下面|这边|那边|楼|层|号|室|今天|昨天|晚上|早上|半夜|天|社区|物业|师傅|人|邻居|老人|东西|问题|事|事情|情况|失灵|故障|毛病|水|电|气|味|声)$/;

/** The things a message names (key nouns), after typo and dialect normalisation. */
export function problemKeys(text: string): string[] {
  let t = standardizeDialect(normalizeText(text));
  for (const [slip, fix] of faultSlips) t = t.replace(slip, fix);
  const keys = tagWords(t)
    .filter((w) => w.tag.startsWith("n") && /\p{Script=Han}/u.test(w.word) && !notTheThing.test(w.word))
    .map((w) => w.word);
  return [...new Set(keys)];
}

/** Two messages name the same thing: a key in common, or one inside the other (门 / 门禁卡). */
function sameThing(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => x === y || x.includes(y) || y.includes(x)));
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\d]/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function similarity(a: string, b: string): number {
  const x = bigrams(normalizeText(a));
  const y = bigrams(normalizeText(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

const compatible = (a: string | null, b: string | null) => a === null || b === null || a === b;

/** The same problem told again: by the things named, or (when one names nothing) by wording. */
export function sameProblem(earlier: string, later: string): boolean {
  const before = problemKeys(earlier);
  const now = problemKeys(later);
  // "怎么还没人来啊" names nothing: a follow-up on the open matter.
  if (now.length === 0) return true;
  if (before.length === 0) return similarity(earlier, later) >= 0.4;
  return sameThing(before, now);
}

export function findRepeat(recent: Ticket[], text: string, parsed: Parsed, now: Date): Ticket | undefined {
  return recent.find(
    (t) =>
      (t.status === "open" || t.status === "claimed") &&
      now.getTime() - t.createdAt.getTime() <= windowMs &&
      t.category === (parsed.category ?? "other") &&
      compatible(t.building, parsed.building) &&
      compatible(t.unit, parsed.unit) &&
      compatible(t.room, parsed.room) &&
      sameProblem(t.text, text),
  );
}
