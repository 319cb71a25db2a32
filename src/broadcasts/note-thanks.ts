import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { onlyIn } from "../pipeline/route.js";
import type { BroadcastService } from "./broadcast-service.js";

/** Residents' thanks to a helper in their rooms become 好人好事 for staff to review; the message goes on. */
export function noteThanks(service: BroadcastService): Middleware<Context> {
  return onlyIn("resident")(async (ctx, next) => {
    const u = ctx.understanding;
    if (u?.kind === "other" && u.smallTalk.praise) await service.addPraise(ctx.actor, ctx.text, false);
    return next();
  });
}
