// Port: writes a broadcast draft on a topic (a model behind it, or nothing configured).
// Null when no draft could be written; the caller tells staff and stores nothing.
export interface DraftWriter {
  write(topic: string): Promise<string | null>;
}
