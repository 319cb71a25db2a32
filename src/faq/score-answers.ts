// The three figures the shared scorer reports for a labelled question set, for the
// team's own sets (tests) and for fitting the answer decision (bench/train-faq-decision.ts).
import { readFileSync } from "node:fs";

/** One line of a labelled question set (JSON Lines, as `npm run score:ask` reads them). */
export interface LabelledQuestion {
  id?: string;
  text: string;
  /** The entry that answers it, or null when a person should. */
  faq: string | null;
}

/** The questions of a labelled JSON Lines file, in order. */
export function readLabelledQuestions(path: string | URL): LabelledQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledQuestion);
}

export interface AnswerScores {
  n: number;
  /** Answered with the right entry, among questions the knowledge base answers. */
  top1: number;
  /** Handed to a person, among questions it does not answer. */
  abstainRecall: number;
  /** Right, among the questions answered. */
  precision: number;
}

/** `expected` null: the bot should hand over; `got` null: it did. */
export function scoreAnswers(items: readonly { expected: string | null; got: string | null }[]): AnswerScores {
  let answerable = 0;
  let right = 0;
  let unanswerable = 0;
  let abstained = 0;
  let answered = 0;
  for (const { expected, got } of items) {
    if (got !== null) answered++;
    if (expected === null) {
      unanswerable++;
      if (got === null) abstained++;
    } else {
      answerable++;
      if (got === expected) right++;
    }
  }
  return {
    n: items.length,
    top1: right / (answerable || 1),
    abstainRecall: abstained / (unanswerable || 1),
    precision: right / (answered || 1),
  };
}
