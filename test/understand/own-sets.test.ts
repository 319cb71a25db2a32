import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/understand/parse-message.js";

// Sets of messages written for this project (not taken from the shared dev set),
// labelled per TAXONOMY.md. They guard the parser's general behaviour as lexicons change.
interface Labelled {
  text: string;
  kind: string;
  category: string | null;
  urgency: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}

const sets = [
  "own-messages.jsonl",
  "own-messages-2.jsonl",
  "own-messages-3.jsonl",
  "own-messages-4.jsonl",
  "own-messages-5.jsonl",
  "own-messages-6.jsonl",
  "own-messages-7.jsonl",
  "own-messages-8.jsonl",
  "own-messages-9.jsonl",
  "own-messages-10.jsonl",
  "own-messages-11.jsonl",
  "own-messages-12.jsonl",
  "own-messages-13.jsonl",
  "own-messages-14.jsonl",
  "own-messages-15.jsonl",
  "own-messages-16.jsonl",
  "own-messages-17.jsonl",
];

describe.each(sets)("%s", (file) => {
  const rows = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Labelled);
  const results = rows.map((g) => ({ g, p: parseMessage(g.text) }));
  const requests = results.filter(({ g }) => g.kind === "request");

  it("gets the kind right for at least 95%", () => {
    expect(results.filter(({ g, p }) => g.kind === p.kind).length / results.length).toBeGreaterThanOrEqual(0.95);
  });
  // Sets 9 to 14 and 16 were written by people who never saw the parser; their remaining misses
  // are mostly cases two labellers could file either way (domestic violence: dispute or
  // safety; a flooded garage: safety or repair).
  const unseen: Record<string, number> = {
    "own-messages-9.jsonl": 0.92,
    "own-messages-10.jsonl": 0.85,
    "own-messages-11.jsonl": 0.88,
    "own-messages-12.jsonl": 0.84,
    "own-messages-13.jsonl": 0.8,
    "own-messages-14.jsonl": 0.95,
    // Its errors were studied while the parser was tuned (kind, tie-breaks), so it now scores
    // like a seen set (1.00); the floor is a little below that, not a claim about unseen messages.
    "own-messages-16.jsonl": 0.97,
    // Written apart in the third session (first contact: kind 0.925, macro-F1 0.907, urgent 0.917 /
    // 0.917), then studied for the third parser round; the same holds.
    "own-messages-17.jsonl": 0.97,
  };
  const categoryFloor = unseen[file] ?? 0.93;
  it(`gets the category right for at least ${categoryFloor * 100}% of requests`, () => {
    const ok = requests.filter(({ g, p }) => p.kind === "request" && p.category === g.category).length;
    expect(ok / requests.length).toBeGreaterThanOrEqual(categoryFloor);
  });
  it("misses no emergency", () => {
    const missed = requests
      .filter(({ g, p }) => g.urgency === "urgent" && p.urgency !== "urgent")
      .map(({ g }) => g.text);
    expect(missed).toEqual([]);
  });
  it("reads every address", () => {
    const wrong = requests
      .filter(({ p }) => p.kind === "request")
      .filter(({ g, p }) => g.building !== p.building || g.unit !== p.unit || g.room !== p.room)
      .map(({ g }) => g.text);
    expect(wrong).toEqual([]);
  });
  it("reads every labelled place whatever the kind", () => {
    const fields = ["building", "unit", "room"] as const;
    const wrong = results
      .filter(({ g, p }) => fields.some((f) => g[f] !== null && g[f] !== p[f]))
      .map(({ g }) => g.text);
    expect(wrong).toEqual([]);
  });
});
