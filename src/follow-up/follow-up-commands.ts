// Follow-up commands in chat: `进展 N 说明` (the volunteer who holds it, or staff), `延期 N 原因 日期`
// and `值班` / `值班 @某人` (staff). Anyone else's words starting so are ordinary talk.
import type { Actor } from "../core/types.js";
import { isLinliError, type LinliError } from "../core/errors.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Ticket } from "../tickets/ticket.js";
import { endOfWorkingDay } from "./calendar.js";
import { followUpReplies as say } from "./follow-up-replies.js";
import type { FollowUpService } from "./follow-up-service.js";
import { parseFollowUpCommand } from "./parse-follow-up-command.js";

export interface FollowUpCommandOptions {
  followUp: FollowUpService;
  /** The people @-mentioned in a message, with their names. */
  mentioned(ctx: Context): Promise<Actor[]>;
  now(): Date;
}

export function followUpCommands(o: FollowUpCommandOptions): Middleware<Context> {
  return async (ctx, next) => {
    const c = parseFollowUpCommand(ctx.text, o.now());
    if (!c) return next();
    const isStaff = ctx.roles.has("staff");
    const isVolunteer = ctx.roles.has("volunteer");
    if (!isStaff && !isVolunteer) return next();
    const staffOnly = c.type === "extend" || c.type === "duty-set" || c.type === "duty-show";
    if (staffOnly && !isStaff) return ctx.reply(say.staffOnly());
    try {
      switch (c.type) {
        case "malformed":
          return ctx.reply(c.verb === "进展" ? say.progressMalformed() : say.extendMalformed());
        case "progress": {
          const t = await o.followUp.recordProgress(c.id, ctx.actor, c.note, isStaff, ctx.message.id);
          return ctx.reply(say.progressNoted(t));
        }
        case "extend": {
          if (!c.date) return ctx.reply(say.extendMalformed());
          const dueAt = endOfWorkingDay(o.followUp.rules.calendar, c.date);
          const t = await o.followUp.extend(c.id, ctx.actor, c.reason, dueAt, ctx.message.id);
          return ctx.reply(say.extendedForStaff(t, dueAt), { mention: false });
        }
        case "duty-show":
          return ctx.reply(say.dutyShow(await o.followUp.onDuty()), { mention: false });
        case "duty-set": {
          const people = await o.mentioned(ctx);
          if (people.length === 0) return ctx.reply(say.dutyNoMention());
          await o.followUp.setOnDuty(people, ctx.actor);
          return ctx.reply(say.dutySet(people), { mention: false });
        }
      }
    } catch (err) {
      if (!isLinliError(err)) throw err;
      return ctx.reply(explain(err, "id" in c ? c.id : 0), { part: "error" });
    }
  };
}

function explain(err: LinliError, id: number): string {
  const t = err.details.ticket as Ticket | undefined;
  switch (err.code) {
    case "ticket_not_found":
      return say.notFound(id);
    case "not_claimer":
      return say.notYoursToUpdate(t!);
    case "bad_state":
      return say.notRunning(t!);
    case "bad_input":
      return say.extendInPast();
    default:
      return say.notFound(id);
  }
}
