import { describe, expect, it } from "vitest";
import { compose, type Middleware } from "../../src/pipeline/compose.js";

type Trace = string[];

describe("compose", () => {
  it("runs each middleware around the ones after it, in list order", async () => {
    const step =
      (name: string): Middleware<Trace> =>
      async (trace, next) => {
        trace.push(`${name} in`);
        await next();
        trace.push(`${name} out`);
      };
    const trace: Trace = [];
    await compose([step("a"), step("b"), step("c")])(trace);
    expect(trace).toEqual(["a in", "b in", "c in", "c out", "b out", "a out"]);
  });

  it("stops where a middleware does not call next (a command handled, nothing after it runs)", async () => {
    const trace: Trace = [];
    await compose<Trace>([
      (t, next) => {
        t.push("roles");
        return next();
      },
      (t) => {
        t.push("command");
      },
      (t) => {
        t.push("understand");
      },
    ])(trace);
    expect(trace).toEqual(["roles", "command"]);
  });

  it("waits for a slow middleware before it resolves", async () => {
    const trace: Trace = [];
    await compose<Trace>([
      async (t, next) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        t.push("slow");
        await next();
      },
      (t) => {
        t.push("last");
      },
    ])(trace);
    expect(trace).toEqual(["slow", "last"]);
  });

  it("passes an error back to the middleware before it (the error boundary), or to the caller", async () => {
    const failing: Middleware<Trace> = () => {
      throw new Error("reply failed");
    };
    const caught: Trace = [];
    await compose<Trace>([
      async (t, next) => {
        try {
          await next();
        } catch (err) {
          t.push(`caught ${(err as Error).message}`);
        }
      },
      failing,
    ])(caught);
    expect(caught).toEqual(["caught reply failed"]);
    await expect(compose<Trace>([(_t, next) => next(), failing])([])).rejects.toThrow("reply failed");
  });

  it("refuses a second call of next, which would handle a message twice", async () => {
    const trace: Trace = [];
    const twice = compose<Trace>([
      async (_t, next) => {
        await next();
        await next();
      },
      (t) => {
        t.push("handled");
      },
    ]);
    await expect(twice(trace)).rejects.toThrow("next() called twice");
    expect(trace).toEqual(["handled"]);
  });

  it("does nothing for an empty chain", async () => {
    await expect(compose<Trace>([])([])).resolves.toBeUndefined();
  });
});
