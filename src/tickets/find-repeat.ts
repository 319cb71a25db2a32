// Residents often say the same thing twice in a busy group ("楼道灯坏了" … "灯还是没人修啊").
// A repeat by the same resident, about the same kind of problem at the same place, worded
// alike and within a few hours, points to the open ticket instead of opening another.
import type { Parsed } from "../understand/taxonomy.js";
import type { Ticket } from "./ticket.js";

const windowMs = 6 * 3600_000;

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\d]/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

export function findRepeat(recent: Ticket[], text: string, parsed: Parsed, now: Date): Ticket | undefined {
  return recent.find(
    (t) =>
      (t.status === "open" || t.status === "claimed") &&
      now.getTime() - t.createdAt.getTime() <= windowMs &&
      t.category === (parsed.category ?? "other") &&
      t.building === parsed.building &&
      t.unit === parsed.unit &&
      t.room === parsed.room &&
      similarity(t.text, text) >= 0.4,
  );
}
