// A feature is one capability of linli, installed by the list in app.ts (after wechaty
// plugin-contrib's `bot.use(Plugin(config))`): middlewares at named points of the chain,
// timers, and start/stop. Its factory gets the shared parts; it wires its own stores.
import type { Config } from "../config.js";
import type { Llm } from "../core/llm.js";
import type { Clock, Logger } from "../core/types.js";
import type { Outbox } from "../outbox/outbox.js";
import type { Directory, RoleResolver } from "../people/role-resolver.js";
import type { RoomRegistry } from "../people/room-registry.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import type { Timer } from "../schedule/timer.js";
import type { OutageNotices } from "../tickets/outage-notices.js";
import type { Db } from "../store/open-database.js";
import type { Sqlite } from "../store/sqlite-connection.js";

export interface FeatureDeps {
  config: Readonly<Config>;
  db: Db;
  /** The direct SQLite connection for hot-path stores; absent on PostgreSQL. */
  sqlite: Sqlite | undefined;
  /** Absent when no model is configured. */
  llm: Llm | undefined;
  outbox: Outbox;
  rooms: RoomRegistry;
  roles: Pick<RoleResolver, "rolesOf">;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** Planned outages announced in groups: broadcasts note them, tickets answer reports with them. */
  outageNotices: OutageNotices;
  /** Period of the tickets' housekeeping timer; 0 turns it off (tests, the benchmark). */
  housekeepingMs: number;
}

/**
 * Where a feature's middleware sits in the chain, in this order:
 * - `commands`, before the understanding: staff's 广播, 回复 N, volunteers' 认领 N …;
 * - `intake`, right after it (`ctx.understanding` set): what turns a message into a record
 *   (a ticket, the place a ticket asked for), before anything answers;
 * - `understood`: what answers or notes an understood message (FAQ, 好人好事).
 * Within a point, features run in the order of the list in app.ts. After the last point, a
 * message said to the bot that nothing answered gets a short reply (pipeline/answer-addressed.ts).
 */
export type ChainPoint = "commands" | "intake" | "understood";

export interface Feature {
  name: string;
  middleware?: Partial<Record<ChainPoint, Middleware<Context> | Middleware<Context>[]>>;
  /** Started after every feature's start(), stopped before any stop(). */
  timers?: Timer[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type FeatureFactory = (deps: FeatureDeps) => Feature;
