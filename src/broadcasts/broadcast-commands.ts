// Chat middleware for the 红色广播站: staff schedule and manage broadcasts and review
// 好人好事 from the staff room or a private chat; everyone else gets a polite refusal
// (in residents' rooms, text that is not a valid command just passes on).
import { isLinliError } from "../core/errors.js";
import type { Clock } from "../core/types.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { broadcastReplies as say, type BroadcastSummary } from "./broadcast-replies.js";
import type { BroadcastService } from "./broadcast-service.js";
import type { StoredBroadcast, StoredPraise } from "./broadcast-store.js";
import type { DraftWriter } from "./draft-writer.js";
import { type BroadcastCommand, parseBroadcastCommand } from "./parse-broadcast-command.js";
import { parseStaffExtra, type StaffExtraCommand } from "./parse-staff-extras.js";
import type { RoomLookup } from "./resolve-targets.js";

export interface BroadcastCommandOptions {
  service: BroadcastService;
  rooms: RoomLookup;
  /** Names of the WeCom group robots in config, which staff may name as targets. */
  robots?: readonly string[];
  clock: Clock;
  /** Absent when no model is configured. */
  drafts?: DraftWriter;
}

type Command = BroadcastCommand | StaffExtraCommand;

export function broadcastCommands(o: BroadcastCommandOptions): Middleware<Context> {
  const { service } = o;
  return async (ctx, next) => {
    const now = o.clock.now();
    const knownTopics = o.rooms.all().map((r) => r.topic);
    const command =
      parseStaffExtra(ctx.text, now, knownTopics, o.robots) ??
      parseBroadcastCommand(ctx.text, now, { knownTopics, robots: o.robots });
    if (!command) return next();
    const where = ctx.room?.role ?? "private";
    const reply = (text: string) => ctx.reply(text, { part: "broadcast" });

    if (!ctx.roles.has("staff")) {
      if (command.type === "praise" && where === "resident") {
        await service.addPraise(ctx.actor, command.text, false);
        return reply(say.thanksNoted());
      }
      // In residents' rooms only a well-formed broadcast command earns an answer; the rest is chat.
      if (where === "resident" && !isBroadcastCommand(command)) return next();
      return reply(say.notStaff());
    }
    if (where !== "staff" && where !== "private") {
      return command.type === "error" ? next() : reply(say.wrongPlace());
    }
    try {
      const text = await run(ctx, command);
      if (text !== null) await reply(text);
    } catch (err) {
      if (!isLinliError(err)) throw err;
      const id = Number(err.details.id);
      if (err.code === "not_found")
        return reply(command.type === "praise-review" ? say.praiseNotFound(id) : say.notFound(id));
      if (err.code === "bad_state") return reply(say.notDraft(id));
      throw err;
    }
  };

  /** The reply to send, or null when it was sent already (before the work it confirms). */
  async function run(ctx: Context, c: Command): Promise<string | null> {
    const now = o.clock.now();
    switch (c.type) {
      case "error":
        return say.error(c);
      case "schedule": {
        const b = await service.schedule(ctx.actor, c);
        return say.scheduled(summarize(b), now, c.warnings);
      }
      case "list":
        return say.list((await service.list()).map(summarize), now);
      case "pause": {
        const { changed, broadcast } = await service.pause(ctx.actor, c.id);
        return changed ? say.paused(summarize(broadcast)) : say.alreadyPaused(summarize(broadcast));
      }
      case "resume": {
        const { changed, broadcast } = await service.resume(ctx.actor, c.id);
        return changed ? say.resumed(summarize(broadcast), now) : say.notPaused(summarize(broadcast));
      }
      case "delete":
        return say.deleted(summarize((await service.remove(ctx.actor, c.id)).broadcast));
      case "preview": {
        const { broadcast, rendered } = await service.preview(c.id);
        if (broadcast.status === "draft") return say.draftReady(broadcast.id, rendered.text);
        return say.preview(summarize(broadcast), rendered, now);
      }
      case "send-now": {
        const { broadcast, result } = await service.sendNow(ctx.actor, c.id, (b, rooms) =>
          ctx.reply(say.sendingNow(summarize(b), rooms), { part: "broadcast" }),
        );
        if (result.ok) return null;
        return result.reason === "taken"
          ? say.alreadyRanThisMinute(summarize(broadcast))
          : say.noRooms(summarize(broadcast));
      }
      case "praise":
        await service.addPraise(ctx.actor, c.text, true);
        return say.praiseSaved();
      case "praise-list":
        return say.praiseList((await service.monthPraises()).map(toPraiseLine));
      case "praise-review":
        return say.praiseReviewed(toPraiseLine(await service.reviewPraise(ctx.actor, c.id, c.approved)));
      case "draft": {
        if (!o.drafts) return say.draftNeedsModel();
        const content = await o.drafts.write(c.topic);
        if (content === null) return say.draftFailed();
        const b = await service.saveDraft(ctx.actor, c.topic, content);
        return say.draftReady(b.id, content);
      }
      case "confirm-draft": {
        const b = await service.confirmDraft(ctx.actor, c.id, c.schedule, c.targets);
        return say.scheduled(summarize(b), now);
      }
    }
  }
}

function isBroadcastCommand(c: Command): boolean {
  return c.type !== "error" && c.type !== "praise-list" && c.type !== "praise-review";
}

function summarize(b: StoredBroadcast): BroadcastSummary {
  // Drafts have no schedule; a one-off in the past reads as "已发完", which is what a list should say.
  return {
    id: b.id,
    schedule: b.schedule ?? { runAt: new Date(0) },
    targets: b.targets,
    content: b.content,
    paused: b.status === "paused",
  };
}

function toPraiseLine(p: StoredPraise) {
  return {
    id: p.id,
    text: p.text,
    source: p.source,
    authorName: p.author.name,
    approved: p.approved,
    reviewed: p.reviewed,
  };
}
