// Small routing helpers, so a middleware says where it works instead of checking by hand.
import type { Role, RoomRole } from "../core/types.js";
import type { Middleware } from "./compose.js";
import type { Context } from "./context.js";

/** Where a message was written: a room's role, or "private" for a one-to-one chat. */
export type Place = RoomRole | "private";

export function whereFrom(ctx: Context): Place {
  return ctx.room?.role ?? "private";
}

/** Runs `mw` only for messages written in one of `places`; others pass on. */
export function onlyIn(...places: Place[]) {
  return (mw: Middleware<Context>): Middleware<Context> =>
    (ctx, next) =>
      places.includes(whereFrom(ctx)) ? mw(ctx, next) : next();
}

/** Runs `mw` only for people who hold one of `roles`; others pass on. */
export function onlyRoles(...roles: Role[]) {
  return (mw: Middleware<Context>): Middleware<Context> =>
    (ctx, next) =>
      roles.some((r) => ctx.roles.has(r)) ? mw(ctx, next) : next();
}
