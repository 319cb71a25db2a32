// One knowledge-base entry as staff wrote it, after validation.
export interface KbEntry {
  id: string;
  title: string;
  /** Typical phrasings residents use; may be empty. */
  questions: string[];
  answer: string;
  tags: string[];
  /** Any other fields of the YAML entry (e.g. `schedule`), kept as written. */
  extra: Record<string, unknown>;
}
