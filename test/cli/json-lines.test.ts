import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The CLI-CONTRACT promises one output line per input line; these are the inputs that broke it.
const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const commands: Record<string, string[]> = {
  parse: ["parse"],
  ask: ["ask", "--kb", "demo/kb", "--now", "2026-11-27T20:30:00Z"],
};

function env(): NodeJS.ProcessEnv {
  const copy = { ...process.env };
  for (const key of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LINLI_LLM_MODEL"]) delete copy[key];
  return copy;
}

function runCli(args: string[], input: string) {
  return spawnSync(tsx, ["src/cli/main.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: env(),
    timeout: 60_000,
  });
}

const outputLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.each(Object.keys(commands))("linli %s on awkward input", (name) => {
  const args = commands[name]!;

  it("answers a blank line with an error line, keeping the count and order", () => {
    const input = [
      JSON.stringify({ id: "a", text: "5号楼电梯坏了" }),
      "",
      "   ",
      JSON.stringify({ id: "b", text: "长者食堂几点开饭" }),
    ].join("\n");
    const run = runCli(args, `${input}\n`);
    expect(run.status).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines.map((l) => l.id)).toEqual(["a", null, null, "b"]);
    expect(lines[1]).toEqual({ id: null, error: expect.any(String) });
    expect(lines[2]).toEqual({ id: null, error: expect.any(String) });
    expect(lines[3]).not.toHaveProperty("error");
  });

  it("skips a UTF-8 byte-order mark at the start of the input", () => {
    const input = `\uFEFF${JSON.stringify({ id: "first", text: "5号楼电梯坏了" })}\n`;
    const run = runCli(args, input);
    expect(run.status).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: "first" });
    expect(lines[0]).not.toHaveProperty("error");
  });

  it("ends quietly with exit code 0 when the reader stops early (| head -1)", async () => {
    const child = spawn(tsx, ["src/cli/main.ts", ...args], { cwd: root, env: env() });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const line = `${JSON.stringify({ id: 1, text: "3号楼2单元楼道灯坏了" })}\n`;
    child.stdin.on("error", () => {});
    child.stdin.end(line.repeat(20_000));
    // Like `head -1`: take the first line, then close the pipe.
    await new Promise<void>((resolve) => {
      child.stdout.once("data", () => {
        child.stdout.destroy();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);
});
