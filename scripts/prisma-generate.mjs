// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (Prisma cannot switch
// provider by environment variable) and generates both clients. Runs offline.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const sqlite = readFileSync("prisma/schema.prisma", "utf8");
const pg = sqlite
  .replace(
    /^\/\/ linli data model \(SQLite\)\..*\n.*\n/,
    "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: do not edit.\n",
  )
  .replace(/output\s*=\s*"..\/src\/generated\/sqlite"/, 'output     = "../../src/generated/pg"')
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace(/url\s*=\s*"file:.\/dev.db"/, 'url      = "postgresql://localhost:5432/linli"');
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", pg);

for (const config of ["prisma.config.ts", "prisma/postgres.config.ts"]) {
  const run = spawnSync("npx", ["--no-install", "prisma", "generate", "--no-hints", "--config", config], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
