import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { readRating } from "../../src/commands/read-rating.js";
import { silentLogger } from "../../src/core/logger.js";
import { stripBotMention } from "../../src/text/mentions.js";
import { parseQuoteReply } from "../../src/text/quote.js";
import { createUnderstander } from "../../src/understand/understand-message.js";
import { parseMessage } from "../../src/understand/parse-message.js";

// Whatever a resident pastes (any Unicode, control characters, a 100,000-character wall of text),
// reading it never throws and finishes quickly. The bounds are loose for a loaded 2-core machine.
const perCallMs = 200; // for inputs up to 5,000 characters
const hugeMs = 5_000; // for 100,000 characters

// Pieces the readers look for, so random text reaches deep into them, not only their first check.
const fragments = [
  "3号楼",
  "2单元",
  "501室",
  "#12",
  "＃3",
  "认领",
  "完成",
  "关闭",
  "指派",
  "回复",
  "放弃",
  "进度",
  "满意",
  "不满意",
  "5分",
  "五星",
  "星期",
  "👍",
  "[强]",
  "@邻里管家",
  "@所有人",
  "「张三：楼道灯坏了」\n- - - - - - -\n",
  "燃气",
  "着火",
  "电梯",
  "漏水",
  "120",
  "119",
  "吗",
  "？",
  "，",
  "。",
  " ",
  "\u2005",
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u200b",
  "\u200d",
  "\u202e",
  "\ufeff",
  "\ud800",
  "\udfff",
  "🏳️‍🌈",
  "Ｑ",
  "１２",
  "加入知识库",
  "评价",
  "给",
  "打",
  "的了啊",
  "楼道灯坏了好几天了",
  "{本月满意率}",
  "\\",
  '"',
  "%s",
  "$&",
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.nat(99999).map(String) },
);
const message = fc.oneof(
  fc.string({ unit: "binary", maxLength: 5_000 }),
  fc.array(piece, { maxLength: 300 }).map((parts) => parts.join("").slice(0, 5_000)),
  // A short pattern repeated to 5,000 characters: where backtracking regexes blow up.
  fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.string({ unit: "binary", maxLength: 3 }))
    .map(
      ([parts, tail]) =>
        `${parts.join("").repeat(Math.ceil(5_000 / Math.max(1, parts.join("").length)))}`.slice(0, 5_000) + tail,
    ),
);

function timed<T>(read: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = read();
  return { value, ms: performance.now() - started };
}

const kinds = ["request", "question", "complaint", "suggestion", "praise", "other"];
const readers: Array<[string, (text: string) => unknown]> = [
  ["parseMessage", (t) => parseMessage(t)],
  ["parseCommand", (t) => parseCommand(stripBotMention(t, "邻里管家"), parseQuoteReply(t))],
  ["readRating", (t) => readRating(t)],
];

beforeAll(() => {
  // Load the word segmenter and compile the lexicons once, outside any time bound.
  for (const [, read] of readers) read("3号楼楼道灯坏了 满意");
});

describe("bad input", () => {
  it.each(readers)("%s: any text up to 5,000 characters never throws and answers in bounded time", (_name, read) => {
    fc.assert(
      fc.property(message, (text) => {
        const { ms } = timed(() => read(text));
        expect(ms, `took ${ms.toFixed(0)} ms for ${text.length} chars`).toBeLessThan(perCallMs);
      }),
      { numRuns: 150 },
    );
  });

  it("parseMessage always gives a kind of the taxonomy, and the fields that go with it", () => {
    fc.assert(
      fc.property(message, fc.option(message, { nil: undefined }), (text, quoted) => {
        const parsed = parseMessage(text, { quoted });
        expect(kinds).toContain(parsed.kind);
        if (parsed.kind !== "request") expect(parsed.category).toBeNull();
        expect(Number.isFinite(parsed.confidence)).toBe(true);
        expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
      }),
      { numRuns: 100 },
    );
  });

  it("commands name a whole ticket number, ratings 1 to 5", () => {
    fc.assert(
      fc.property(message, (text) => {
        const command = parseCommand(text);
        if (command && "id" in command && typeof command.id === "number") {
          expect(Number.isSafeInteger(command.id)).toBe(true);
        }
        const rating = readRating(text);
        if (rating?.kind === "rating") expect([1, 2, 3, 4, 5]).toContain(rating.rating);
      }),
      { numRuns: 150 },
    );
  });

  const huge = fc.array(piece, { minLength: 1, maxLength: 30 }).map((parts) => {
    const chunk = parts.join("") || "楼";
    return chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
  });
  it.each(readers)("%s: a 100,000-character message is read in bounded time", (_name, read) => {
    fc.assert(
      fc.property(huge, (text) => {
        const { ms } = timed(() => read(text));
        expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(hugeMs);
      }),
      // A wall of digits before a word: a price pattern once rescanned it from every position
      // (4 s at 30,000 digits, quadratic).
      { numRuns: 5, examples: [[`${"0".repeat(99_999)}楼`]] },
    );
  });

  it("the understander (what the bot and linli parse call) never rejects on hostile text", async () => {
    const { understand } = createUnderstander({ logger: silentLogger });
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const r = await understand(text, { messageId: "m" });
        expect(kinds).toContain(r.kind);
      }),
      { numRuns: 50 },
    );
  });
});
