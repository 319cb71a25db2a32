// Long broadcasts must be cut to fit a channel's message limit. Cutting at a sentence end
// keeps each piece readable for residents; a hard cut is the last resort.

/** WeCom group robot: text content up to 2048 bytes (UTF-8). */
export const WECOM_ROBOT_MAX_BYTES = 2048;
/** WeChat has no published limit; ~1500 Chinese characters (3 bytes each) stays clear of truncation. */
export const WECHAT_MAX_BYTES = 4500;

const SENTENCE_ENDS = new Set(["。", "！", "？", "!", "?", "\n", "…"]);
const CLAUSE_ENDS = new Set(["，", ",", "；", ";", "、", " "]);
/** Closing marks that belong to the sentence before them (`“好。”`). */
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", '"', "'", "…"]);

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/** Splits `text` into pieces of at most `maxBytes` UTF-8 bytes each, none empty. */
export function splitText(text: string, maxBytes: number): string[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 4) {
    throw new RangeError(`maxBytes must be an integer >= 4 (one code point), got ${maxBytes}`);
  }
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest !== "") {
    if (byteLength(rest) <= maxBytes) {
      pieces.push(rest);
      break;
    }
    const window = takeFittingPrefix(rest, maxBytes);
    const cut = findCut(window);
    const piece = rest.slice(0, cut).trimEnd();
    rest = rest.slice(cut).trimStart();
    if (piece !== "") pieces.push(piece);
  }
  return pieces;
}

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Longest prefix of whole graphemes (or code points, for a giant grapheme) within maxBytes. */
function takeFittingPrefix(text: string, maxBytes: number): string {
  let end = 0;
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = byteLength(segment);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += segment.length;
  }
  if (end > 0) return text.slice(0, end);
  // A single grapheme (long emoji sequence) is larger than the limit: cut by code point.
  for (const ch of text) {
    const size = byteLength(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Index (in `window`) to cut at: after the last sentence end, else clause end, else the whole window. */
function findCut(window: string): number {
  const sentence = lastBoundary(window, SENTENCE_ENDS);
  if (sentence > 0) return sentence;
  const clause = lastBoundary(window, CLAUSE_ENDS);
  if (clause > 0) return clause;
  return window.length;
}

function lastBoundary(window: string, ends: ReadonlySet<string>): number {
  for (let i = window.length - 1; i >= 0; i--) {
    if (!ends.has(window[i]!)) continue;
    let cut = i + 1;
    while (cut < window.length && CLOSERS.has(window[cut]!)) cut++;
    // A boundary that would leave only blanks before it is no boundary.
    if (window.slice(0, cut).trim() !== "") return cut;
  }
  return 0;
}
