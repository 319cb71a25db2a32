// The port for rewording an entry's answer to fit the question (a model, optional). It must fall
// back to `answer` itself on any failure: the resident always gets the knowledge base's words. It may
// also find, reading only that entry, that the entry does not answer the question (null): then a person
// answers. It never answers from anything but the entry.
import type { KbEntry } from "./kb-entry.js";

export interface PhraseRequest {
  question: string;
  entry: KbEntry;
  /** The entry's answer with dates worked out: the fallback and the only facts allowed. */
  answer: string;
  messageId: string;
}

/** The words to send, or null when the entry does not answer the question. */
export type AnswerPhraser = (request: PhraseRequest) => Promise<string | null>;
