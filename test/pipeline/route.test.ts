import { describe, expect, it } from "vitest";
import type { Role, RoomRole } from "../../src/core/types.js";
import type { Context } from "../../src/pipeline/context.js";
import { onlyIn, onlyRoles } from "../../src/pipeline/route.js";

function ctx(room: RoomRole | null, roles: Role[]): Context {
  return { room: room && { id: "r", topic: "t", role: room }, roles: new Set(roles) } as unknown as Context;
}

async function run(mw: ReturnType<ReturnType<typeof onlyIn>>, c: Context): Promise<"handled" | "passed"> {
  let result: "handled" | "passed" = "handled";
  await mw(c, async () => {
    result = "passed";
  });
  return result;
}

const handler = async () => {};

describe("routing helpers", () => {
  it("onlyIn runs the middleware in the named places and passes everything else on", async () => {
    const mw = onlyIn("staff", "private")(handler);
    expect(await run(mw, ctx("staff", []))).toBe("handled");
    expect(await run(mw, ctx(null, []))).toBe("handled");
    expect(await run(mw, ctx("resident", ["staff"]))).toBe("passed");
    expect(await run(mw, ctx("none", []))).toBe("passed");
  });

  it("onlyRoles runs the middleware for people holding one of the roles", async () => {
    const mw = onlyRoles("volunteer", "staff")(handler);
    expect(await run(mw, ctx("resident", ["volunteer"]))).toBe("handled");
    expect(await run(mw, ctx("resident", ["resident"]))).toBe("passed");
  });
});
