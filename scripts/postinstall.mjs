// After install: generate the Prisma clients (offline) and compile to dist/.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

for (const script of ["scripts/prisma-generate.mjs", "scripts/build.mjs"]) {
  if (!existsSync(script)) continue;
  const run = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
