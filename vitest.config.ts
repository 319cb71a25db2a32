import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    env: { TZ: process.env.TZ ?? "UTC" },
    // expect.poll waits up to this long (the default 1 s is too short on a busy 2-core machine).
    expect: { poll: { timeout: 10_000 } },
  },
});
