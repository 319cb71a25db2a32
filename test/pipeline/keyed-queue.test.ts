import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../src/pipeline/keyed-queue.js";

/** A promise the test settles by hand, so the order of events is decided here, not by timers. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the keyed queue", () => {
  it("handles one person's messages in the order they wrote them, even when the first is slow", async () => {
    const queue = createKeyedQueue(8);
    const done: string[] = [];
    const first = gate();
    void queue.run("zhang", async () => {
      await first.opened;
      done.push("灯坏了");
    });
    void queue.run("zhang", async () => {
      done.push("进度 1");
    });
    await tick();
    // The quick second message waits for the slow first one.
    expect(done).toEqual([]);
    first.open();
    await queue.drain();
    expect(done).toEqual(["灯坏了", "进度 1"]);
  });

  it("handles different people in parallel: one slow message does not hold up another person", async () => {
    const queue = createKeyedQueue(8);
    const done: string[] = [];
    const slow = gate();
    void queue.run("zhang", async () => {
      await slow.opened;
      done.push("zhang");
    });
    await queue.run("li", async () => {
      done.push("li");
    });
    expect(done).toEqual(["li"]);
    slow.open();
    await queue.drain();
    expect(done).toEqual(["li", "zhang"]);
  });

  it("runs at most `concurrency` tasks at once across people", async () => {
    const queue = createKeyedQueue(2);
    let running = 0;
    let most = 0;
    const gates = [gate(), gate(), gate()];
    gates.forEach((g, i) => {
      void queue.run(`person-${i}`, async () => {
        running++;
        most = Math.max(most, running);
        await g.opened;
        running--;
      });
    });
    await tick();
    expect(running).toBe(2);
    for (const g of gates) g.open();
    await queue.drain();
    expect(most).toBe(2);
    expect(running).toBe(0);
  });

  it("goes on with a person's next message after one fails", async () => {
    const queue = createKeyedQueue(4);
    const done: string[] = [];
    const failed = queue.run("zhang", async () => {
      throw new Error("boom");
    });
    await expect(failed).resolves.toBeUndefined();
    await queue.run("zhang", async () => {
      done.push("next");
    });
    expect(done).toEqual(["next"]);
  });

  it("drains only when tasks queued while draining have finished too", async () => {
    const queue = createKeyedQueue(4);
    const done: string[] = [];
    void queue.run("zhang", async () => {
      await tick();
      void queue.run("li", async () => {
        await tick();
        done.push("li");
      });
      done.push("zhang");
    });
    await queue.drain();
    expect(done).toEqual(["zhang", "li"]);
  });
});
