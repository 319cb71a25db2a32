// Generates the Prisma clients (SQLite and PostgreSQL) after install, offline.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const run = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
process.exit(run.status ?? 1);
