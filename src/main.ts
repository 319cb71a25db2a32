// `npm start`: the bot on embedded defaults (SQLite file, demo community on the mock puppet
// with a web simulator), or on a real account through wechaty-puppet-service.
import { fileURLToPath } from "node:url";
import { PuppetService } from "wechaty-puppet-service";
import { WechatyBuilder } from "wechaty";
import type { WechatyInterface } from "wechaty/impls";
import { connectApp } from "./connect-app.js";
import { ConfigError, type Config, loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";
import { systemClock } from "./core/types.js";
import { createDemoCommunity, demoRooms } from "./demo/demo-community.js";
import { openDatabase } from "./store/open-database.js";
import { startSimulator } from "./web/simulator-server.js";

const demoKb = fileURLToPath(new URL("../demo/kb", import.meta.url));

/** The demo community's rooms and knowledge base, unless configured otherwise. */
function demoConfig(config: Readonly<Config>): Readonly<Config> {
  const r = config.rooms;
  const configured = r.resident.length + r.volunteer.length + r.staff.length > 0;
  const rooms = configured
    ? r
    : { resident: [...demoRooms.resident], volunteer: [...demoRooms.volunteer], staff: [...demoRooms.staff] };
  return Object.freeze({ ...config, rooms, kbPath: config.kbPath ?? demoKb });
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const demo = config.puppet ? undefined : createDemoCommunity(config.botName);
  if (demo) config = demoConfig(config);

  const database = await openDatabase(config.databaseUrl);
  if (database.applied.length) logger.info("database migrated", { applied: database.applied });

  let bot: WechatyInterface;
  if (demo) bot = WechatyBuilder.build({ name: "linli-demo", puppet: demo.puppet });
  else if (config.puppet === "wechaty-puppet-service" && config.puppetService) {
    const s = config.puppetService;
    const puppet = new PuppetService({ token: s.token, endpoint: s.endpoint, tls: { disable: s.noTlsInsecureClient } });
    bot = WechatyBuilder.build({ name: "linli", puppet });
  } else bot = WechatyBuilder.build({ name: "linli", puppet: config.puppet as never });

  const { app } = connectApp(bot, { config, database, clock: systemClock, logger });
  bot.on("scan", (qrcode) => logger.info("scan this QR code to log in", { qrcode }));
  bot.on("error", (err) => logger.error("wechaty error", { reason: String(err) }));

  await bot.start();
  let simulator: Awaited<ReturnType<typeof startSimulator>> | undefined;
  if (demo) {
    demo.mocker.login(demo.botUser);
    try {
      simulator = await startSimulator({ demo, bot, host: config.web.host, port: config.web.port, logger });
    } catch (err) {
      if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
      process.stderr.write(
        `网页端口 ${config.web.port} 已被占用 (也许 linli 已经在运行)。请换一个端口, 例如: LINLI_WEB_PORT=${config.web.port + 1} npm start\n`,
      );
      process.exit(1);
    }
    process.stderr.write(
      `\n邻里管家 demo 已启动: 打开 ${simulator.url} 扮演居民、志愿者和社区工作人员聊天。\n按 Ctrl+C 退出。\n\n`,
    );
  }

  const stop = async () => {
    logger.info("stopping");
    await simulator?.close();
    await app.stop();
    await bot.stop().catch(() => {});
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((err) => {
  process.stderr.write(`linli 启动失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
