// Writes a fitted tree model as a TypeScript module in the house format (so that `npm test`, which
// lints, passes on a freshly written model), for the FAQ trainers.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BoostedTrees } from "../src/faq/boosted-trees.js";

export function writeTreesModule(
  path: string,
  header: string[],
  name: string,
  model: BoostedTrees,
  extra: Record<string, number>,
): void {
  const r = (xs: number[]) => `[${xs.map((x) => Number(x.toFixed(6))).join(",")}]`;
  const trees = model.trees
    .map((t) => `{feature:${r(t.feature)},split:${r(t.split)},left:${r(t.left)},right:${r(t.right)},value:${r(t.value)}}`)
    .join(",\n");
  const fields = Object.entries(extra).map(([k, v]) => `  ${k}: ${v},`);
  const type = ["BoostedTrees", ...(fields.length > 0 ? [`{ ${Object.keys(extra).map((k) => `${k}: number`).join("; ")} }`] : [])].join(" & ");
  writeFileSync(
    path,
    `${header.map((line) => `// ${line}`).join("\n")}
import type { BoostedTrees } from "./boosted-trees.js";

export const ${name}: ${type} = {
${fields.join("\n")}
  base: ${Number(model.base.toFixed(6))},
  // biome-ignore format: machine-written, one tree a line
  trees: [
${trees}
  ],
};
`,
  );
  execFileSync(fileURLToPath(new URL("../node_modules/.bin/biome", import.meta.url)), ["format", "--write", path], {
    stdio: "ignore",
  });
}
