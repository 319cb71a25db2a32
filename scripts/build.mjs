// Compiles src/ and bench/ to dist/ with tsc and copies the files read at run time
// (word lists, page, prompts, migrations, demo knowledge base) beside them. Running
// compiled JavaScript saves the ~35 MB loader thread that tsx needs on Node 20.
// Skips the work when nothing changed since the last build.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const inputs = ["src", "bench", "prompts", "prisma", "demo", "tsconfig.json", "tsconfig.build.json", "package.json"];
const stamp = "dist/.build-stamp";

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== ".tmp") m = Math.max(m, newest(join(path, e)));
  return m;
}

const quiet = process.argv.includes("--quiet");
if (existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest))) process.exit(0);

if (!quiet) process.stderr.write("linli: compiling TypeScript to dist/ …\n");
const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const copy = (from, to, filter) => cpSync(from, to, { recursive: true, filter });
// Files read at run time: word lists, pages, and the console's browser scripts and styles.
copy("src", "dist/src", (f) => statSync(f).isDirectory() || /\.(txt|html|yaml)$/.test(f) || /[\\/]public[\\/]/.test(f));
for (const dir of ["prompts", "prisma", "demo"]) if (existsSync(dir)) copy(dir, `dist/${dir}`);
mkdirSync("dist", { recursive: true });
writeFileSync(stamp, new Date().toISOString());
