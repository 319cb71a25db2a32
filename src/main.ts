// `npm start`: the bot on embedded defaults (SQLite file, demo community on the mock puppet
// with a web simulator), or on a real account through wechaty-puppet-service.
import { fileURLToPath } from "node:url";
import { WechatyBuilder } from "wechaty";
import type { WechatyInterface } from "wechaty/impls";
import { accountKeyOf, createPuppetService } from "./channels/puppet-service.js";
import { hideSecrets } from "./channels/puppet-link.js";
import { connectApp } from "./connect-app.js";
import { ConfigError, type Config, loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";
import { systemClock } from "./core/types.js";
import { createDemoCommunity, demoRooms } from "./demo/demo-community.js";
import { AccountBusyError, type AccountLock, acquireAccountLock } from "./store/account-lock.js";
import { openDatabase } from "./store/open-database.js";
import { type HealthServer, startHealthServer } from "./web/health-server.js";
import { startSimulator } from "./web/simulator-server.js";
import { consoleServicesOf } from "./web/console/console-services.js";

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
  const logger = createLogger(config.logLevel, undefined, {
    secrets: [config.puppetService?.token, config.llm?.apiKey],
  });
  const demo = config.puppet ? undefined : createDemoCommunity(config.botName);
  if (demo) config = demoConfig(config);

  const database = await openDatabase(config.databaseUrl);
  if (database.applied.length) logger.info("database migrated", { applied: database.applied });

  const token = config.puppetService?.token;
  const secrets = token ? [token] : [];
  const account = demo ? "demo" : token ? accountKeyOf(token) : `puppet-${config.puppet}`;
  let stopping: Promise<void> | undefined;
  let lock: AccountLock;
  try {
    lock = await acquireAccountLock(database.db, {
      account,
      logger,
      onLost: () => void stop(1),
    });
  } catch (err) {
    if (!(err instanceof AccountBusyError)) throw err;
    process.stderr.write(`${err.message}\n`);
    await database.close();
    process.exit(1);
  }

  let bot: WechatyInterface;
  if (demo) bot = WechatyBuilder.build({ name: "linli-demo", puppet: demo.puppet });
  else if (config.puppet === "wechaty-puppet-service" && config.puppetService) {
    const s = config.puppetService;
    const puppet = createPuppetService({ token: s.token, endpoint: s.endpoint, noTls: s.noTlsInsecureClient });
    bot = WechatyBuilder.build({ name: "linli", puppet });
  } else bot = WechatyBuilder.build({ name: "linli", puppet: config.puppet as never });

  const connected = connectApp(bot, { config, database, clock: systemClock, logger, pacing: lock, secrets });
  const { app } = connected;
  bot.on("scan", (qrcode) => logger.info("scan this QR code to log in", { qrcode }));
  bot.on("error", (err) => logger.error("wechaty error", { reason: hideSecrets(String(err), secrets) }));

  await bot.start();
  let web: Pick<HealthServer, "close"> | undefined;
  const consoleServices = consoleServicesOf(app, { config, clock: systemClock, logger });
  try {
    if (demo) {
      demo.mocker.login(demo.botUser);
      const simulator = await startSimulator({
        demo,
        bot,
        host: config.web.host,
        port: config.web.port,
        logger,
        health: connected.health,
        console: consoleServices,
      });
      web = simulator;
      process.stderr.write(
        `\n邻里管家 demo 已启动:\n  ${simulator.url}demo  聊天模拟器和后台并排 (在模拟器里以「赵书记」私聊发「登录」取得登录码)\n  ${simulator.url}  只看聊天模拟器, 扮演居民、志愿者和社区工作人员\n  ${simulator.url}console  社区工作人员后台\n按 Ctrl+C 退出。\n\n`,
      );
    } else {
      // Health is a side door for a real account: a taken port is worth a warning, not a stop.
      web = await startHealthServer({
        host: config.web.host,
        port: config.web.port,
        health: connected.health,
        logger,
        console: consoleServices,
      }).catch((err) => {
        logger.warn("health check not served", { port: config.web.port, reason: String(err) });
        return undefined;
      });
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
    process.stderr.write(
      `网页端口 ${config.web.port} 已被占用 (也许 linli 已经在运行)。请换一个端口, 例如: LINLI_WEB_PORT=${config.web.port + 1} npm start\n`,
    );
    await lock.release().catch(() => {});
    process.exit(1);
  }

  // Graceful: no new message is taken, the ones in hand finish, unsent replies stay stored.
  function stop(code = 0): Promise<void> {
    stopping ??= (async () => {
      logger.info("stopping");
      connected.link.stop();
      await web?.close();
      await app.stop();
      await bot.stop().catch(() => {});
      await lock.release().catch(() => {});
      await database.close();
      logger.info("stopped");
      process.exit(code);
    })();
    return stopping;
  }
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((err) => {
  process.stderr.write(`linli 启动失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
