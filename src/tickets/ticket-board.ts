// The staff board: tickets found by status, category, building, volunteer, date and a search,
// newest first, a page at a time, with counts per status and each row marked urgent and overdue
// by follow-up's limits (the same rule as ⚠超时 in chat and 日清), computed for a page at once.
import { LinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import { normalizeWidth } from "../text/full-width.js";
import type { Category, Urgency } from "../understand/taxonomy.js";
import { buildingOfRoomTopic } from "./infer-place.js";
import type { BoardQuery, Ticket, TicketStatus, TicketStore } from "./ticket.js";
import { formatLocation } from "./ticket-replies.js";

/** What staff ask the board for; every field optional. */
export interface BoardFilter {
  statuses?: TicketStatus[];
  category?: Category;
  urgency?: Urgency;
  /** `3`, `3号楼` or `3栋`: tickets in that building, said by the resident or by the group's name. */
  building?: string;
  /** The claimer or assignee, by contact id. */
  volunteerId?: string;
  /** Created at or after. */
  createdFrom?: Date;
  /** Created before. */
  createdBefore?: Date;
  /** `#12`: ticket 12; `12`: ticket 12 or texts with 12; other words: in the text, group name or resident's name. */
  search?: string;
}

export interface BoardRow {
  ticket: Ticket;
  urgent: boolean;
  /** Past a follow-up limit (response or finish, as moved with 延期); never for done or closed tickets. */
  overdue: boolean;
  /** Where, as staff read it (`3号楼2单元501室`, or the building inferred from the group). */
  place: string;
}

export interface BoardPage {
  rows: BoardRow[];
  /** How many tickets the whole filter finds (all pages). */
  total: number;
  /** Per status, for the same filter without its statuses: the tabs' figures. */
  counts: Record<TicketStatus, number>;
  limit: number;
  offset: number;
}

/**
 * Follow-up's rule: whether a running ticket is past a limit at `now`. Wired in features/. The
 * ticket comes with when staff last reopened it (its limits count from then), `responded` reads
 * only the timeline since then.
 */
export type PastLimit = (
  t: Ticket & { reopenedAt: Date | null },
  now: Date,
  facts: { responded: boolean; movedLimit: Date | null },
) => boolean;

export interface TicketBoardOptions {
  store: TicketStore;
  clock: Clock;
  pastLimit: PastLimit;
}

export const boardPageMax = 100;

/** Reads the search box: a ticket number, words, or both (a bare number). Null when empty. */
export function readBoardSearch(raw: string): { id: number | null; text: string | null } | null {
  const text = normalizeWidth(raw).trim().replace(/\s+/g, " ");
  if (!text) return null;
  const numbered = /^(?:#|＃|编号)\s*(\d{1,9})\s*号?$/.exec(text);
  if (numbered) return { id: Number(numbered[1]), text: null };
  if (/^\d{1,9}$/.test(text)) return { id: Number(text), text };
  return { id: null, text: text.slice(0, 100) };
}

/** `3号楼`, `3栋`, `3` → `3`, as buildings are stored. */
export function readBuilding(raw: string): string | null {
  const b = normalizeWidth(raw)
    .trim()
    .replace(/(?:号楼|号|栋|幢|楼)$/, "")
    .trim();
  return b || null;
}

/** A ticket as staff's and volunteers' lists show it: with its latest reopen, which its age counts from. */
export type Listed = Ticket & { reopenedAt: Date | null };

const running = (t: Ticket) => t.status === "open" || t.status === "claimed";

export function createTicketBoard(o: TicketBoardOptions) {
  /**
   * These tickets, each with its latest reopen, and the ids of the running ones past a limit at
   * `now`: one read of the limit facts for all of them.
   */
  async function withLimits(tickets: Ticket[], now: Date): Promise<{ tickets: Listed[]; late: Set<number> }> {
    const facts = await o.store.limitFacts(tickets.map((t) => t.id));
    const late = new Set<number>();
    const listed = tickets.map((t): Listed => {
      const f = facts.get(t.id);
      const limited = { ...t, reopenedAt: f?.reopenedAt ?? null };
      const responded = t.status !== "open" || (f?.responseEvent ?? false);
      if (running(t) && o.pastLimit(limited, now, { responded, movedLimit: f?.movedLimit ?? null })) late.add(t.id);
      return limited;
    });
    return { tickets: listed, late };
  }

  /** The ids of the running tickets among these that are past a limit at `now`: two queries in all. */
  async function overdueIds(tickets: Ticket[], now: Date): Promise<Set<number>> {
    return (await withLimits(tickets.filter(running), now)).late;
  }

  async function toQuery(f: BoardFilter): Promise<BoardQuery> {
    if (f.createdFrom && f.createdBefore && f.createdFrom >= f.createdBefore)
      throw new LinliError("bad_input", "date range", { field: "created" });
    const q: BoardQuery = {
      statuses: f.statuses,
      category: f.category,
      urgency: f.urgency,
      volunteerId: f.volunteerId || undefined,
      createdFrom: f.createdFrom,
      createdBefore: f.createdBefore,
    };
    const building = f.building ? readBuilding(f.building) : null;
    if (building) {
      const topics = (await o.store.roomTopicsWithoutBuilding()).filter((t) => buildingOfRoomTopic(t) === building);
      q.building = { building, topics };
    }
    const search = f.search ? readBoardSearch(f.search) : null;
    if (search) q.search = search;
    return q;
  }

  return {
    overdueIds,
    withLimits,

    /** One page of the board, newest first; `limit` at most 100. */
    async list(filter: BoardFilter = {}, page: { limit?: number; offset?: number } = {}): Promise<BoardPage> {
      const limit = Math.min(boardPageMax, Math.max(1, Math.floor(page.limit ?? 20)));
      const offset = Math.max(0, Math.floor(page.offset ?? 0));
      const now = o.clock.now();
      const query = await toQuery(filter);
      const slice = await o.store.board(query, { limit, offset });
      const late = await overdueIds(slice.tickets, now);
      const statuses = filter.statuses ?? (Object.keys(slice.counts) as TicketStatus[]);
      const total = [...new Set(statuses)].reduce((n, s) => n + (slice.counts[s] ?? 0), 0);
      return {
        rows: slice.tickets.map((t) => ({
          ticket: t,
          urgent: t.urgency === "urgent",
          overdue: late.has(t.id),
          place: formatLocation(t),
        })),
        total,
        counts: slice.counts,
        limit,
        offset,
      };
    },
  };
}

export type TicketBoard = ReturnType<typeof createTicketBoard>;
