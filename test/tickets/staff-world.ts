// One community on a real SQLite file for the staff console's tests: the ticket service wired
// with follow-up's real limits (as features/tickets.ts wires it), follow-up's service for 延期,
// and every queued message readable as the people in WeChat would receive it.
import type { Actor } from "../../src/core/types.js";
import { isPastLimit } from "../../src/follow-up/deadlines.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import { createFollowUpService } from "../../src/follow-up/follow-up-service.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createSqliteFollowUpStore } from "../../src/store/sqlite-follow-up-store.js";
import { createSqliteOutboxStore } from "../../src/store/sqlite-outbox-store.js";
import { createSqliteTicketStore } from "../../src/store/sqlite-ticket-store.js";
import { createTicketService } from "../../src/tickets/ticket-service.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";
import type { Category, Urgency } from "../../src/understand/taxonomy.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-11-20 is a Friday; times in China time. */
export const china = (day: number, hour: number, minute = 0) => chinaTimeToDate(2026, 11, day, hour, minute);

/** A staff member signed in to the console: the Actor is their WeChat contact id and name. */
export const consoleStaff: Actor = { id: "wxid_zhao_secretary", name: "赵书记" };
export const liu: Actor = { id: "wxid_liu", name: "刘志强" };
export const chen: Actor = { id: "wxid_chen", name: "陈师傅" };

export interface Resident extends Actor {
  roomId: string;
  roomTopic: string;
}
export const zhang: Resident = { id: "wxid_zhang", name: "张秀英", roomId: "room-3", roomTopic: "幸福里3号楼居民群" };
export const wang: Resident = { id: "wxid_wang", name: "王桂兰", roomId: "room-5", roomTopic: "幸福里5号楼居民群" };
export const li: Resident = { id: "wxid_li", name: "李建国", roomId: "room-3", roomTopic: "幸福里3号楼居民群" };

export async function staffWorld() {
  const tmp = tempDir();
  const clock = createFakeClock(china(20, 10));
  const o: OpenedDatabase = await openDatabase(`file:${tmp.dir}/t.db`);
  const outbox = createSqliteOutboxStore(o.sqlite!);
  const enqueue = async (m: Parameters<typeof outbox.insert>[0], key?: string) => {
    await outbox.insert(m, { account: "wechaty", key, notBefore: clock.now(), now: clock.now() });
  };
  const rules = defaultRules();
  const store = createSqliteTicketStore(o.sqlite!);
  const roomsOf = (role: "volunteer" | "staff") => [role === "volunteer" ? "vol-room" : "staff-room"];
  const tickets = createTicketService({
    store,
    clock,
    enqueue,
    roomsOf,
    ratingTimeoutHours: 72,
    pastLimit: (t, now, f) => isPastLimit(t, rules, now, f.responded, f.movedLimit),
    mergeWindowHours: 0,
  });
  const followUp = createFollowUpService({
    tickets: store,
    store: createSqliteFollowUpStore(o.db, o.sqlite!),
    clock,
    enqueue,
    roomsOf,
    rules,
    onDuty: async () => [],
    ratingTimeoutHours: 72,
  });
  let seen = 0;
  /** Every message queued since the last call: where it goes and what it says. */
  const sentSince = async () => {
    const rows = await o.db.outboxMessage.findMany({ where: { id: { gt: seen } }, orderBy: { id: "asc" } });
    seen = rows.at(-1)?.id ?? seen;
    return rows.map((r) => ({ to: r.destId, text: r.text, mentions: JSON.parse(r.mentionIds) as string[] }));
  };
  let n = 0;
  const report = (
    who: Resident,
    text: string,
    opts: { category?: Category; urgency?: Urgency; building?: string | null; unit?: string | null } = {},
  ) =>
    tickets.open({
      messageId: `m-${++n}`,
      resident: who,
      roomId: who.roomId,
      roomTopic: who.roomTopic,
      text,
      parsed: {
        kind: "request",
        category: opts.category ?? "repair",
        urgency: opts.urgency ?? "normal",
        building: opts.building === undefined ? "3" : opts.building,
        unit: opts.unit ?? null,
        room: null,
        confidence: 0.9,
      },
    });
  return {
    tickets,
    followUp,
    clock,
    sentSince,
    report,
    db: o.db,
    async close() {
      await o.close();
      tmp.cleanup();
    },
  };
}

export type StaffWorld = Awaited<ReturnType<typeof staffWorld>>;
