// The knowledge bases the tests read, kept in the repository: the demo community's (`demo/kb`)
// and a larger realistic one written for tests (`test/fixtures/kb`, 49 entries).
// Loading fails loudly: a missing or broken file would otherwise leave an empty index whose
// every answer is "hand over to a person", and tests of abstention would pass on nothing.
import { fileURLToPath } from "node:url";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import { formatKbProblem, loadKb } from "../../src/faq/load-kb.js";

export const fixtureKbPath = fileURLToPath(new URL("../fixtures/kb", import.meta.url));
export const demoKbPath = fileURLToPath(new URL("../../demo/kb", import.meta.url));

/** The entries of a knowledge base the tests rely on; throws when any file is missing or has a problem. */
export function loadTestKb(path: string): KbEntry[] {
  const { entries, problems } = loadKb(path);
  if (problems.length > 0) {
    throw new Error(`test knowledge base ${path} cannot be read:\n${problems.map(formatKbProblem).join("\n")}`);
  }
  if (entries.length === 0) throw new Error(`test knowledge base ${path} has no entries`);
  return entries;
}
