// Kill the bot process in the middle of a burst, start it again: nothing is lost and
// nothing is sent twice. The bot runs as in production: `src/main.ts` over puppet-service.
import { type ChildProcess, spawn } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWechatServer, tempDir, testEnv, testRooms, waitFor, type WechatServer } from "../helpers/grpc-harness.js";

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir();
  server = await startWechatServer();
});
afterAll(async () => {
  await server.stop();
  tmp.cleanup();
});

function startBotProcess(
  dbPath: string,
  env: Record<string, string> = {},
): { child: ChildProcess; loggedIn: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      ...testEnv(),
      DATABASE_URL: `file:${dbPath}`,
      WECHATY_PUPPET: "wechaty-puppet-service",
      WECHATY_PUPPET_SERVICE_TOKEN: server.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: server.endpoint,
      WECHATY_LOG: "silent",
      LINLI_LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  const loggedIn = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      log += d.toString();
      if (log.includes('"msg":"rooms"')) resolve();
    });
    child.once("exit", (code) => reject(new Error(`bot exited ${code}: ${log.slice(-2000)}`)));
  });
  return { child, loggedIn };
}

it("handles after a restart every message stored before a kill, and sends nothing twice", async () => {
  const dbPath = `${tmp.dir}/linli.db`;
  // The first process sends slowly, so replies are still queued when it is killed.
  const first = startBotProcess(dbPath, { LINLI_SEND_INTERVAL_MS: "150" });
  await new Promise((r) => setTimeout(r, 1500));
  server.mocker.login(server.botUser);
  await first.loggedIn;

  const burst = 40;
  for (let i = 1; i <= burst; i++) {
    await server.say(i % 2 ? "zhang" : "li", "residents", `${(i % 9) + 1}号楼${i}单元楼道灯坏了, 第${i}次反映`);
  }
  // Kill as soon as some, but not all, requests have been acknowledged.
  await waitFor(() => server.botSaid({ roomTopic: testRooms.residents }).length >= 3, "first acknowledgements", 20_000);
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));

  const db = new Database(dbPath, { readonly: true });
  const stored = (db.prepare("SELECT count(*) AS n FROM InboundMessage").get() as { n: number }).n;
  const queued = (db.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE state = 'pending'").get() as { n: number })
    .n;
  db.close();
  expect(stored).toBeGreaterThan(0);
  expect(queued).toBeGreaterThan(0);

  const second = startBotProcess(dbPath);
  await second.loggedIn;
  try {
    const check = () => {
      const d = new Database(dbPath, { readonly: true });
      try {
        return {
          pending: (
            d.prepare("SELECT count(*) AS n FROM InboundMessage WHERE state = 'pending'").get() as { n: number }
          ).n,
          tickets: (d.prepare("SELECT count(*) AS n FROM Ticket").get() as { n: number }).n,
          // A burst from one resident is folded into their latest ticket, kept as an event.
          folded: (d.prepare("SELECT count(*) AS n FROM TicketEvent WHERE type = 'folded'").get() as { n: number }).n,
          unsent: (d.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE state = 'pending'").get() as { n: number })
            .n,
          stored: (d.prepare("SELECT count(*) AS n FROM InboundMessage").get() as { n: number }).n,
        };
      } finally {
        d.close();
      }
    };
    const done = await waitFor(
      () => {
        const c = check();
        return c.pending === 0 && c.unsent === 0 && c.tickets + c.folded === c.stored ? c : null;
      },
      "every stored message handled and every reply sent",
      30_000,
    );
    expect(done.tickets + done.folded).toBe(done.stored);

    // Every acknowledgement went out exactly once per ticket (several may share one message).
    const acks = server
      .botSaid({ roomTopic: testRooms.residents })
      .filter((s) => s.text.includes("登记了"))
      .flatMap((s) => [...s.text.matchAll(/#(\d+)/g)].map((m) => m[1]));
    const counts = new Map<string, number>();
    for (const id of acks) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const d = new Database(dbPath, { readonly: true });
    const uncertain = (
      d.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE state = 'uncertain'").get() as { n: number }
    ).n;
    d.close();
    // An ack interrupted mid-send is the only kind that may be missing (never sent twice).
    expect(counts.size + uncertain).toBeGreaterThanOrEqual(done.tickets);
  } finally {
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));
  }
}, 90_000);

it("handles on start a message that was stored but not handled when the process stopped", async () => {
  const dbPath = `${tmp.dir}/recover.db`;
  const { openDatabase } = await import("../../src/store/open-database.js");
  const opened = await openDatabase(`file:${dbPath}`);
  await opened.db.inboundMessage.create({
    data: {
      id: "left-over-1",
      roomId: server.rooms.residents.id,
      roomTopic: testRooms.residents,
      talkerId: server.people.wang.id,
      talkerName: "王桂兰",
      type: "text",
      text: "7号楼1单元电梯坏了, 老人下不了楼",
      receivedAt: new Date(),
    },
  });
  await opened.close();
  const { startBot } = await import("../helpers/grpc-harness.js");
  const before = server.botSaid({ roomTopic: testRooms.residents }).length;
  const bot = await startBot(server, dbPath);
  try {
    const ack = await waitFor(
      () =>
        server
          .botSaid({ roomTopic: testRooms.residents })
          .slice(before)
          .find((s) => s.text.includes("王桂兰")),
      "ack of the left-over message",
    );
    expect(ack.text).toMatch(/#\d+/);
    const row = await bot.app.db.inboundMessage.findUniqueOrThrow({ where: { id: "left-over-1" } });
    expect(row.state).toBe("done");
  } finally {
    await bot.stop();
  }
});
