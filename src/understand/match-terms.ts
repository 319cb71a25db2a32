// Weighted term matching over normalized text. A term is a literal, a RegExp, or a
// literal prefixed with "=" that must start and end on jieba word boundaries
// (so "着火" is found in "楼道着火了" but not in "打不着火").

export type Pattern = string | RegExp;
export type Term = readonly [pattern: Pattern, weight: number];

export interface Hit {
  start: number;
  end: number;
  weight: number;
  pattern: Pattern;
}

/** What a message looks like to the matchers. */
export interface MatchContext {
  text: string;
  /** Whether jieba puts a word boundary at this offset (computed on first use: segmentation is the dearest step). */
  isBoundary: (offset: number) => boolean;
  /** Character ranges whose terms do not count (a clause saying the problem is solved). */
  muted: ReadonlyArray<readonly [number, number]>;
}

export interface Score {
  total: number;
  hits: Hit[];
}

/** Makes every RegExp global once, at load, so matching never compiles. */
export function compileTerms(terms: readonly Term[]): Term[] {
  return terms.map(([p, w]) => [typeof p === "string" || p.global ? p : new RegExp(p.source, `${p.flags}g`), w]);
}

export function scoreTerms(ctx: MatchContext, terms: readonly Term[]): Score {
  const hits: Hit[] = [];
  let total = 0;
  for (const term of terms) {
    const hit = findTerm(ctx, term);
    if (hit) {
      hits.push(hit);
      total += hit.weight;
    }
  }
  return { total, hits };
}

/** First occurrence of a term outside muted ranges, or null. */
export function findTerm(ctx: MatchContext, [pattern, weight]: Term): Hit | null {
  if (typeof pattern === "string") {
    const aligned = pattern.startsWith("=");
    const needle = aligned ? pattern.slice(1) : pattern;
    let from = 0;
    for (;;) {
      const start = ctx.text.indexOf(needle, from);
      if (start < 0) return null;
      const end = start + needle.length;
      from = start + 1;
      if (isMuted(ctx, start)) continue;
      if (aligned && !(ctx.isBoundary(start) && ctx.isBoundary(end))) continue;
      return { start, end, weight, pattern };
    }
  }
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  re.lastIndex = 0;
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    if (!isMuted(ctx, m.index)) return { start: m.index, end: m.index + m[0].length, weight, pattern };
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}

function isMuted(ctx: MatchContext, at: number): boolean {
  for (const [from, to] of ctx.muted) if (at >= from && at < to) return true;
  return false;
}
