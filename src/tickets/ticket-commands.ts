// Chat commands about tickets (CHAT-CONTRACT): volunteers claim, release and finish;
// residents list, follow and rate; staff list, close and assign.
import { isLinliError, LinliError } from "../core/errors.js";
import type { Command } from "../commands/parse-command.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Actor, Ticket } from "./ticket.js";
import { linkReplies } from "./link-replies.js";
import { errorReplies, ticketReplies as say } from "./ticket-replies.js";
import type { TicketService } from "./ticket-service.js";
import type { Withdrawal } from "./withdraw-ticket.js";
import { mergeParts } from "./ticket-merges.js";

export interface TicketCommandOptions {
  tickets: TicketService;
  /** Finds the person a staff member means in `指派 N @某人`. */
  findPerson(ctx: Context, name: string): Promise<Actor | null>;
}

const ticketCommandTypes = new Set<Command["type"]>([
  "claim",
  "release",
  "complete",
  "my-tickets",
  "progress",
  "list-open",
  "my-tasks",
  "open-tasks",
  "close",
  "assign",
  "split",
  "merge",
  "withdraw",
  "rate",
  "rate-unclear",
  "malformed",
]);

/** Commands whose staff answer shows other residents' requests. */
const staffOnlyCommands = new Set<Command["type"]>(["list-open", "close", "assign"]);

export function ticketCommands(o: TicketCommandOptions): Middleware<Context> {
  const { tickets } = o;
  return async (ctx, next) => {
    const command = ctx.command;
    if (!command || !ticketCommandTypes.has(command.type)) return next();
    // A rating with words, or what looks like a try at one, is only a rating for a resident
    // whose ticket awaits one; anyone else's "好评 活动办得好" is ordinary talk.
    if (command.type === "rate-unclear" || (command.type === "rate" && !command.bare)) {
      const awaiting = await tickets.awaitingRating(ctx.actor.id, command.id);
      if (!awaiting) return next();
      if (command.type === "rate-unclear") return ctx.reply(say.ratingUnclear(awaiting));
    }
    try {
      await run(ctx, command);
    } catch (err) {
      if (!isLinliError(err)) throw err;
      // The losers of a claim race, still queued in one room, hear it in one message.
      const lost =
        err.code === "already_claimed" && !err.details.yours && ctx.room ? (err.details.ticket as Ticket) : null;
      await ctx.reply(explain(err, command), {
        part: "error",
        merge: lost ? { kind: "claimed", part: mergeParts.claimed(lost) } : undefined,
      });
    }
  };

  /** Volunteers' own view, in their room or privately (task texts are not for residents' groups). */
  async function replyTasks(ctx: Context, which: "my-tasks" | "open-tasks"): Promise<void> {
    if (!ctx.roles.has("volunteer") && !ctx.roles.has("staff"))
      throw new LinliError("forbidden", "volunteers only", { who: "volunteer" });
    if (ctx.room && ctx.room.role !== "volunteer" && ctx.room.role !== "staff") {
      await ctx.reply(say.tasksElsewhere());
      return;
    }
    if (which === "my-tasks") await ctx.reply(say.myTasks(await tickets.listHeldBy(ctx.actor.id)));
    else await ctx.reply(say.openTasks(await tickets.listUnclaimed(), tickets.now()));
  }

  async function replyOwnTickets(ctx: Context): Promise<void> {
    await ctx.reply(await listOwn(tickets, ctx));
  }

  async function run(ctx: Context, c: Command): Promise<void> {
    const id = ctx.message.id;
    const isVolunteer = ctx.roles.has("volunteer");
    // Staff powers that reveal others' data work only in a staff room or privately: in any
    // other group a staff member is answered as a resident (or told where to ask).
    const inStaffPlace = !ctx.room || ctx.room.role === "staff";
    const isStaff = ctx.roles.has("staff") && inStaffPlace;
    // In the volunteers' group a volunteer's 工单 means the tasks they could take.
    const volunteerList = c.type === "list-open" && isVolunteer && ctx.room?.role === "volunteer";
    if (ctx.roles.has("staff") && !inStaffPlace && staffOnlyCommands.has(c.type) && !volunteerList) {
      await ctx.reply(errorReplies.staff_elsewhere());
      return;
    }
    switch (c.type) {
      case "claim":
        if (!isVolunteer && !isStaff) throw new LinliError("forbidden", "volunteers only", { who: "volunteer" });
        await tickets.claim(c.id, ctx.actor, id);
        return;
      case "release":
        if (!isVolunteer && !isStaff) throw new LinliError("forbidden", "volunteers only", { who: "volunteer" });
        await tickets.release(c.id, ctx.actor, id, isStaff);
        return;
      case "complete": {
        if (!isVolunteer && !isStaff) throw new LinliError("forbidden", "volunteers only", { who: "volunteer" });
        const t = await tickets.complete(c.id, ctx.actor, c.note, id);
        const others = (await tickets.listLinked(t.id)).length;
        await ctx.reply(others > 0 ? linkReplies.doneThanksMany(t, others) : say.doneThanks(t));
        return;
      }
      case "my-tickets":
        await replyOwnTickets(ctx);
        return;
      case "progress": {
        const t = await tickets.progress(c.id, ctx.actor, isStaff);
        // In a group, only what was raised in that group: the rest is for a private chat.
        if (ctx.room && ctx.room.role !== "staff" && t.roomId !== ctx.room.id) {
          await ctx.reply(say.progressPrivateOnly(t.id));
          return;
        }
        await ctx.reply(say.progress(t, await tickets.twinOf(t)));
        return;
      }
      case "my-tasks":
      case "open-tasks":
        await replyTasks(ctx, c.type);
        return;
      case "list-open": {
        if (isVolunteer && !isStaff) {
          // A volunteer's 工单 means the tasks they could take.
          await replyTasks(ctx, "open-tasks");
          return;
        }
        if (!isStaff) {
          // A resident who types 工单 most likely means their own.
          await replyOwnTickets(ctx);
          return;
        }
        const { tickets: open, late } = await tickets.listOpenForStaff();
        await ctx.reply(
          say.openList(open, (t) => late.has(t.id), tickets.now()),
          { mention: false },
        );
        return;
      }
      case "close": {
        if (!isStaff) throw new LinliError("forbidden", "staff only", { who: "staff" });
        const t = await tickets.close(c.id, ctx.actor, c.reason, id);
        await ctx.reply(say.closedForStaff(t), { mention: false });
        return;
      }
      case "assign": {
        if (!isStaff) throw new LinliError("forbidden", "staff only", { who: "staff" });
        const person = await o.findPerson(ctx, c.assignee);
        if (!person) throw new LinliError("not_found", "assignee", { assignee: c.assignee });
        const t = await tickets.assign(c.id, person, ctx.actor, id);
        await ctx.reply(say.assignedForStaff(t), { mention: false });
        return;
      }
      case "split": {
        if (!isStaff) throw new LinliError("forbidden", "staff only", { who: "staff" });
        const { ticket, from } = await tickets.split(c.id, ctx.actor, id);
        await ctx.reply(linkReplies.splitForStaff(ticket, from), { mention: false });
        return;
      }
      case "merge": {
        if (!isStaff) throw new LinliError("forbidden", "staff only", { who: "staff" });
        const t = await tickets.mergeByHand(c.into, c.id, ctx.actor, id);
        const into = await tickets.progress(c.into, ctx.actor, true);
        await ctx.reply(linkReplies.mergedForStaff(t, into), { mention: false });
        return;
      }
      case "withdraw":
        await replyWithdrawal(ctx, await tickets.withdraw(ctx.actor, c.id, c.reason, id));
        return;
      case "rate":
        await tickets.rate(ctx.actor, c.rating, c.id, id, c.comment);
        return;
      case "malformed":
        await ctx.reply(errorReplies.malformed(c.verb, c.example));
        return;
      default:
        return;
    }
  }
}

/** Only what needs saying: a withdrawn ticket's resident was told by the service. */
export async function replyWithdrawal(ctx: Context, w: Withdrawal): Promise<void> {
  if (w.kind === "which") await ctx.reply(linkReplies.withdrawWhich(w.open));
  else if (w.kind === "none") await ctx.reply(linkReplies.nothingToWithdraw());
}

/** Privately, all of the resident's tickets; in a group, only those raised in that group. */
async function listOwn(tickets: TicketService, ctx: Context): Promise<string> {
  const all = await tickets.listForResident(ctx.actor.id);
  if (!ctx.room) return say.myTickets(all);
  const here = all.filter((t) => t.roomId === ctx.room?.id);
  return say.myTicketsInGroup(here, all.length - here.length);
}

function explain(err: LinliError, c: Command): string {
  const t = err.details.ticket as Ticket | undefined;
  if (typeof err.details.say === "string") return err.details.say;
  switch (err.code) {
    case "ticket_not_found":
      return errorReplies.ticket_not_found(err.details.id as number);
    case "already_claimed":
      return err.details.yours ? say.alreadyYours(t!) : say.alreadyClaimed(t!);
    case "not_claimer":
      return errorReplies.not_claimer(t!);
    case "bad_state":
      return errorReplies.bad_state(t!, String(err.details.action ?? "这样做"));
    case "forbidden":
      if (c.type === "progress") return errorReplies.not_yours(c.id);
      if (c.type === "withdraw") return linkReplies.notYours(c.id);
      return err.details.who === "staff" ? errorReplies.forbidden_staff() : errorReplies.forbidden_volunteer();
    case "too_many":
      return errorReplies.too_many_claims(Number(err.details.limit));
    case "not_found":
      if (c.type === "assign" && err.details.notVolunteer) return errorReplies.assignee_not_volunteer(c.assignee);
      if (c.type === "assign") return errorReplies.assignee_not_found(c.assignee);
      return errorReplies.nothing_to_rate();
    default:
      return errorReplies.internal();
  }
}
