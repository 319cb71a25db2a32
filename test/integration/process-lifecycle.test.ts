// The bot as a process, as in production (`src/main.ts` over puppet-service): SIGTERM in the
// middle of a burst loses nothing and sends nothing twice after a restart; a second process
// for the same account is refused with a clear message; the token appears in no path or log.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
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

interface BotProcess {
  child: ChildProcess;
  log(): string;
  loggedIn: Promise<void>;
  exited: Promise<number | null>;
}

function startBotProcess(dbPath: string, env: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      HOME: tmp.dir, // where the puppet keeps its cache
      ...testEnv(),
      DATABASE_URL: `file:${dbPath}`,
      WECHATY_PUPPET: "wechaty-puppet-service",
      WECHATY_PUPPET_SERVICE_TOKEN: server.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: server.endpoint,
      WECHATY_LOG: "silent",
      LINLI_LOG_LEVEL: "info",
      LINLI_WEB_PORT: "0",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const loggedIn = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", () => {
      if (log.includes('"msg":"rooms"')) resolve();
    });
    void exited.then((code) => reject(new Error(`bot exited ${code}: ${log.slice(-2000)}`)));
  });
  loggedIn.catch(() => {});
  return { child, log: () => log, loggedIn, exited };
}

const count = (dbPath: string, sql: string) => {
  const d = new Database(dbPath, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

function allPaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? [p, ...allPaths(p)] : [p];
  });
}

it("refuses a second process for the same account, and keeps the token out of paths and logs", async () => {
  const dbPath = `${tmp.dir}/one-sender.db`;
  const first = startBotProcess(dbPath);
  await new Promise((r) => setTimeout(r, 1500));
  if (!server.puppet.isLoggedIn) server.mocker.login(server.botUser);
  await first.loggedIn;
  try {
    const second = startBotProcess(dbPath);
    expect(await second.exited).toBe(1);
    expect(second.log()).toContain("另一个 linli 进程");
    expect(second.log()).toContain("Another linli process");
    expect(second.log()).toContain(`进程号 ${first.child.pid}`);

    // The first one is still the account's only sender, and still answers.
    await server.say("wang", "residents2", "5号楼3单元楼道灯坏了");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.residents2 }).find((s) => s.text.includes("王桂兰")),
      "a reply from the first process",
      20_000,
    );
    const cache = allPaths(join(tmp.dir, ".wechaty"));
    expect(cache.length).toBeGreaterThan(0);
    expect(cache.filter((p) => p.includes(server.token))).toEqual([]);
    expect(first.log() + second.log()).not.toContain(server.token);
  } finally {
    first.child.kill("SIGTERM");
    await first.exited;
  }
}, 90_000);

it("on SIGTERM mid-burst stops cleanly: nothing lost, nothing sent twice after the restart", async () => {
  const dbPath = `${tmp.dir}/sigterm.db`;
  const first = startBotProcess(dbPath, { LINLI_SEND_INTERVAL_MS: "150" });
  if (!server.puppet.isLoggedIn) server.mocker.login(server.botUser);
  await first.loggedIn;
  const before = server.botSaid({ roomTopic: testRooms.residents }).length;
  const burst = 30;
  for (let i = 1; i <= burst; i++) {
    await server.say(i % 2 ? "zhang" : "li", "residents", `${(i % 9) + 1}号楼${i}单元水管漏水了, 第${i}次说`);
  }
  await waitFor(() => count(dbPath, "SELECT count(*) AS n FROM InboundMessage") === burst, "the burst stored", 20_000);
  await waitFor(
    () => server.botSaid({ roomTopic: testRooms.residents }).length - before >= 3,
    "the first acknowledgements",
    20_000,
  );
  first.child.kill("SIGTERM");
  expect(await first.exited).toBe(0);
  expect(first.log()).toContain('"msg":"stopped"');
  // The reply in hand was finished, the rest left stored: none half-sent.
  expect(count(dbPath, "SELECT count(*) AS n FROM OutboxMessage WHERE state IN ('uncertain','sending')")).toBe(0);
  expect(count(dbPath, "SELECT count(*) AS n FROM OutboxMessage WHERE state = 'pending'")).toBeGreaterThan(0);

  const second = startBotProcess(dbPath);
  await second.loggedIn;
  try {
    await waitFor(
      () =>
        count(dbPath, "SELECT count(*) AS n FROM InboundMessage WHERE state = 'pending'") === 0 &&
        count(dbPath, "SELECT count(*) AS n FROM OutboxMessage WHERE state = 'pending'") === 0,
      "everything handled and sent",
      30_000,
    );
    const tickets = count(dbPath, "SELECT count(*) AS n FROM Ticket");
    // A burst from one resident is folded into their latest ticket (kept as an event); queued
    // acknowledgements in one group go as one message naming each ticket.
    const folded = count(dbPath, "SELECT count(*) AS n FROM TicketEvent WHERE type = 'folded'");
    const acks = server
      .botSaid({ roomTopic: testRooms.residents })
      .slice(before)
      .filter((s) => s.text.includes("登记了"))
      .flatMap((s) => [...s.text.matchAll(/#(\d+)/g)].map((m) => m[1]));
    expect(tickets + folded).toBe(burst);
    expect(acks.length).toBe(new Set(acks).size); // nothing twice
    expect(new Set(acks).size).toBe(tickets); // nothing lost
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
}, 120_000);
