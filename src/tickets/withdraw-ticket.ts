// A resident who says the problem is gone or takes it back ("不用了, 已经好了", "撤销 12",
// "没事了 自己修好了") closes their ticket as withdrawn: not 办结, and whoever holds it is told.
import { LinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import { sendPriority } from "../outbox/outbox.js";
import { linkReplies as say } from "./link-replies.js";
import type { Notify } from "./notify.js";
import type { Actor, Ticket, TicketStore } from "./ticket.js";

// The problem is gone, or the resident no longer wants help. Short messages only: a long one
// that happens to say 不用了 is about something else.
const goneCues =
  /不用了|不需要了|没事了|没事儿了|算了吧?$|(?:已经|自己|都|刚)(?:好了|修好了|弄好了|解决了|搞定了|通了)|(?:来|有)(?:水|电|气)了|(?:修|弄)好了|撤销吧|取消吧|不用(?:来|修|麻烦)了/;
const stillBroken = /还没|没有好|没好|又坏|还是|不行|不对|怎么|吗[?？]?$|[?？]$/;

export function readWithdrawal(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  return t.length <= 30 && goneCues.test(t) && !stillBroken.test(t);
}

export interface WithdrawOptions {
  store: TicketStore;
  clock: Clock;
  notify: Notify;
}

const pending = (t: Ticket) => t.status === "open" || t.status === "claimed";

export type Withdrawal = { kind: "withdrawn"; ticket: Ticket } | { kind: "which"; open: Ticket[] } | { kind: "none" };

export function createWithdraw(o: WithdrawOptions) {
  async function close(t: Ticket, resident: Actor, reason: string, messageId: string): Promise<Ticket> {
    const now = o.clock.now();
    const closed = await o.store.transition(
      t.id,
      { from: ["open", "claimed"] },
      { status: "closed", closeKind: "withdrawn", closeReason: reason || "居民撤销", closedAt: now },
      {
        type: "closed",
        actorId: resident.id,
        actorName: resident.name,
        note: `居民撤销${reason ? `: ${reason}` : ""}`,
        at: now,
      },
    );
    if (!closed) throw new LinliError("bad_state", "finished", { ticket: t, say: say.cannotWithdraw(t) });
    const k = `ticket:${t.id}:withdrawn:${messageId}`;
    await o.notify.toResident(closed, say.withdrawn(closed), `${k}:resident`, sendPriority.reply);
    // Other residents' reports of the same problem still stand: the oldest carries on in its place.
    const heir = await handOver(t, resident, now);
    const text = heir ? say.withdrawnCarriesOn(t, heir) : say.withdrawnToClaimer(t);
    if (t.status === "claimed" && t.volunteerId) await o.notify.toPerson(t.volunteerId, text, `${k}:claimer`);
    else await o.notify.toRooms("volunteer", text, `${k}:volunteers`);
    return closed;
  }

  /** The oldest linked report takes the withdrawn ticket's place (and claimer); the rest follow it. */
  async function handOver(t: Ticket, resident: Actor, now: Date): Promise<Ticket | null> {
    const [heir, ...rest] = (await o.store.listLinked(t.id)).filter((r) => r.status === "closed" && r.doneAt === null);
    if (!heir) return null;
    const note = `#${t.id} 居民撤销, 由 #${heir.id} 接续`;
    const event = { type: "split" as const, actorId: resident.id, actorName: resident.name, note, at: now };
    const carried = await o.store.transition(
      heir.id,
      { from: ["closed"] },
      {
        status: t.status,
        volunteerId: t.volunteerId,
        volunteerName: t.volunteerName,
        claimedAt: t.claimedAt,
        closeKind: null,
        closeReason: null,
        closedAt: null,
        mergedIntoId: null,
      },
      event,
    );
    if (!carried) return null;
    for (const r of rest) {
      await o.store.transition(
        r.id,
        { from: ["closed"] },
        { mergedIntoId: heir.id, closeReason: `已合并到 #${heir.id}` },
        { ...event, type: "merged", note: `#${heir.id}` },
      );
    }
    return carried;
  }

  return {
    /**
     * Withdraws ticket `id`, or (with no number) the resident's one pending ticket; with several
     * pending and no number, says which are pending so the resident can name one.
     */
    async withdraw(resident: Actor, id: number | null, reason: string, messageId: string): Promise<Withdrawal> {
      if (id !== null) {
        const t = await o.store.get(id);
        if (!t) throw new LinliError("ticket_not_found", `ticket ${id} not found`, { id });
        if (t.residentId !== resident.id) throw new LinliError("forbidden", "not yours", { id });
        if (!pending(t)) throw new LinliError("bad_state", "finished", { ticket: t, say: say.cannotWithdraw(t) });
        return { kind: "withdrawn", ticket: await close(t, resident, reason, messageId) };
      }
      const open = (await o.store.listByResident(resident.id, 10)).filter(pending);
      if (open.length === 0) return { kind: "none" };
      if (open.length > 1) return { kind: "which", open };
      return { kind: "withdrawn", ticket: await close(open[0]!, resident, reason, messageId) };
    },
  };
}
