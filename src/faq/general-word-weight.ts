// How specific a word is in Chinese at large: its inverse document frequency over jieba's general
// corpus (the idf table shipped with the segmenter). "开始" (3.8) or "儿子" (5.6) could be in any
// question; "开锁" (10.3), "胃镜" (11.2) or "红烧肉" (10.8) name one particular thing. A word the table
// lacks is mostly one jieba glued together from a chat ("交上去", "没进", "上楼来"), not a rare thing:
// it gets undefined. The table (270,000 words) is read once: common words into a map, the rest as
// sorted 32-bit hashes with their idf (about 2 MB).
import { idf } from "@node-rs/jieba/dict.js";

const commonBelow = 8.5;

interface Table {
  common: Map<string, number>;
  hashes: Uint32Array;
  values: Float32Array;
}

let table: Table | undefined;

function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function load(): Table {
  const common = new Map<string, number>();
  const rare: [number, number][] = [];
  for (const line of Buffer.from(idf).toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space <= 0) continue;
    const word = line.slice(0, space);
    const value = Number(line.slice(space + 1));
    if (value < commonBelow) common.set(word, value);
    else rare.push([hash(word), value]);
  }
  rare.sort((a, b) => a[0] - b[0]);
  return {
    common,
    hashes: Uint32Array.from(rare, ([h]) => h),
    values: Float32Array.from(rare, ([, v]) => v),
  };
}

/** Reads the table now rather than on the first question. */
export function loadGeneralWordWeights(): void {
  table ??= load();
}

/** The word's general-corpus idf, or undefined when the corpus does not know it. */
export function generalIdf(word: string): number | undefined {
  table ??= load();
  const known = table.common.get(word);
  if (known !== undefined) return known;
  const h = hash(word);
  let lo = 0;
  let hi = table.hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = table.hashes[mid]!;
    if (at === h) return table.values[mid];
    if (at < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
