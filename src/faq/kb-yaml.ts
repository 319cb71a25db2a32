// The knowledge base as YAML text, for the console: an entry written in a form is checked by
// writing it as a one-entry YAML file and reading that back with the same parser `linli kb lint`
// uses, so a form can never accept what a file would not; export writes files import reads back.
import { isMap, parseDocument, stringify } from "yaml";
import type { WordList } from "../words/word-list.js";
import type { KbEntry } from "./kb-entry.js";
import { parseKbFile } from "./parse-kb-file.js";

const knownFields = ["id", "title", "questions", "answer", "tags"];

/** An entry as it would be written in a file: the known fields first, then the others as written. */
function asWritten(entry: KbEntry): Record<string, unknown> {
  const written: Record<string, unknown> = { id: entry.id, title: entry.title };
  if (entry.questions.length > 0) written.questions = entry.questions;
  written.answer = entry.answer;
  if (entry.tags.length > 0) written.tags = entry.tags;
  for (const [key, value] of Object.entries(entry.extra)) if (!knownFields.includes(key)) written[key] = value;
  return written;
}

/** Entries as one YAML file, in the format of the knowledge-base files (importing it gives them back). */
export function kbToYaml(entries: KbEntry[], header?: string): string {
  const body = entries.length === 0 ? "[]\n" : stringify(entries.map(asWritten), { lineWidth: 0 });
  const comment = header ? `${header.replace(/^/gm, "# ")}\n` : "";
  return `${comment}${body}`;
}

/** The community's words as a words.yaml (docs/words.md); sections with nothing in them are left out. */
export function wordsToYaml(words: WordList, header?: string): string {
  const kept = Object.fromEntries(
    Object.entries(words).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)),
  );
  const comment = header ? `${header.replace(/^/gm, "# ")}\n` : "";
  return `${comment}${Object.keys(kept).length === 0 ? "" : stringify(kept, { lineWidth: 0 })}`;
}

/** The fields other than the five known ones, written as YAML text for editing (empty when none). */
export function extraToYaml(extra: Record<string, unknown>): string {
  return Object.keys(extra).length === 0 ? "" : stringify(extra, { lineWidth: 0 });
}

export interface EntryForm {
  id: string;
  title: string;
  questions: string[];
  answer: string;
  tags: string[];
  /** Other fields (schedule, not, …) as YAML text, e.g. `not:\n  - 买车位`. */
  extra: string;
}

/** The entry a form describes, or every problem with it, in the words `linli kb lint` uses. */
export function checkEntryForm(form: EntryForm): { entry?: KbEntry; problems: string[] } {
  let extra: Record<string, unknown> = {};
  if (form.extra.trim() !== "") {
    const doc = parseDocument(form.extra, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      const line = doc.errors[0]?.linePos?.[0].line;
      return { problems: [`其他字段不是正确的 YAML${line ? ` (第${line}行)` : ""}, 请检查缩进和冒号`] };
    }
    if (!isMap(doc.contents)) return { problems: ["其他字段应写成 “字段: 值” 的形式, 比如 “not: [买车位]”"] };
    extra = doc.toJSON() as Record<string, unknown>;
    const clash = Object.keys(extra).filter((key) => knownFields.includes(key));
    if (clash.length > 0) return { problems: [`其他字段里不要再写 ${clash.join("、")}, 请填在上面对应的框里`] };
  }
  const written: Record<string, unknown> = {
    id: form.id.trim(),
    title: form.title,
    questions: form.questions.map((q) => q.trim()).filter((q) => q !== ""),
    answer: form.answer,
    tags: form.tags.map((t) => t.trim()).filter((t) => t !== ""),
    ...extra,
  };
  const { entries, problems } = parseKbFile(stringify([written], { lineWidth: 0 }), "entry.yaml");
  if (problems.length > 0) return { problems: problems.map((p) => p.message) };
  return { entry: entries[0]?.entry, problems: [] };
}
