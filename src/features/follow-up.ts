// Follow-up (催办 / 督办) as a feature: the time limits from LINLI_FOLLOW_UP (or the defaults),
// a timer that reminds, escalates, asks idle claimers and reminds residents to rate, and the
// commands 进展 / 延期 / 值班.
import { readFileSync } from "node:fs";
import type { Config } from "../config.js";
import type { Actor } from "../core/types.js";
import { followUpCommands } from "../follow-up/follow-up-commands.js";
import { defaultRules, type FollowUpRules, readRules, RulesError } from "../follow-up/follow-up-rules.js";
import { createFollowUpService, type FollowUpService } from "../follow-up/follow-up-service.js";
import { createPrismaFollowUpStore } from "../store/prisma-follow-up-store.js";
import { createSqliteFollowUpStore } from "../store/sqlite-follow-up-store.js";
import { createPrismaTicketStore } from "../store/prisma-ticket-store.js";
import { createSqliteTicketStore } from "../store/sqlite-ticket-store.js";
import type { Feature, FeatureDeps } from "./feature.js";

export interface FollowUpFeature extends Feature {
  service: FollowUpService;
}

/** The rules in force: the LINLI_FOLLOW_UP file over the defaults; a wrong file stops the start. */
export function loadFollowUpRules(config: Readonly<Config>): FollowUpRules {
  const { path, onDuty, overdueHours } = config.followUp;
  let rules: FollowUpRules;
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      throw new RulesError(`LINLI_FOLLOW_UP: 读不到时限文件 ${path}`);
    }
    try {
      rules = readRules(text, onDuty);
    } catch (err) {
      throw new RulesError(`LINLI_FOLLOW_UP (${path}): ${(err as Error).message}`);
    }
  } else {
    rules = { ...defaultRules(), onDuty };
    // The old key, kept as an alias: the claim limit of ordinary tickets, on the clock.
    if (overdueHours) rules.normal = { ...rules.normal, respond: { minutes: overdueHours * 60, working: false } };
  }
  return rules;
}

export function followUpFeature(deps: FeatureDeps): FollowUpFeature {
  const { config, rooms, directory, logger } = deps;
  const rules = loadFollowUpRules(config);
  const store = deps.sqlite ? createSqliteFollowUpStore(deps.db, deps.sqlite) : createPrismaFollowUpStore(deps.db);
  const staffRooms = () => rooms.idsByRole("staff");

  /** The roster set in chat, else the configured names (or contact ids) found in the staff rooms. */
  async function onDuty(): Promise<Actor[]> {
    const roster = await store.onDuty();
    if (roster.length > 0) return roster;
    const found: Actor[] = [];
    for (const who of rules.onDuty) {
      const person = (await directory.findMember(staffRooms(), who)) ?? (await named(who));
      if (person) found.push(person);
    }
    return found;
  }
  async function named(id: string): Promise<Actor | null> {
    const name = await directory.nameOf(id).catch(() => null);
    return name ? { id, name } : null;
  }

  const service = createFollowUpService({
    tickets: deps.sqlite ? createSqliteTicketStore(deps.sqlite) : createPrismaTicketStore(deps.db),
    store,
    clock: deps.clock,
    enqueue: async (m, key, priority) => {
      await deps.outbox.enqueue(m, { key, priority });
    },
    roomsOf: (role) => rooms.idsByRole(role),
    rules,
    onDuty,
    ratingTimeoutHours: config.tickets.ratingTimeoutHours,
  });

  const run = async () => {
    const n = await service.run();
    if (Object.values(n).some((v) => v > 0)) logger.info("follow-up run", { ...n });
  };

  return {
    name: "followUp",
    service,
    middleware: {
      commands: followUpCommands({
        followUp: service,
        now: () => deps.clock.now(),
        async mentioned(ctx) {
          const out: Actor[] = [];
          for (const id of ctx.message.mentionIds) {
            const p = await named(id);
            if (p && p.name !== config.botName) out.push(p);
          }
          return out;
        },
      }),
    },
    timers: deps.housekeepingMs > 0 ? [{ name: "follow-up", everyMs: deps.housekeepingMs, run }] : [],
  };
}
