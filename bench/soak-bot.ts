// The bot process of bench/soak.ts: what src/main.ts does for a puppet-service account, plus
// a line per handled message appended (synchronously, so a SIGKILL loses none) to a file, and
// its memory reported to the parent. Configuration from the environment, as in production.
import { appendFileSync } from "node:fs";
import { WechatyBuilder } from "wechaty";
import { PuppetService } from "wechaty-puppet-service";
import { loadConfig } from "../src/config.js";
import { connectApp } from "../src/connect-app.js";
import { createLogger } from "../src/core/logger.js";
import { systemClock } from "../src/core/types.js";
import { openDatabase } from "../src/store/open-database.js";

const handledLog = process.env.SOAK_HANDLED_LOG;
if (!handledLog) throw new Error("SOAK_HANDLED_LOG is required");

const config = loadConfig();
const s = config.puppetService;
if (!s) throw new Error("the soak bot needs WECHATY_PUPPET=wechaty-puppet-service");
const logger = createLogger(config.logLevel, undefined, { secrets: [s.token] });
const database = await openDatabase(config.databaseUrl);
const puppet = new PuppetService({ token: s.token, endpoint: s.endpoint, tls: { disable: s.noTlsInsecureClient } });
const bot = WechatyBuilder.build({ name: `linli-soak-${process.pid}`, puppet });
const { app, ready } = connectApp(bot, {
  config,
  database,
  clock: systemClock,
  logger,
  housekeepingMs: 0,
  onHandled: (m) => appendFileSync(handledLog, `${m.id}\t${process.pid}\n`),
});
bot.on("error", (err) => logger.error("wechaty error", { reason: String(err) }));
await bot.start();
await ready;
process.send?.({ ready: true });
const report = () => process.send?.({ rss: process.memoryUsage().rss });
setInterval(report, 500);
report();

process.once("SIGTERM", async () => {
  await app.stop();
  await bot.stop().catch(() => {});
  await database.close();
  process.exit(0);
});
// An empty event loop would end the bot silently (code 0); say so, so the soak can count it.
process.on("beforeExit", () => process.stderr.write("soak bot: event loop empty, exiting\n"));
