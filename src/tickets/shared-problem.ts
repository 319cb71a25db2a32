// A building-wide problem (停水, 停电, 电梯坏了, 楼道灯, 管道漏水) is one problem however many
// residents report it. Later reports from other residents, in the same building and a
// compatible unit, within a few hours, are linked to the first open ticket instead of
// opening a card each. A different problem in the same building is not the same one.
import type { Parsed } from "../understand/taxonomy.js";
import { normalizeText } from "../understand/normalize-text.js";
import { placeOf } from "./infer-place.js";
import type { Ticket } from "./ticket.js";

export type SharedProblem = "water" | "power" | "gas" | "lift" | "stair-light" | "pipe";

const problems: ReadonlyArray<readonly [SharedProblem, RegExp]> = [
  ["water", /停水|断水|没(?:有)?(?:自来)?水(?!费)|无水|不来水|来水|水压(?:低|小|不够)|一滴水/],
  ["power", /停电|断电|没(?:有)?电(?!梯|话|费|视|脑|动|瓶|池)|来电/],
  ["gas", /停气|断气|没(?:有)?(?:燃|煤|天然)?气(?!味)/],
  ["lift", /电梯|电提/],
  ["stair-light", /(?:楼道|楼梯|走廊|过道)(?:间|里|的)?(?:灯|照明|黑)|声控灯|感应灯/],
  ["pipe", /(?:管道|水管|下水管|主管|排水管|污水管|立管)(?:子)?(?:又|都)?(?:漏|爆|裂|渗|冒)/],
];

const sharedCategories = new Set(["utilities", "repair"]);

/** The building-wide problems a message names (usually one). */
export function sharedProblems(text: string): SharedProblem[] {
  const t = normalizeText(text);
  return problems.filter(([, pattern]) => pattern.test(t)).map(([name]) => name);
}

export interface Report {
  residentId: string;
  roomTopic: string | null;
  text: string;
  parsed: Parsed;
}

/**
 * The open ticket a report is the same building-wide problem as, or undefined: another
 * resident's, not itself linked, the same building (said or read from the group's name), a
 * compatible unit (one unknown matches), within `windowMs`, naming the same problem.
 */
export function findSharedTicket(open: Ticket[], report: Report, now: Date, windowMs: number): Ticket | undefined {
  if (!sharedCategories.has(report.parsed.category ?? "other")) return undefined;
  const named = sharedProblems(report.text);
  if (named.length === 0) return undefined;
  const here = placeOf({ ...report.parsed, roomTopic: report.roomTopic });
  if (here.building === null) return undefined;
  return open
    .filter(
      (t) =>
        (t.status === "open" || t.status === "claimed") &&
        t.mergedIntoId === null &&
        t.residentId !== report.residentId &&
        sharedCategories.has(t.category) &&
        now.getTime() - t.createdAt.getTime() <= windowMs &&
        t.createdAt.getTime() <= now.getTime(),
    )
    .sort((a, b) => a.id - b.id)
    .find((t) => {
      const there = placeOf(t);
      if (there.building !== here.building) return false;
      if (there.unit !== null && here.unit !== null && there.unit !== here.unit) return false;
      return sharedProblems(t.text).some((p) => named.includes(p));
    });
}
