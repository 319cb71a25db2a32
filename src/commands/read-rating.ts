// Reads a resident's rating reply: the rating is the first word(s), in any usual form
// (满意, 不太满意, 5分, 五星, 👍, 还行 …); whatever follows is its comment. A reply that
// plainly tries to rate but cannot be read is "unclear", so the bot can ask back.

export type Stars = 1 | 2 | 3 | 4 | 5;

export type RatingReading =
  | {
      kind: "rating";
      rating: Stars;
      comment: string;
      ticketId: number | null;
      /** A classic rating (满意, 不满意, 1–5, N分) alone: answered even with nothing to rate. */
      bare: boolean;
    }
  | { kind: "unclear"; ticketId: number | null };

interface Head {
  pattern: RegExp;
  rating: Stars | ((m: RegExpExecArray) => Stars | null);
  /**
   * Everyday words (一般, 还行, 不错) start ordinary sentences too ("一般几点收垃圾"):
   * they count only when a space, a mark or the end follows.
   */
  standalone?: boolean;
  classic?: boolean;
}

const digit: Record<string, Stars> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
};

// Longest first: 非常不满意 before 不满意 before 满意.
const heads: Head[] = [
  { pattern: /^(?:非常|很|特别|极其|太|十分|真)不满意/, rating: 1, classic: true },
  { pattern: /^(?:不太|不大|不怎么|不是很|不是太|不算)满意/, rating: 2, classic: true },
  { pattern: /^不满意/, rating: 1, classic: true },
  { pattern: /^(?:非常|很|特别|十分|超级|超|太|真|相当)满意/, rating: 5, classic: true },
  { pattern: /^(?:比较|还算|基本|还比较|基本上)满意/, rating: 4, classic: true },
  { pattern: /^(?:挺|蛮|都)?满意(?!度)/, rating: 5, classic: true },
  { pattern: /^(?:五星|5星)?好评/, rating: 5 },
  { pattern: /^差评/, rating: 1 },
  { pattern: /^中评/, rating: 3 },
  { pattern: /^满分/, rating: 5 },
  { pattern: /^([1-5一二两三四五])\s*(?:颗星|星(?!期)|分(?!钟))/, rating: (m) => digit[m[1]!] ?? null, classic: true },
  { pattern: /^[1-5](?![\d.])/, rating: (m) => digit[m[0]] ?? null, standalone: true, classic: true },
  { pattern: /^[★⭐]{1,5}/u, rating: (m) => [...m[0]].length as Stars },
  { pattern: /^(?:👍|\[强\]|\[赞\])+/u, rating: 5 },
  { pattern: /^(?:👎|\[弱\])+/u, rating: 1 },
  { pattern: /^(?:非常好|特别好|太好了|很棒|太棒了|真棒|好极了|很好|真好)/, rating: 5, standalone: true },
  { pattern: /^(?:挺好|不错|很不错|挺不错|真不错|蛮好|还不错)/, rating: 4, standalone: true },
  { pattern: /^(?:还行|还可以|还好|一般般|一般|凑合|马马虎虎|过得去)/, rating: 3, standalone: true },
  // 不好了 / 不行了 are cries for help (不好了 着火了), not ratings.
  { pattern: /^(?:很差|太差|差劲|太差劲|不好(?!了)|不行(?!了)|很不好|太慢了)/, rating: 1, standalone: true },
];

// Some residents rate in a sentence: 评价: 满意, 给5分, 我打五星.
const leadIn =
  /^(?:(?:我的)?(?:评价|评分|打分)(?:是|为)?[:：\s]*|我?(?:就|想)?(?:给|打)(?:你们|您|他|她|小.)?(?:个|一个)?\s*)/;
const particles = /^[的了啊呀哦呢吧哈嘛啦]+/;
const boundary = /^(?:$|[\s，,。.!！~～、;；:：…?？)）\]【「『"'“]|\[)/;
const attempt = /满意(?!度)|评价|评分|打分|好评|差评|[\d几一二三四五六七八九十零](?:\.\d+)?\s*(?:星(?!期)|分(?!钟))/;

/** The rating a reply gives, its comment, and the ticket it names (`#12 满意`); null if not a rating. */
export function readRating(raw: string): RatingReading | null {
  let text = tidy(raw);
  let ticketId: number | null = null;
  const withId = /^(?:[#＃]\s*(\d{1,9})|(\d{2,9})(?=\s)|(\d)\s+(?=\D))\s*[:：,，]?\s*(.*)$/su.exec(text);
  if (withId) {
    const rest = withId[4] ?? "";
    if (readHead(rest)) {
      ticketId = Number(withId[1] ?? withId[2] ?? withId[3]);
      text = rest;
    } else if (withId[1]) {
      ticketId = Number(withId[1]);
      text = rest;
    }
  }
  const read = readHead(text) ?? readHead(text.replace(leadIn, ""));
  if (read) {
    const comment = tidyComment(read.rest);
    return { kind: "rating", rating: read.rating, comment, ticketId, bare: read.classic && comment === "" };
  }
  if (looksLikeAttempt(text)) return { kind: "unclear", ticketId };
  return null;
}

function readHead(text: string): { rating: Stars; rest: string; classic: boolean } | null {
  for (const h of heads) {
    const m = h.pattern.exec(text);
    if (!m) continue;
    const rating = typeof h.rating === "function" ? h.rating(m) : h.rating;
    if (!rating) continue;
    const rest = text.slice(m[0].length).replace(particles, "");
    if (h.standalone && !boundary.test(rest)) continue;
    return { rating, rest, classic: h.classic ?? false };
  }
  return null;
}

/** Short replies about rating that we could not read: 6分, 3.5分, 评价一下, 满意吗. */
function looksLikeAttempt(text: string): boolean {
  if (/^\d{1,3}(?:\.\d+)?\s*[分星]?$/.test(text)) return true;
  return text.length <= 20 && attempt.test(text);
}

function tidy(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u2005\u3000]+/g, " ")
    .trim();
}

function tidyComment(s: string): string {
  return s.replace(/^[\s，,。.!！~～、;；:：…-]+/, "").trim();
}
