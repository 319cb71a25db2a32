// The labelled question sets the FAQ tools read: the own sets (test/faq/fixtures) and the held-out sets
// since used (test/fixtures/used-sets), with the test knowledge base they are written for.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const fixtureKbPath = fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const setDirs = ["../test/faq/fixtures/", "../test/fixtures/used-sets/"].map((d) =>
  fileURLToPath(new URL(d, import.meta.url)),
);

/** Every `*-questions.jsonl` of those folders and of `extraDirs`, sorted by path. */
export function questionSetFiles(extraDirs: string[] = []): string[] {
  return [...setDirs, ...extraDirs.map((d) => (d.endsWith("/") ? d : `${d}/`))]
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith("-questions.jsonl"))
        .map((f) => dir + f),
    )
    .sort();
}

/** A set's name: its file name without "-questions.jsonl" ("apart-6"). */
export function questionSetName(path: string): string {
  return path
    .split("/")
    .pop()!
    .replace(/-questions\.jsonl$/, "");
}
