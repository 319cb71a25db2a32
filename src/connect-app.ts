// Puts the app on a Wechaty bot: the channel feeds the pipeline, and once the account is
// logged in its rooms are registered and the app starts (outbox, timers, recovery).
// Production, the test harness and the benchmark all connect through this one function.
import type { WechatyInterface } from "wechaty/impls";
import { type AppOptions, createApp, type App } from "./app.js";
import { createWechatyChannel } from "./channels/wechaty-channel.js";
import type { Role } from "./core/types.js";

export interface ConnectedApp {
  app: App;
  /** Resolves once the account is logged in, its rooms registered and the app started. */
  ready: Promise<void>;
}

export function connectApp(bot: WechatyInterface, options: Omit<AppOptions, "sender" | "directory">): ConnectedApp {
  const { logger } = options;
  let app: App | undefined;
  const channel = createWechatyChannel({
    bot,
    logger,
    onMessage: async (m) => app?.bot.receive(m),
    onRoomTopic: (r) => app?.rooms.register(r.id, r.topic),
  });
  const connected = createApp({ ...options, sender: channel.sender, directory: channel.directory });
  app = connected;

  let started: Promise<void> | undefined;
  const syncRooms = async () => {
    for (const r of await channel.listRooms()) connected.rooms.register(r.id, r.topic);
    const roles: Role[] = ["resident", "volunteer", "staff"];
    logger.info("rooms", Object.fromEntries(roles.map((role) => [role, connected.rooms.idsByRole(role).length])));
    started ??= connected.start();
    await started;
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
  return { app: connected, ready };
}
