// `linli db migrate`: creates or upgrades the database at DATABASE_URL (the bot also does
// this at start; the command is for deployments that migrate before starting).
import { loadConfig } from "../config.js";
import { openDatabase } from "../store/open-database.js";

export async function run(args: string[]): Promise<number> {
  if (args[0] !== "migrate") {
    process.stderr.write("用法: npm run --silent linli -- db migrate\n");
    return 2;
  }
  const config = loadConfig();
  const opened = await openDatabase(config.databaseUrl);
  await opened.close();
  process.stderr.write(
    opened.applied.length ? `数据库已升级: ${opened.applied.join(", ")}\n` : "数据库已是最新, 无需升级。\n",
  );
  return 0;
}
