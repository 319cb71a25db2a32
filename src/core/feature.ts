// A feature plugs into the app (wechaty plugin-contrib style): middlewares at fixed
// points of the chain, plus start/stop for timers. Its factory gets the shared parts.
import type { Config } from "../config.js";
import type { Outbox } from "../outbox/outbox.js";
import type { RoleResolver } from "../people/role-resolver.js";
import type { RoomRegistry } from "../people/room-registry.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Db } from "../store/open-database.js";
import type { TicketService } from "../tickets/ticket-service.js";
import type { Llm } from "./llm.js";
import type { Clock, Logger } from "./types.js";

export interface FeatureDeps {
  config: Readonly<Config>;
  db: Db;
  /** Absent when no model is configured. */
  llm: Llm | undefined;
  outbox: Outbox;
  rooms: RoomRegistry;
  roles: Pick<RoleResolver, "rolesOf">;
  tickets: TicketService;
  clock: Clock;
  logger: Logger;
}

export interface Feature {
  name: string;
  /** Runs before understanding: commands (staff's 广播, 回复 N …). */
  commands?: Middleware<Context>;
  /** Runs after understanding and ticket intake: ctx.state.parsed is set. */
  afterUnderstanding?: Middleware<Context>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type FeatureFactory = (deps: FeatureDeps) => Feature;
