// Runs `linli parse` or `linli ask` over a labelled JSON Lines set for the scorers
// (scripts/score-parse.ts, scripts/score-ask.ts): sends {id, text} lines, reads the
// answers back by id. A line that is not JSON on standard output counts as missing.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

export interface Labelled {
  id: string | number;
  text: string;
  [field: string]: unknown;
}

export function readLabelled(path: string): Labelled[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

/** The CLI's output lines by id, and the wall time of the whole run. */
export function runCli(args: string[], gold: Labelled[]): { byId: Map<string, Record<string, unknown>>; ms: number } {
  const input = `${gold.map((g) => JSON.stringify({ id: g.id, text: g.text })).join("\n")}\n`;
  const started = process.hrtime.bigint();
  const run = spawnSync(tsx, ["src/cli/main.ts", ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    process.stderr.write(`${run.stderr.slice(-2000)}\nlinli ${args[0]} exited ${run.status}\n`);
    process.exit(1);
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const line of run.stdout.split("\n")) {
    if (!line.trim()) continue;
    try {
      const out = JSON.parse(line) as Record<string, unknown>;
      byId.set(String(out.id), out);
    } catch {
      // not an answer: its message counts as missing
    }
  }
  return { byId, ms };
}

export const round4 = (x: number) => Number(x.toFixed(4));

export function printFigures(figures: Record<string, number>, mistakes: string[], args: string[]): void {
  if (!args.includes("--quiet")) for (const line of mistakes.slice(0, 40)) console.log(`  ${line}`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length)) + 1;
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(width)} ${value}`);
  if (args.includes("--json")) console.log(JSON.stringify(figures));
}
