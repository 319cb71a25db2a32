// The broadcast tests run under TZ=UTC (vitest.config.ts). A schedule bug that leaned on the
// process zone could still pass there, since UTC is "no offset". Here we rerun them in child
// processes whose zone is far from China's, one with a DST change and one with a half hour.

import { type ExecFileOptions, execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

function run(file: string, args: string[], options: ExecFileOptions): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...options, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve({ stdout });
    });
  });
}
const root = fileURLToPath(new URL("../../", import.meta.url));
const zoneSensitiveTests = [
  "test/broadcasts/schedule.test.ts",
  "test/broadcasts/parse-broadcast-command.test.ts",
  "test/broadcasts/describe-schedule.test.ts",
  "test/broadcasts/broadcast-replies.test.ts",
  // Runs on a real database: slots, catch-up and the month/week bounds of live data.
  "test/broadcasts/broadcast-service.test.ts",
  "test/broadcasts/live-data.test.ts",
];

describe.each([
  ["America/New_York", 240],
  ["Asia/Kolkata", -330],
])("under TZ=%s", (zone, julyOffsetMinutes) => {
  const env = { ...process.env, TZ: zone };

  it("the child process really runs in that zone", async () => {
    const { stdout } = await run(
      process.execPath,
      ["-e", "console.log(new Date('2026-07-01T00:00:00Z').getTimezoneOffset())"],
      { env },
    );
    expect(Number(stdout.trim())).toBe(julyOffsetMinutes);
  });

  it("the schedule, grammar and describe tests all pass", async () => {
    const vitest = `${root}node_modules/vitest/vitest.mjs`;
    const { stdout } = await run(process.execPath, [vitest, "run", ...zoneSensitiveTests], {
      cwd: root,
      env: { ...env, NO_COLOR: "1", FORCE_COLOR: "0" },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`child vitest failed under ${zone}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
    });
    expect(stdout).toMatch(new RegExp(`Test Files\\s+${zoneSensitiveTests.length} passed`));
  });
});
