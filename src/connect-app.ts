// Puts the app on a Wechaty bot: the channel feeds the pipeline, and once the account is
// logged in its rooms are registered and the app starts (outbox, timers, recovery).
// Production, the test harness and the benchmark all connect through this one function.
import type { WechatyInterface } from "wechaty/impls";
import { type AppOptions, createApp, type App } from "./app.js";
import { linkGapNotice } from "./channels/link-replies.js";
import { type LinkGap, type PuppetLink, watchPuppetLink } from "./channels/puppet-link.js";
import { createWechatyChannel } from "./channels/wechaty-channel.js";
import type { Role } from "./core/types.js";
import { sendPriority } from "./outbox/outbox.js";
import { createPrismaLinkWatchStore, gapSinceLastRun } from "./store/link-watch.js";
import { toChinaTime } from "./text/china-time.js";

/** What `GET /healthz` reports. */
export interface Health {
  connected: boolean;
  loggedIn: boolean;
  /** Sending is held until the link and the login are back. */
  outboxPaused: boolean;
  outboxBacklog: number;
  downSince: string | null;
  reconnects: number;
}

export interface ConnectedApp {
  app: App;
  /** Resolves once the account is logged in, its rooms registered and the app started. */
  ready: Promise<void>;
  link: PuppetLink;
  health(): Promise<Health>;
}

export interface ConnectOptions extends Omit<AppOptions, "sender" | "directory"> {
  /** Waits before each reconnect attempt to the puppet service (see puppet-link.ts). */
  reconnectBackoffMs?: number[];
  /** Ping period to the puppet service (see puppet-link.ts). */
  keepAliveMs?: number;
  /** Words never to print (the puppet service token). */
  secrets?: string[];
  /**
   * At start, a link last seen up longer ago than this (the bot was stopped, or killed during
   * an outage) is reported to staff as a gap. Default 2 minutes.
   */
  linkGapAfterMs?: number;
  /** How often the time the link was last seen up is stored. Default 30 s. */
  linkWatchMs?: number;
}

const minuteOf = (d: Date) => {
  const t = toChinaTime(d);
  return `${t.month}月${t.day}日 ${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
};

export function connectApp(bot: WechatyInterface, options: ConnectOptions): ConnectedApp {
  const { logger } = options;
  let app: App | undefined;
  const link = watchPuppetLink({
    bot,
    logger,
    clock: options.clock,
    backoffMs: options.reconnectBackoffMs,
    keepAliveMs: options.keepAliveMs,
    secrets: options.secrets,
    onDown: () => {
      saveWatch();
      const s = link.state();
      logger.warn("sending paused: WeChat unreachable or logged out", { connected: s.connected, loggedIn: s.loggedIn });
      app?.outbox.pause();
    },
    onUp: (gap) => {
      if (gap) logger.info("sending resumed", { from: gap.from.toISOString(), to: gap.to.toISOString() });
      app?.outbox.resume();
      saveWatch();
      if (gap) void tellStaffOfGap(gap);
    },
  });
  const channel = createWechatyChannel({
    bot,
    logger,
    onMessage: async (m) => app?.bot.receive(m),
    onRoomTopic: (r) => app?.rooms.register(r.id, r.topic, r.ownerId),
    isConnected: () => link.state().connected,
  });
  const connected = createApp({ ...options, sender: channel.sender, directory: channel.directory });
  app = connected;

  // Once per gap and staff room (the key), whatever restarts follow.
  async function tellStaffOfGap(gap: LinkGap): Promise<void> {
    const text = linkGapNotice(minuteOf(gap.from), minuteOf(gap.to));
    for (const roomId of connected.rooms.idsByRole("staff")) {
      await connected.outbox
        .enqueue(
          { to: { kind: "room", id: roomId }, text },
          { key: `link-gap:${gap.from.toISOString()}:${roomId}`, priority: sendPriority.reply },
        )
        .catch((err) => logger.error("could not queue the outage notice", { reason: String(err) }));
    }
  }

  // The link's last known state, stored so that a gap spanning a restart is told too. Nothing
  // is written before the previous process's record has been read (once, after the first login).
  const watch = createPrismaLinkWatchStore(connected.db);
  let watching = false;
  let lastAlive: Date | undefined;
  let beat: ReturnType<typeof setInterval> | undefined;
  function saveWatch(): void {
    if (!watching) return;
    const s = link.state();
    const now = options.clock.now();
    if (!s.downSince) lastAlive = now;
    watch
      .write({ aliveAt: lastAlive ?? now, downSince: s.downSince })
      .catch((err) => logger.warn("could not store the link state", { reason: String(err) }));
  }
  async function checkLastRun(): Promise<void> {
    const row = await watch.read().catch((err) => {
      logger.warn("could not read the link state of the last run", { reason: String(err) });
      return null;
    });
    lastAlive = row?.aliveAt;
    const gap = gapSinceLastRun(row, options.clock.now(), options.linkGapAfterMs ?? 120_000);
    if (gap) {
      logger.warn("the bot was cut off from WeChat before this start", {
        from: gap.from.toISOString(),
        to: gap.to.toISOString(),
      });
      await tellStaffOfGap(gap);
    }
    watching = true;
    saveWatch();
    beat = setInterval(saveWatch, options.linkWatchMs ?? 30_000);
    beat.unref();
  }
  let checked: Promise<void> | undefined;

  let started: Promise<void> | undefined;
  const syncRooms = async () => {
    await connected.syncRooms(await channel.listRooms());
    const roles: Role[] = ["resident", "volunteer", "staff"];
    logger.info("rooms", Object.fromEntries(roles.map((role) => [role, connected.rooms.idsByRole(role).length])));
    started ??= connected.start();
    await started;
    checked ??= checkLastRun();
    await checked;
  };
  const ready = new Promise<void>((resolve, reject) => {
    bot.on("login", (user) => {
      logger.info("logged in", { user: user.name() });
      syncRooms().then(resolve, (err) => {
        logger.error("room sync failed", { reason: String(err) });
        reject(err);
      });
    });
  });
  ready.catch(() => {});
  // Real puppets list rooms fully only when ready; register them again then.
  bot.on("ready", () => void syncRooms().catch(() => {}));
  return {
    app: connected,
    ready,
    link: {
      ...link,
      stop() {
        clearInterval(beat);
        watching = false;
        link.stop();
      },
    },
    async health() {
      const s = link.state();
      return {
        connected: s.connected,
        loggedIn: s.loggedIn,
        outboxPaused: connected.outbox.paused,
        outboxBacklog: await connected.outbox.backlog(),
        downSince: s.downSince?.toISOString() ?? null,
        reconnects: s.reconnects,
      };
    },
  };
}
