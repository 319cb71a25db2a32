import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Drives `linli parse` as the evaluation scripts do: JSON Lines in, JSON Lines out.
function runParse(input: string): { status: number | null; lines: Array<Record<string, unknown>>; stdout: string } {
  const env = { ...process.env };
  for (const key of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "LINLI_LLM_MODEL"]) delete env[key];
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "parse"], {
    cwd: new URL("../..", import.meta.url),
    input,
    encoding: "utf8",
    env,
  });
  const lines = run.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: run.status, lines, stdout: run.stdout };
}

describe("linli parse", () => {
  it("answers every line in order, with errors for bad lines, and nothing else on stdout", () => {
    const input = [
      JSON.stringify({ id: "a", text: "3-2-501家里下水道堵了 麻烦派人来看看" }),
      "{not json",
      JSON.stringify({ id: "b", text: 42 }),
      JSON.stringify({ id: 7, text: "早上好[太阳]" }),
      JSON.stringify({ id: "c", text: "长者食堂几点开饭" }),
      JSON.stringify({ id: "d", text: "我是6号楼3单元602的 想问问长者食堂几点开饭" }),
    ].join("\n");
    const { status, lines } = runParse(`${input}\n`);
    expect(status).toBe(0);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      id: "a",
      kind: "request",
      category: "repair",
      urgency: "normal",
      building: "3",
      unit: "2",
      room: "501",
    });
    expect(lines[1]).toEqual({ id: null, error: "invalid JSON" });
    expect(lines[2]).toMatchObject({ id: "b", error: expect.any(String) });
    expect(lines[3]).toMatchObject({ id: 7, kind: "other", category: null, urgency: null, building: null });
    expect(lines[4]).toMatchObject({ id: "c", kind: "question", category: null });
    // A place is reported whatever the kind.
    expect(lines[5]).toMatchObject({ id: "d", kind: "question", building: "6", unit: "3", room: "602" });
  });

  it("streams a large input", () => {
    const input = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: "楼道灯坏了 5号楼" })).join(
      "\n",
    );
    const { status, lines } = runParse(input);
    expect(status).toBe(0);
    expect(lines).toHaveLength(3000);
    expect(lines[2999]).toMatchObject({ id: 2999, building: "5" });
  });
});
