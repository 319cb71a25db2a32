// A community on a real SQLite file for the 成绩单 tests: residents' requests through the real
// ticket service, 好人好事 through the real broadcast service, hand-overs through the real store,
// and the period report read back through the real report store, on one fake clock (China time).
import type { Actor } from "../../src/core/types.js";
import { followUpLimits } from "../../src/features/reports.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import { createPeriodReports } from "../../src/reports/period-report.js";
import { createPrismaHandoverStore } from "../../src/store/prisma-handover-store.js";
import { createPrismaReportStore } from "../../src/store/prisma-report-store.js";
import { createPrismaTicketStore } from "../../src/store/prisma-ticket-store.js";
import { createTicketService } from "../../src/tickets/ticket-service.js";
import type { Category, Urgency } from "../../src/understand/taxonomy.js";
import { china, FakeClock, makeService, STAFF, tempDbPath } from "../broadcasts/broadcast-fixture.js";

export { china, STAFF };

export async function makeCommunity(start = "2026-11-02 09:00") {
  const tmp = tempDbPath();
  const clock = new FakeClock(china(start));
  const broadcasts = await makeService(tmp.path, clock);
  const { db } = broadcasts;
  const limitsOf = followUpLimits(defaultRules());
  const tickets = createTicketService({
    store: createPrismaTicketStore(db),
    clock,
    enqueue: async () => {},
    roomsOf: (role) => [role === "volunteer" ? "room-vol" : "room-staff"],
    ratingTimeoutHours: 72,
    pastLimit: () => false,
    mergeWindowHours: 6,
  });
  const handovers = createPrismaHandoverStore(db);
  const reports = createPeriodReports({
    store: createPrismaReportStore(db),
    clock,
    limitsOf,
    community: "xingfuli",
  });

  let n = 0;
  const at = (when: string) => clock.set(china(when));
  const msg = () => `m${++n}`;
  /** Moves the clock to `when`, then does `act` there. */
  const step = <T>(when: string, act: () => Promise<T>) => {
    at(when);
    return act();
  };

  /** A resident's request, opened at `when` (China time) in their building's group. */
  async function request(
    when: string,
    o: { text: string; category: Category; building?: string; urgency?: Urgency; resident?: Actor },
  ) {
    at(when);
    const i = ++n;
    const resident = o.resident ?? { id: `res-${i}`, name: `张秀英${i}` };
    const t = await tickets.open({
      messageId: `m${i}`,
      resident,
      roomId: `room-${o.building ?? "x"}`,
      roomTopic: o.building ? `幸福里${o.building}号楼居民群` : "幸福里居民群",
      text: o.text,
      parsed: {
        kind: "request",
        category: o.category,
        urgency: o.urgency ?? "normal",
        building: o.building ?? null,
        unit: o.building ? "2" : null,
        room: o.building ? "501" : null,
        confidence: 0.9,
      },
    });
    return { id: t.id, resident };
  }

  return {
    db,
    clock,
    at,
    reports,
    limitsOf,
    request,
    claim: (when: string, id: number, v: Actor) => step(when, () => tickets.claim(id, v, msg())),
    finish: (when: string, id: number, v: Actor, note = "办好了") =>
      step(when, () => tickets.complete(id, v, note, msg())),
    rate: (when: string, id: number, resident: Actor, stars: number) =>
      step(when, () => tickets.rate(resident, stars, id, msg())),
    close: (when: string, id: number, reason: string) => step(when, () => tickets.close(id, STAFF, reason, msg())),
    withdraw: (when: string, id: number, resident: Actor) =>
      step(when, () => tickets.withdraw(resident, id, "已经好了", msg())),
    /** A question handed over at `when`; answered later with `answer`. */
    async handOver(when: string, question: string) {
      at(when);
      const i = ++n;
      return handovers.open(
        { messageId: `h${i}`, question, askerId: `res-${i}`, askerName: `李桂兰${i}`, roomId: null, roomTopic: null },
        clock.now(),
      );
    },
    answer: (when: string, id: number) =>
      step(when, () => handovers.markAnswered(id, "周一到周五上午办理", STAFF.name, clock.now())),
    /** 表扬 by staff (approved at once), or a resident's thanks that staff approve or not. */
    async praise(when: string, text: string, o: { by: Actor; staff: boolean; approve?: boolean }) {
      at(when);
      const p = await broadcasts.service.addPraise(o.by, text, o.staff);
      if (!o.staff && o.approve !== undefined) await broadcasts.service.reviewPraise(STAFF, p.id, o.approve);
      return p;
    },
    async dispose() {
      await broadcasts.close();
      tmp.cleanup();
    },
  };
}

export type Community = Awaited<ReturnType<typeof makeCommunity>>;
