// Runs tasks concurrently across keys but one at a time per key (a person's messages are
// handled in the order they wrote them), with a bound on how many run at once.

export function createKeyedQueue(concurrency: number) {
  const tails = new Map<string, Promise<void>>();
  let active = 0;
  const waiting: (() => void)[] = [];

  async function slot<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  }

  return {
    run(key: string, fn: () => Promise<void>): Promise<void> {
      const prev = tails.get(key) ?? Promise.resolve();
      const next = prev.then(() => slot(fn)).catch(() => {});
      tails.set(key, next);
      void next.then(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
      return next;
    },
    /** Resolves when every queued task has finished. */
    async drain(): Promise<void> {
      while (tails.size) await Promise.all([...tails.values()]);
    },
  };
}
