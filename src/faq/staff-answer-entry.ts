// A staff member's answer to a handed-over question, as a knowledge-base entry: the resident's own
// words are the entry's title and typical phrasing, which is what the next resident will type.
import type { Handover } from "./handover-store.js";
import type { KbEntry } from "./kb-entry.js";

const maxTitleChars = 40;

export function staffAnswerEntryId(handoverId: number): string {
  return `staff-answer-${handoverId}`;
}

/** Whether an entry was saved from a staff member's answer to a hand-over. */
export function isStaffAnswerEntry(id: string): boolean {
  return /^staff-answer-\d+$/u.test(id);
}

export function createStaffAnswerEntry(handover: Handover, answer: string): KbEntry {
  const question = handover.question.replace(/\s+/g, " ").trim();
  const title = [...question.replace(/[?？!！。,，~～\s]+$/u, "")].slice(0, maxTitleChars).join("");
  return {
    id: staffAnswerEntryId(handover.id),
    title: title || question,
    questions: [question],
    answer,
    tags: [],
    extra: {},
  };
}
