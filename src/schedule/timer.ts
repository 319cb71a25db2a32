// A timer a feature asks for: run every so many milliseconds, or on a cron expression in a
// time zone. The app starts them after the features have started and stops them first.
import cron from "node-cron";
import type { Logger } from "../core/types.js";

export type Timer = {
  name: string;
  /** Should catch and log its own failures; one that escapes is logged here. */
  run(): Promise<unknown>;
} & ({ everyMs: number } | { cron: string; timezone: string });

export interface RunningTimer {
  stop(): Promise<void>;
}

export function startTimer(timer: Timer, logger: Logger): RunningTimer {
  const run = () => timer.run().catch((err) => logger.error(`${timer.name} failed`, { reason: String(err) }));
  if ("everyMs" in timer) {
    const handle = setInterval(run, timer.everyMs);
    handle.unref();
    return { stop: async () => clearInterval(handle) };
  }
  // node-cron only wakes us up; what is due is for the feature to decide (node-cron 4.6 reads
  // day-of-month and day-of-week differently from standard cron, and keeps no state).
  const task = cron.schedule(timer.cron, run, { timezone: timer.timezone, name: timer.name, noOverlap: true });
  return { stop: async () => void (await task.destroy()) };
}
