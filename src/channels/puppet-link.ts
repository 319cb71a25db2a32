// Keeps the link to the puppet service alive. When the gRPC event stream drops (the service
// restarted, the network broke), wechaty-puppet-service only logs it and waits for Wechaty's
// 60 s watchdog; here the stream is reopened at once, then with backoff, and every change of
// "can we talk to WeChat" (link up, account logged in) is reported once.
import type { EventEmitter } from "node:events";
import type { WechatyInterface } from "wechaty/impls";
import type { Clock, Logger } from "../core/types.js";

export interface LinkState {
  /** The event stream to the puppet service is open (always true for an in-process puppet). */
  connected: boolean;
  /** The WeChat account is logged in. */
  loggedIn: boolean;
  /** When the link last went down or the account out; null while both are fine. */
  downSince: Date | null;
  reconnects: number;
}

/** A span during which messages written to the account may never have reached the bot. */
export interface LinkGap {
  from: Date;
  to: Date;
}

export interface PuppetLinkOptions {
  bot: WechatyInterface;
  logger: Logger;
  clock: Clock;
  /** Called when the bot can no longer send or receive (link down or logged out). */
  onDown(): void;
  /** Called when both are back; `gap` is null the first time the account comes up. */
  onUp(gap: LinkGap | null): void;
  /** Waits before each reconnect attempt; the last one repeats. */
  backoffMs?: number[];
  /** Words never to print (the service token). */
  secrets?: string[];
  /**
   * Ping period while connected. The puppet's watchdog restarts it after 60 s without any
   * event (a quiet night), dropping the stream; a ding answered by a dong keeps it fed, and
   * a link that stays silent through three pings is taken for dead.
   */
  keepAliveMs?: number;
}

/**
 * The parts of wechaty-puppet-service 1.x's GrpcManager used here (`puppet._grpcManager`);
 * duck-typed, so another puppet (the demo's in-process mock) is simply always connected.
 */
interface StreamManager {
  eventStream?: EventEmitter;
  stopStream(): void;
  startStream(): Promise<void>;
}

function streamManagerOf(bot: WechatyInterface): StreamManager | undefined {
  let puppet: unknown;
  try {
    puppet = bot.puppet;
  } catch {
    return undefined; // not started yet
  }
  const m = (puppet as { _grpcManager?: Partial<StreamManager> })._grpcManager;
  return m && typeof m.startStream === "function" && typeof m.stopStream === "function"
    ? (m as StreamManager)
    : undefined;
}

const channelStates = ["IDLE", "CONNECTING", "READY", "TRANSIENT_FAILURE", "SHUTDOWN"];

/**
 * The gRPC channel's state: the library swallows a new stream's error while it waits for the
 * first event, so this is often the only reason there is for a failed reconnect.
 */
function channelStateOf(manager: StreamManager): string | undefined {
  try {
    const client = (manager as { client?: { getChannel?(): { getConnectivityState(connect: boolean): number } } })
      .client;
    const state = client?.getChannel?.().getConnectivityState(false);
    return state === undefined ? undefined : (channelStates[state] ?? String(state));
  } catch {
    return undefined;
  }
}

export function hideSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("***"), text);
}

export function watchPuppetLink(o: PuppetLinkOptions) {
  const { bot, logger } = o;
  const backoff = o.backoffMs ?? [200, 1_000, 2_000, 5_000, 10_000];
  const safe = (err: unknown) => hideSecrets(err instanceof Error ? err.message : String(err), o.secrets ?? []);
  let connected = true;
  let wasUp = false;
  let up = false;
  let downSince: Date | null = null;
  let reconnects = 0;
  let stopped = false;
  let reconnecting = false;
  let hooked: EventEmitter | undefined;
  let dropped: EventEmitter | undefined;
  let sawHeartbeat = false;
  /** Why the last reconnect attempt failed, token-free. */
  let failure = "";
  let lastHeartbeat = Date.now();
  const keepAliveMs = o.keepAliveMs ?? 15_000;

  const loggedIn = () => bot.isLoggedIn;

  function update(): void {
    const nowUp = connected && loggedIn();
    if (nowUp === up) return;
    up = nowUp;
    if (!nowUp) {
      downSince ??= o.clock.now();
      o.onDown();
      return;
    }
    const gap = wasUp && downSince ? { from: downSince, to: o.clock.now() } : null;
    wasUp = true;
    downSince = null;
    o.onUp(gap);
  }

  function hookStream(): void {
    const stream = streamManagerOf(bot)?.eventStream;
    if (!stream || stream === hooked) return;
    hooked = stream;
    const dropped = (why: string) => () => {
      if (hooked === stream) linkDown(why);
    };
    stream.once("end", dropped("stream ended"));
    stream.once("error", dropped("stream error"));
    stream.once("status", (s: { code?: number }) => {
      if (s?.code) dropped(`stream status ${s.code}`)();
    });
  }

  function linkDown(reason: string): void {
    if (stopped || !connected) return;
    connected = false;
    dropped = hooked;
    hooked = undefined;
    sawHeartbeat = false;
    logger.warn("puppet service disconnected, reconnecting", { reason });
    update();
    void reconnect();
  }

  async function reconnect(): Promise<void> {
    if (reconnecting) return;
    reconnecting = true;
    let lastReason = "";
    failure = "";
    for (let attempt = 0; !stopped && !connected; attempt++) {
      await new Promise((r) => setTimeout(r, backoff[Math.min(attempt, backoff.length - 1)]));
      const manager = streamManagerOf(bot);
      if (stopped || !manager) continue;
      // Wechaty's watchdog may have restarted the puppet meanwhile, with a stream of its own.
      const adopted = sawHeartbeat && manager.eventStream && manager.eventStream !== dropped;
      if (!adopted)
        try {
          manager.stopStream();
          sawHeartbeat = false;
          await manager.startStream();
          // A stream to an absent service opens, then fails on its own; keep why for the log.
          manager.eventStream?.on("error", (err: unknown) => {
            failure = safe(err);
          });
        } catch (err) {
          failure = safe(err);
        }
      // The service greets every new stream with a heartbeat: without one it is not back yet.
      if (sawHeartbeat && manager.eventStream) {
        connected = true;
        reconnects++;
        hookStream();
        logger.info("puppet service reconnected", {
          attempts: attempt + 1,
          downMs: downSince ? o.clock.now().getTime() - downSince.getTime() : 0,
        });
        update();
      } else {
        // At warn so an operator sees why (token-free); the same reason again only every tenth try.
        const channel = channelStateOf(manager);
        const reason = failure || `no heartbeat from the service${channel ? ` (gRPC channel ${channel})` : ""}`;
        const level = reason !== lastReason || attempt % 10 === 0 ? "warn" : "debug";
        lastReason = reason;
        logger[level]("puppet service reconnect failed", { attempt: attempt + 1, reason });
      }
    }
    reconnecting = false;
  }

  const onHeartbeat = () => {
    sawHeartbeat = true;
    lastHeartbeat = Date.now();
  };
  const keepAlive = setInterval(() => {
    if (stopped || !connected || !streamManagerOf(bot)) return;
    if (Date.now() - lastHeartbeat > 3 * keepAliveMs) {
      linkDown("no heartbeat");
      return;
    }
    try {
      bot.puppet.ding("linli");
    } catch (err) {
      logger.debug("ding failed", { reason: safe(err) });
    }
  }, keepAliveMs);
  keepAlive.unref();
  const onLogin = () => update();
  // isLoggedIn turns false just after the event (wechaty-puppet clears it on the next tick).
  const onLogout = () => {
    setImmediate(update);
  };
  const onStart = () => {
    lastHeartbeat = Date.now();
    hookStream();
    update();
  };
  const onError = (err: unknown) => {
    // The stream's own listeners catch drops; this only keeps the reason in the log, token-free.
    logger.debug("puppet error", { reason: safe(err) });
  };
  bot.on("heartbeat", onHeartbeat);
  bot.on("start", onStart);
  bot.on("login", onLogin);
  bot.on("logout", onLogout);
  bot.on("error", onError);

  return {
    state(): LinkState {
      return { connected, loggedIn: loggedIn(), downSince, reconnects };
    },
    stop(): void {
      stopped = true;
      clearInterval(keepAlive);
      bot.off("heartbeat", onHeartbeat);
      bot.off("start", onStart);
      bot.off("login", onLogin);
      bot.off("logout", onLogout);
      bot.off("error", onError);
    },
  };
}

export type PuppetLink = ReturnType<typeof watchPuppetLink>;
