// Throughput and latency of the embedded parser, and how often a model would be asked.
// Usage: npm run bench:parse [-- path/to/messages.jsonl]; by default the team's own sets.
import { readdirSync, readFileSync } from "node:fs";
import { parseMessage } from "../src/understand/parse-message.js";
import { defaultModelThreshold } from "../src/understand/understand-message.js";

const total = 20_000;
const ownSets = new URL("../test/understand/fixtures/", import.meta.url);
const paths = process.argv[2]
  ? [process.argv[2]]
  : readdirSync(ownSets)
      .filter((name) => name.endsWith(".jsonl"))
      .sort()
      .map((name) => new URL(name, ownSets).pathname);
const texts = paths.flatMap((path) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
if (texts.length === 0) throw new Error(`no messages in ${paths.join(", ")}`);

// Warm up jieba's dictionary and the JIT so the figures describe steady state.
for (const text of texts) parseMessage(text);

const latencies = new Float64Array(total);
let belowThreshold = 0;
const started = process.hrtime.bigint();
for (let i = 0; i < total; i++) {
  const text = texts[i % texts.length]!;
  const t0 = process.hrtime.bigint();
  const parsed = parseMessage(text);
  latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  if (parsed.confidence < defaultModelThreshold) belowThreshold++;
}
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
latencies.sort();
const at = (q: number) => latencies[Math.min(total - 1, Math.floor(q * total))]!;

console.log(
  `messages            ${total} (${texts.length} distinct texts from ${paths.length === 1 ? paths[0] : `${paths.length} files`})`,
);
console.log(`throughput          ${Math.round((total / wallMs) * 1000)} msg/s (one core)`);
console.log(`latency p50         ${at(0.5).toFixed(3)} ms`);
console.log(`latency p99         ${at(0.99).toFixed(3)} ms`);
console.log(`latency max         ${latencies[total - 1]!.toFixed(3)} ms`);
console.log(
  `model share         ${((belowThreshold / total) * 100).toFixed(1)}% below confidence ${defaultModelThreshold}`,
);
