// Gradient-boosted decision trees for a yes/no probability: the learner the FAQ decision is fitted with
// (bench/train-faq-decision.ts) and the few lines that read a fitted model (decide-answer.ts).
// Trees grow best split first, as LightGBM and scikit-learn's HistGradientBoosting do: a split is chosen
// among each feature's quantile cut points by the second-order gain of the logistic loss, leaves are
// Newton steps shrunk by an L2 term and the learning rate. Small on purpose: a few thousand labelled
// questions and a dozen features.

/** One tree, as flat arrays indexed by node (node 0 is the root); a node with feature −1 is a leaf. */
export interface DecisionTree {
  feature: number[];
  /** A row goes left when its feature is at most this value. */
  split: number[];
  left: number[];
  right: number[];
  /** The leaf's contribution to the log-odds (0 for inner nodes). */
  value: number[];
}

export interface BoostedTrees {
  /** The log-odds every row starts from: that of the share of positive labels. */
  base: number;
  trees: DecisionTree[];
}

export interface BoostOptions {
  rounds: number;
  learningRate: number;
  /** Leaves per tree at most. */
  maxLeaves: number;
  /** Rows in a leaf at least. */
  minLeaf: number;
  /** L2 penalty on leaf values (added to the hessian sum). */
  l2: number;
  /** Cut points tried per feature at most. */
  bins?: number;
}

/** The model's log-odds for one row of features. */
export function boostedLogOdds(model: BoostedTrees, x: readonly number[]): number {
  let z = model.base;
  for (const tree of model.trees) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      node = (x[tree.feature[node]!] ?? 0) <= tree.split[node]! ? tree.left[node]! : tree.right[node]!;
    }
    z += tree.value[node]!;
  }
  return z;
}

export function boostedProbability(model: BoostedTrees, x: readonly number[]): number {
  return 1 / (1 + Math.exp(-boostedLogOdds(model, x)));
}

interface Leaf {
  rows: number[];
  node: number;
  gradient: number;
  hessian: number;
  best?: { gain: number; feature: number; bin: number };
}

export function fitBoostedTrees(
  xs: readonly (readonly number[])[],
  ys: readonly (0 | 1)[],
  options: BoostOptions,
): BoostedTrees {
  const n = xs.length;
  const width = xs[0]?.length ?? 0;
  const positive = ys.reduce<number>((s, y) => s + y, 0);
  const share = Math.min(1 - 1e-6, Math.max(1e-6, n > 0 ? positive / n : 0.5));
  const base = Math.log(share / (1 - share));
  const cuts = Array.from({ length: width }, (_, j) =>
    cutPoints(
      xs.map((x) => x[j]!),
      options.bins ?? 63,
    ),
  );
  // Each row's bin per feature: bin b means cuts[b-1] < x ≤ cuts[b] (the last bin is above every cut).
  const binned = xs.map((x) => x.map((v, j) => binOf(cuts[j]!, v)));
  const scores = new Array<number>(n).fill(base);
  const trees: DecisionTree[] = [];
  const gradient = new Array<number>(n);
  const hessian = new Array<number>(n);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-scores[i]!));
      gradient[i] = p - ys[i]!;
      hessian[i] = Math.max(p * (1 - p), 1e-12);
    }
    const tree: DecisionTree = { feature: [-1], split: [0], left: [-1], right: [-1], value: [0] };
    const all = Array.from({ length: n }, (_, i) => i);
    const leaves: Leaf[] = [makeLeaf(all, 0)];
    while (leaves.length < options.maxLeaves) {
      let pick = -1;
      for (let k = 0; k < leaves.length; k++) {
        const gain = leaves[k]!.best?.gain ?? 0;
        if (gain > 1e-9 && (pick < 0 || gain > leaves[pick]!.best!.gain)) pick = k;
      }
      if (pick < 0) break;
      const leaf = leaves[pick]!;
      const { feature, bin } = leaf.best!;
      const leftRows = leaf.rows.filter((i) => binned[i]![feature]! <= bin);
      const rightRows = leaf.rows.filter((i) => binned[i]![feature]! > bin);
      const leftNode = addNode(tree);
      const rightNode = addNode(tree);
      tree.feature[leaf.node] = feature;
      tree.split[leaf.node] = cuts[feature]![bin]!;
      tree.left[leaf.node] = leftNode;
      tree.right[leaf.node] = rightNode;
      leaves.splice(pick, 1, makeLeaf(leftRows, leftNode), makeLeaf(rightRows, rightNode));
    }
    for (const leaf of leaves) {
      const value = (-leaf.gradient / (leaf.hessian + options.l2)) * options.learningRate;
      tree.value[leaf.node] = value;
      for (const i of leaf.rows) scores[i]! += value;
    }
    trees.push(tree);
  }
  return { base, trees };

  function makeLeaf(rows: number[], node: number): Leaf {
    let g = 0;
    let h = 0;
    for (const i of rows) {
      g += gradient[i]!;
      h += hessian[i]!;
    }
    const leaf: Leaf = { rows, node, gradient: g, hessian: h };
    if (rows.length >= 2 * options.minLeaf) leaf.best = bestSplit(rows, g, h);
    return leaf;
  }

  function bestSplit(rows: number[], g: number, h: number): Leaf["best"] {
    const parent = (g * g) / (h + options.l2);
    let best: Leaf["best"];
    for (let j = 0; j < width; j++) {
      const bins = cuts[j]!.length + 1;
      if (bins < 2) continue;
      const sumG = new Float64Array(bins);
      const sumH = new Float64Array(bins);
      const count = new Int32Array(bins);
      for (const i of rows) {
        const b = binned[i]![j]!;
        sumG[b] = sumG[b]! + gradient[i]!;
        sumH[b] = sumH[b]! + hessian[i]!;
        count[b] = count[b]! + 1;
      }
      let leftG = 0;
      let leftH = 0;
      let leftCount = 0;
      for (let b = 0; b < bins - 1; b++) {
        leftG += sumG[b]!;
        leftH += sumH[b]!;
        leftCount += count[b]!;
        const rightCount = rows.length - leftCount;
        if (leftCount < options.minLeaf) continue;
        if (rightCount < options.minLeaf) break;
        const rightG = g - leftG;
        const rightH = h - leftH;
        const gain = (leftG * leftG) / (leftH + options.l2) + (rightG * rightG) / (rightH + options.l2) - parent;
        if (!best || gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    return best;
  }
}

function addNode(tree: DecisionTree): number {
  tree.feature.push(-1);
  tree.split.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(0);
  return tree.feature.length - 1;
}

/** Up to `most` cut points between a feature's distinct values, at its quantiles. */
function cutPoints(values: number[], most: number): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= 1) return [];
  const between = distinct.slice(1).map((v, i) => (distinct[i]! + v) / 2);
  if (between.length <= most) return between;
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let k = 1; k <= most; k++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / (most + 1)))]!;
    // The midpoint just above the quantile value, so that the value itself falls left.
    const at = between.find((c) => c > q);
    if (at !== undefined) cuts.add(at);
  }
  return [...cuts].sort((a, b) => a - b);
}

function binOf(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
