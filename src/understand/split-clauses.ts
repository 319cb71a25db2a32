// Clause ranges of a normalized message. Residents separate thoughts with spaces,
// punctuation, or (in voice typing, which has neither) words that turn to a new
// topic; "上回的灯谢谢了 这回是窗户碎了" must not let the thanks hide the new fault.
const separator = /[\s,.!?;:，。！？；：、~…]+|(?=这回|这次|对了|另外|但是|可是|不过|还有就是|结果又|现在又)/g;

export function splitClauses(text: string): Array<readonly [number, number]> {
  const clauses: Array<readonly [number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    if (m.index > start) clauses.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) clauses.push([start, text.length]);
  return clauses;
}
