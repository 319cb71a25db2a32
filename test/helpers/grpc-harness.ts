// A mock WeChat served over the real puppet-service gRPC path on loopback, and the bot
// connected to it exactly as in production, with a real SQLite file per test.
import type { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { FileBox } from "file-box";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { WechatyBuilder } from "wechaty";
import type { WechatyInterface } from "wechaty/impls";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { PuppetServer, PuppetService } from "wechaty-puppet-service";
import { connectApp } from "../../src/connect-app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";
import type { Clock, Logger } from "../../src/core/types.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import type { Understand } from "../../src/understand/understand-message.js";
import { formatQuoteReply } from "../../src/text/quote.js";

export const botName = "邻里管家";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface Said {
  roomTopic: string | null;
  /** For private messages: the person the bot wrote to. */
  toName: string | null;
  fromName: string;
  fromBot: boolean;
  text: string;
}

export const testRooms = {
  residents: "幸福里3号楼居民群",
  residents2: "幸福里5号楼居民群",
  volunteers: "志愿者服务群",
  staff: "社区工作群",
};

/** The people of the test community (keys used by tests). */
export const testPeople = {
  zhang: { name: "张秀英", rooms: ["residents", "residents2"] },
  li: { name: "李建国", rooms: ["residents"] },
  wang: { name: "王桂兰", rooms: ["residents2"] },
  liu: { name: "刘志强", rooms: ["volunteers"] },
  chen: { name: "陈师傅", rooms: ["volunteers"] },
  v3: { name: "志愿者三", rooms: ["volunteers"] },
  v4: { name: "志愿者四", rooms: ["volunteers"] },
  v5: { name: "志愿者五", rooms: ["volunteers"] },
  v6: { name: "志愿者六", rooms: ["volunteers"] },
  v7: { name: "志愿者七", rooms: ["volunteers"] },
  v8: { name: "志愿者八", rooms: ["volunteers"] },
  zhao: { name: "赵书记", rooms: ["staff", "residents", "volunteers"] },
} as const;
export type PersonKey = keyof typeof testPeople;

/** The WeChat side: a mock puppet served over gRPC, with the test community in it. */
export async function startWechatServer() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({ name: botName });
  const people = Object.fromEntries(
    Object.entries(testPeople).map(([k, p]) => [k, mocker.createContact({ name: p.name })]),
  ) as Record<PersonKey, mock.ContactMock>;
  const rooms = Object.fromEntries(
    Object.entries(testRooms).map(([k, topic]) => {
      const members = (Object.keys(testPeople) as PersonKey[])
        .filter((p) => (testPeople[p].rooms as readonly string[]).includes(k))
        .map((p) => people[p].id);
      return [k, mocker.createRoom({ topic, memberIdList: [botUser.id, ...members] })];
    }),
  ) as Record<keyof typeof testRooms, mock.RoomMock>;

  const said: Said[] = [];
  const nameOf = (id: string | undefined) => (id ? (mocker.ContactMock.load(id).payload.name ?? id) : "");
  for (const [key, room] of Object.entries(rooms)) {
    // The mock objects are event emitters, though their types do not say so.
    (room as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
      said.push({
        roomTopic: testRooms[key as keyof typeof testRooms],
        toName: null,
        fromName: nameOf(m.payload.talkerId),
        fromBot: m.payload.talkerId === botUser.id,
        text: m.payload.text ?? "",
      });
    });
  }
  for (const contact of Object.values(people)) {
    (contact as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
      if (m.payload.roomId || m.payload.talkerId !== botUser.id) return;
      said.push({
        roomTopic: null,
        toName: contact.payload.name,
        fromName: botName,
        fromBot: true,
        text: m.payload.text ?? "",
      });
    });
  }

  const port = await freePort();
  const token = `insecure_${randomUUID()}`;
  let server = new PuppetServer({ endpoint: `127.0.0.1:${port}`, puppet, token });
  await server.start();
  return {
    mocker,
    puppet,
    botUser,
    people,
    rooms,
    said,
    endpoint: `127.0.0.1:${port}`,
    token,
    /** A person writes in a room (or, with room null, privately to the bot). */
    say(person: PersonKey, room: keyof typeof testRooms | null, text: string, opts: { mentionBot?: boolean } = {}) {
      const c = people[person];
      if (room === null) return c.say(text).to(botUser);
      if (opts.mentionBot) return c.say(`@${botName}\u2005${text}`, [botUser]).to(rooms[room]);
      return c.say(text).to(rooms[room]);
    },
    quoteReply(person: PersonKey, room: keyof typeof testRooms, quoted: Said, reply: string) {
      return people[person].say(formatQuoteReply(quoted.fromName, quoted.text, reply)).to(rooms[room]);
    },
    /** A picture, as WeChat delivers one (the mock types it by its media type). */
    sendImage(person: PersonKey, room: keyof typeof testRooms) {
      return people[person].say(FileBox.fromUrl("http://127.0.0.1:9/photo.png")).to(rooms[room]);
    },
    botSaid(filter: Partial<Pick<Said, "roomTopic" | "toName">> = {}): Said[] {
      return said.filter(
        (s) =>
          s.fromBot &&
          (filter.roomTopic === undefined || s.roomTopic === filter.roomTopic) &&
          (filter.toName === undefined || s.toName === filter.toName),
      );
    },
    /** The puppet service goes away (WeChat itself, the mock, stays as it was). */
    async stopService() {
      await server.stop();
    },
    /** …and comes back on the same address. */
    async startService() {
      server = new PuppetServer({ endpoint: `127.0.0.1:${port}`, puppet, token });
      await server.start();
    },
    async stop() {
      await server.stop();
    },
  };
}
export type WechatServer = Awaited<ReturnType<typeof startWechatServer>>;

export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    LINLI_RESIDENT_ROOMS: `${testRooms.residents},${testRooms.residents2}`,
    LINLI_VOLUNTEER_ROOMS: testRooms.volunteers,
    LINLI_STAFF_ROOMS: testRooms.staff,
    LINLI_SEND_INTERVAL_MS: "0",
    LINLI_SEND_JITTER_MS: "0",
    // The 日清 / 周议 follow the wall clock; tests that want them turn them on.
    LINLI_DAILY_REPORT_AT: "off",
    LINLI_WEEKLY_REPORT_AT: "off",
    ...extra,
  };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "linli-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bot, connected over gRPC to `server`, storing into `dbPath`. */
export async function startBot(
  server: WechatServer,
  dbPath: string,
  opts: {
    env?: Record<string, string>;
    clock?: Clock;
    logger?: Logger;
    understand?: Understand;
    reconnectBackoffMs?: number[];
    keepAliveMs?: number;
    /** The puppet's watchdog (Wechaty's default 60 s). */
    watchdogSeconds?: number;
  } = {},
) {
  const config = loadConfig({
    ...testEnv(opts.env),
    DATABASE_URL: `file:${dbPath}`,
    WECHATY_PUPPET: "wechaty-puppet-service",
    WECHATY_PUPPET_SERVICE_TOKEN: server.token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: server.endpoint,
  });
  const database: OpenedDatabase = await openDatabase(config.databaseUrl);
  // puppet-service keeps an on-disk payload cache (a LevelDB under ~/.wechaty, one per token), which it
  // opens on a login event and closes only on a logout. A bot stopped while the service is down, or a login
  // event handled just after a stop, can leave it open, and the next bot in this process on the same token
  // then fails on the lock ("already held by process"). A real restart is a new process, which frees it.
  // Each test bot gets its own cache folder (the store reads the home folder when it is made), and it is
  // also closed on stop, as a logout would.
  const home = process.env.HOME;
  const cacheHome = mkdtempSync(join(tmpdir(), "linli-puppet-cache-"));
  process.env.HOME = cacheHome;
  let puppet: PuppetService;
  try {
    puppet = new PuppetService({
      token: server.token,
      endpoint: server.endpoint,
      timeoutSeconds: opts.watchdogSeconds,
    });
  } finally {
    if (home === undefined) delete process.env.HOME;
    else process.env.HOME = home;
  }
  const bot: WechatyInterface = WechatyBuilder.build({ name: `linli-test-${randomUUID()}`, puppet });
  const logger = opts.logger ?? silentLogger;
  const { app, ready, health, link } = connectApp(bot, {
    config,
    database,
    clock: opts.clock ?? { now: () => new Date() },
    logger,
    understand: opts.understand,
    housekeepingMs: 0,
    reconnectBackoffMs: opts.reconnectBackoffMs,
    keepAliveMs: opts.keepAliveMs,
    secrets: [server.token],
  });
  await bot.start();
  // The mock stays logged in across bot restarts; a new client is told so on connect.
  if (!server.puppet.isLoggedIn) server.mocker.login(server.botUser);
  await ready;
  // A fresh install binds the configured rooms and says so in the staff room; tests that
  // count what the bot said start after that (test/integration/room-roles.test.ts reads it).
  await app.outbox.idle();
  for (let i = server.said.length - 1; i >= 0; i--) {
    if (server.said[i]!.fromBot && server.said[i]!.text.startsWith("首次启动")) server.said.splice(i, 1);
  }
  const a = app;
  return {
    app: a,
    bot,
    health,
    link,
    database,
    config,
    async stop() {
      link.stop();
      await a.stop();
      await bot.stop().catch(() => {});
      // Close the payload cache as a logout would (see where the puppet is made).
      await (puppet as unknown as { _payloadStore?: { stop(): Promise<void> } })._payloadStore?.stop().catch(() => {});
      await database.close();
      rmSync(cacheHome, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface GrpcBotSetup {
  server: WechatServer;
  bot: Awaited<ReturnType<typeof startBot>>;
  dir: string;
}

/**
 * For a test file: a fresh WeChat server, bot and SQLite file around each test (or each
 * file, with `once`). Read the fields inside tests; they are set by the hooks.
 */
export function useGrpcBot(
  opts: Parameters<typeof startBot>[2] | (() => Parameters<typeof startBot>[2]) = {},
  scope: "each" | "once" = "each",
): GrpcBotSetup {
  const setup = {} as GrpcBotSetup;
  let tmp: ReturnType<typeof tempDir>;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    tmp = tempDir();
    setup.dir = tmp.dir;
    setup.server = await startWechatServer();
    setup.bot = await startBot(setup.server, `${tmp.dir}/linli.db`, typeof opts === "function" ? opts() : opts);
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await setup.bot.stop();
    await setup.server.stop();
    tmp.cleanup();
  });
  return setup;
}
