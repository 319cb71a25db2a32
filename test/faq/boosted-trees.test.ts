import { describe, expect, it } from "vitest";
import { boostedLogOdds, boostedProbability, fitBoostedTrees } from "../../src/faq/boosted-trees.js";

// A small seeded generator, so that the data is the same on every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const options = { rounds: 60, learningRate: 0.2, maxLeaves: 4, minLeaf: 5, l2: 1 };

describe("gradient-boosted trees for the answer decision", () => {
  it("learns a rule no straight line draws: yes inside a band of one feature, whatever the other says", () => {
    const next = random(7);
    const xs = Array.from({ length: 400 }, () => [next(), next()]);
    const ys = xs.map(([a]) => (a! > 0.3 && a! < 0.7 ? 1 : 0) as 0 | 1);
    const model = fitBoostedTrees(xs, ys, options);
    expect(boostedProbability(model, [0.5, 0.1])).toBeGreaterThan(0.9);
    expect(boostedProbability(model, [0.5, 0.9])).toBeGreaterThan(0.9);
    expect(boostedProbability(model, [0.1, 0.5])).toBeLessThan(0.1);
    expect(boostedProbability(model, [0.9, 0.5])).toBeLessThan(0.1);
    const right = xs.filter((x, i) => boostedProbability(model, x) >= 0.5 === (ys[i] === 1)).length;
    expect(right / xs.length).toBeGreaterThan(0.97);
  });

  it("starts from the share of yes and keeps leaves of at least the asked size", () => {
    const xs = Array.from({ length: 40 }, (_, i) => [i]);
    const ys = xs.map(([v]) => (v! % 4 === 0 ? 1 : 0) as 0 | 1);
    const none = fitBoostedTrees(xs, ys, { ...options, rounds: 0 });
    expect(boostedProbability(none, [3])).toBeCloseTo(0.25, 5);
    // 40 rows, leaves of at least 15: one split at most, so every tree has one or two leaves.
    const coarse = fitBoostedTrees(xs, ys, { ...options, minLeaf: 15 });
    for (const tree of coarse.trees) expect(tree.feature.filter((f) => f < 0).length).toBeLessThanOrEqual(2);
  });

  it("reads a row the same every time, and a missing feature as 0", () => {
    const model = fitBoostedTrees(
      [
        [0, 1],
        [1, 0],
        [0, 0],
        [1, 1],
      ],
      [0, 1, 0, 1],
      { ...options, minLeaf: 1 },
    );
    expect(boostedLogOdds(model, [1, 0])).toBe(boostedLogOdds(model, [1, 0]));
    expect(boostedLogOdds(model, [0])).toBe(boostedLogOdds(model, [0, 0]));
    expect(boostedProbability(model, [1, 0])).toBeGreaterThan(boostedProbability(model, [0, 0]));
  });
});
