import type { Logger } from "./types.js";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Phone numbers never reach a log line, whatever a caller passes in.
const phonePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function redactPhones(text: string): string {
  return text.replace(phonePattern, (m) => `${m.slice(0, 3)}****${m.slice(7)}`);
}

/** JSON-lines logger on standard error (standard output stays free for CLI results). */
export function createLogger(
  level: Level = "info",
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const log = (lvl: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...data });
    write(`${redactPhones(line)}\n`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
