// What the console works with: the same domain services the chat commands use (no second set
// of business rules), taken from the running app's features.
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import type { Actor, Clock, Logger } from "../../core/types.js";
import type { BroadcastFeature } from "../../features/broadcasts.js";
import type { ConsoleFeature } from "../../features/console.js";
import type { FaqFeature } from "../../features/faq.js";
import type { FollowUpFeature } from "../../features/follow-up.js";
import type { ReportsFeature } from "../../features/reports.js";
import type { TicketsFeature } from "../../features/tickets.js";
import type { Outbox } from "../../outbox/outbox.js";
import type { ConsoleAuth } from "../../people/console-auth.js";
import type { Directory } from "../../people/role-resolver.js";
import type { RoomRegistry } from "../../people/room-registry.js";
import type { Db } from "../../store/open-database.js";

export interface ConsoleServices {
  config: Readonly<Config>;
  auth: ConsoleAuth;
  tickets: TicketsFeature["service"];
  /** Whom staff may assign: the volunteers' rooms' members, checked as chat's 指派 checks them. */
  volunteers: Pick<TicketsFeature, "volunteers" | "findVolunteer">;
  followUp: FollowUpFeature["service"];
  faq: FaqFeature["service"];
  broadcasts: BroadcastFeature["service"];
  reports: ReportsFeature["service"];
  /** The 成绩单 of a week, month or year (the reports feature's; export with reportToXlsx / reportToCsv). */
  periodReport: ReportsFeature["periodReport"];
  rooms: RoomRegistry;
  directory: Directory;
  outbox: Outbox;
  db: Db;
  /** Every change made in the console, with who made it (the audit log chat changes use). */
  audit(actor: Actor, action: string, detail: Record<string, unknown>): Promise<void>;
  clock: Clock;
  logger: Logger;
}

function feature<T>(app: App, name: string): T {
  const f = app.features.find((x) => x.name === name);
  if (!f) throw new Error(`the console needs the ${name} feature`);
  return f as T;
}

export function consoleServicesOf(
  app: App,
  o: { config: Readonly<Config>; clock: Clock; logger: Logger },
): ConsoleServices {
  const db = app.db;
  return {
    config: o.config,
    auth: feature<ConsoleFeature>(app, "console").auth,
    tickets: feature<TicketsFeature>(app, "tickets").service,
    volunteers: feature<TicketsFeature>(app, "tickets"),
    followUp: feature<FollowUpFeature>(app, "followUp").service,
    faq: feature<FaqFeature>(app, "faq").service,
    broadcasts: feature<BroadcastFeature>(app, "broadcasts").service,
    reports: feature<ReportsFeature>(app, "reports").service,
    periodReport: feature<ReportsFeature>(app, "reports").periodReport,
    rooms: app.rooms,
    directory: app.directory,
    outbox: app.outbox,
    db,
    async audit(actor, action, detail) {
      await db.auditLog.create({
        data: {
          actorId: actor.id,
          actorName: actor.name,
          action: `console:${action}`,
          detail: JSON.stringify(detail),
          at: o.clock.now(),
        },
      });
    },
    clock: o.clock,
    logger: o.logger,
  };
}
