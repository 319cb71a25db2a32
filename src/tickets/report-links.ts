// Reports linked to one ticket: later reports of the same building-wide problem are closed as
// duplicates of the first (mergedIntoId; not 办结), every reporter is told when the first is
// finished and asked to rate, staff undo a link (拆分 N) or make one by hand (合并 N M).
import { LinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import { sendPriority } from "../outbox/outbox.js";
import { linkReplies as say } from "./link-replies.js";
import type { Notify } from "./notify.js";
import { findSharedTicket, type Report } from "./shared-problem.js";
import type { Actor, Ticket, TicketStore } from "./ticket.js";
import { ticketReplies } from "./ticket-replies.js";

export interface ReportLinksOptions {
  store: TicketStore;
  clock: Clock;
  notify: Notify;
  /** Reports this many hours after the first are not linked to it. */
  windowHours: number;
}

const hourMs = 3600_000;

export function createReportLinks(o: ReportLinksOptions) {
  const { toResident, toRooms, toPerson } = o.notify;

  async function mustGet(id: number): Promise<Ticket> {
    const t = await o.store.get(id);
    if (!t) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
    return t;
  }

  /** The volunteers (or the claimer) hear of extra reports once an hour at most. */
  async function noteExtraReport(into: Ticket, reportId: number, actor: Actor | null): Promise<void> {
    const now = o.clock.now();
    await o.store.addEvent({
      ticketId: into.id,
      type: "report_added",
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      note: `#${reportId}`,
      at: now,
    });
    const reports = 1 + (await o.store.listLinked(into.id)).length;
    const k = `ticket:${into.id}:more-reports:${Math.floor(now.getTime() / hourMs)}`;
    const text = say.moreReports(into, reports);
    if (into.status === "claimed" && into.volunteerId) await toPerson(into.volunteerId, text, k);
    else await toRooms("volunteer", text, k);
  }

  /**
   * Links `report` to `into`: closed as a duplicate of it (not 办结), its own linked reports
   * follow it, its resident is told.
   */
  async function link(report: Ticket, into: Ticket, actor: Actor | null, messageId: string): Promise<Ticket> {
    const now = o.clock.now();
    const linked = await o.store.transition(
      report.id,
      { from: ["open", "claimed"] },
      {
        status: "closed",
        closeKind: "duplicate",
        closeReason: `已合并到 #${into.id}`,
        mergedIntoId: into.id,
        closedAt: now,
      },
      { type: "merged", actorId: actor?.id ?? null, actorName: actor?.name ?? null, note: `#${into.id}`, at: now },
    );
    if (!linked) throw new LinliError("bad_state", "not open", { ticket: await mustGet(report.id), action: "合并" });
    for (const child of await o.store.listLinked(report.id)) {
      await o.store.transition(
        child.id,
        { from: ["closed"] },
        { mergedIntoId: into.id, closeReason: `已合并到 #${into.id}` },
        { type: "merged", actorId: actor?.id ?? null, actorName: actor?.name ?? null, note: `#${into.id}`, at: now },
      );
    }
    await toResident(linked, say.merged(into), `ticket:${report.id}:merged:${messageId}`, sendPriority.reply);
    if (report.status === "claimed" && report.volunteerId && report.volunteerId !== into.volunteerId)
      await toPerson(
        report.volunteerId,
        say.mergedToClaimer(report, into),
        `ticket:${report.id}:merged:${messageId}:claimer`,
      );
    await noteExtraReport(into, report.id, actor);
    return linked;
  }

  return {
    /** The open ticket a new report is the same building-wide problem as, or null. */
    async findTarget(report: Report): Promise<Ticket | null> {
      if (o.windowHours <= 0) return null;
      const open = await o.store.listByStatus(["open", "claimed"], 500);
      return findSharedTicket(open, report, o.clock.now(), o.windowHours * hourMs) ?? null;
    },

    /** A new report linked at intake: no card, its resident told which ticket it joined. */
    linkNew: (report: Ticket, into: Ticket, messageId: string) => link(report, into, null, messageId),

    /** 合并 N M: staff link ticket `id` (and its own linked reports) to `intoId`. */
    async mergeByHand(intoId: number, id: number, staff: Actor, messageId: string): Promise<Ticket> {
      if (intoId === id) throw new LinliError("bad_input", "same ticket", { say: say.mergeSame() });
      const into = await mustGet(intoId);
      const report = await mustGet(id);
      if (into.status !== "open" && into.status !== "claimed")
        throw new LinliError("bad_state", "into finished", { ticket: into, say: say.cannotMerge(into) });
      if (report.status !== "open" && report.status !== "claimed")
        throw new LinliError("bad_state", "finished", { ticket: report, say: say.cannotMerge(report) });
      return link(report, into, staff, messageId);
    },

    /** 拆分 N: a linked report becomes its own ticket again, with its own card. */
    async split(id: number, staff: Actor, messageId: string): Promise<{ ticket: Ticket; from: number }> {
      const now = o.clock.now();
      const t = await mustGet(id);
      if (t.mergedIntoId === null)
        throw new LinliError("bad_state", "not linked", { ticket: t, say: say.notLinked(t) });
      if (t.status !== "closed" || t.doneAt !== null)
        throw new LinliError("bad_state", "finished", { ticket: t, say: say.cannotSplit(t) });
      const from = t.mergedIntoId;
      const alone = await o.store.transition(
        id,
        { from: ["closed"] },
        // A volunteer who held it before the merge was told they need not go: it starts unclaimed.
        {
          status: "open",
          closeKind: null,
          closeReason: null,
          closedAt: null,
          mergedIntoId: null,
          volunteerId: null,
          volunteerName: null,
          claimedAt: null,
        },
        { type: "split", actorId: staff.id, actorName: staff.name, note: `#${from}`, at: now },
      );
      if (!alone) throw new LinliError("bad_state", "changed meanwhile", { ticket: await mustGet(id), action: "拆分" });
      const k = `ticket:${id}:split:${messageId}`;
      await toResident(alone, say.splitToResident(alone), `${k}:resident`);
      await toRooms("volunteer", ticketReplies.taskCard(alone), `${k}:card`);
      return { ticket: alone, from };
    },

    /**
     * The first ticket is finished: each linked reporter is told and asked to rate their own
     * report (its rating is recorded on it; it stays a duplicate, not 办结). Returns how many.
     */
    async tellDone(into: Ticket, messageId: string): Promise<number> {
      const now = o.clock.now();
      let told = 0;
      for (const r of await o.store.listLinked(into.id)) {
        const done = await o.store.transition(
          r.id,
          { from: ["closed"] },
          { status: "done", doneAt: now, closedAt: null, volunteerName: into.volunteerName, note: into.note },
          { type: "done", actorId: into.volunteerId, actorName: into.volunteerName, note: `#${into.id}`, at: now },
        );
        if (!done) continue;
        told++;
        await toResident(done, say.doneAskRating(done, into), `ticket:${r.id}:done:${messageId}:ask`);
      }
      return told;
    },

    /** Staff closed the first ticket as solved: each linked reporter is told. */
    async tellClosed(into: Ticket, messageId: string): Promise<void> {
      for (const r of await o.store.listLinked(into.id)) {
        if (r.status !== "closed" || r.doneAt !== null) continue;
        await toResident(r, say.closed(r, into), `ticket:${r.id}:closed-with:${messageId}`);
      }
    },
  };
}

export type ReportLinks = ReturnType<typeof createReportLinks>;
