// `npm run bench:ask`: index build time and per-question answer latency (p50/p99), for the fixture
// knowledge base and for a generated one of 2,000 entries. Targets: p99 ≤ 5 ms at 2,000 entries, build ≤ 2 s.
import { fileURLToPath } from "node:url";
import { createFaqIndex } from "../src/faq/faq-index.js";
import type { KbEntry } from "../src/faq/kb-entry.js";
import { loadKb } from "../src/faq/load-kb.js";

const fixtureKb = fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const now = new Date("2026-11-27T02:00:00Z");

// A small deterministic generator, so runs are comparable.
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const places = [
  "党群服务中心",
  "一号楼",
  "北门",
  "中心广场",
  "社区卫生站",
  "物业中心",
  "文化站",
  "老年活动室",
  "图书室",
];
const services = [
  "长者食堂",
  "四点半学校",
  "医疗巡诊",
  "老年证",
  "居住证明",
  "快递驿站",
  "充电棚",
  "垃圾分类",
  "法律咨询",
  "心理咨询",
  "书法班",
  "合唱团",
  "太极拳",
  "义务维修",
  "疫苗接种",
  "停车证",
  "门禁卡",
  "低保",
  "高龄补贴",
  "志愿者",
  "舞蹈队",
  "健康讲座",
  "便民菜站",
  "家庭医生",
  "廉租房",
  "残疾证",
  "就业培训",
  "失物招领",
  "防诈骗",
  "消防演练",
];
const aspects = ["开放时间", "怎么报名", "收费标准", "在哪里", "需要带什么", "联系电话", "注意事项", "办理流程"];
const days = ["每周一", "每周二、周四", "每月第一个周六", "每天", "周一至周五", "每月15日", "每周日"];
const fillers = ["老人", "孩子", "居民", "租户", "党员", "家属", "志愿者", "业主"];

function generateEntries(count: number): KbEntry[] {
  const random = createRandom(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const service = `${pick(services)}${i % 7 === 0 ? "服务" : ""}`;
    const aspect = pick(aspects);
    const place = pick(places);
    const who = pick(fillers);
    return {
      id: `generated-${i}`,
      title: `${service}${aspect}(${i}号)`,
      questions: [`${service}${aspect}`, `${who}去${place}办${service}要注意什么`, `${service}第${i}期几点开始`],
      answer: `${service}在${place}办理,${pick(days)} ${8 + (i % 4)}:00-${16 + (i % 3)}:30 开放。${who}请带身份证,编号${i}。咨询电话 0000-${String(1000000 + i)}。`,
      tags: [service, aspect, who],
      extra: {},
    };
  });
}

const questions = [
  "长者食堂几点开门",
  "老人去哪里办老年证 要带什么",
  "@邻里管家 快递驿站晚上几点关门呀[微笑]",
  "明天卫生站开门吗",
  "这周六有什么活动",
  "充电棚怎么收费",
  "孩子放学后社区能托管吗",
  "股票最近怎么样",
  "谁家的狗一直叫",
  "书法班怎么报名 收费吗",
  "家庭医生签约要钱吗",
  "义务维修是哪天",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function benchmark(name: string, entries: KbEntry[]): void {
  const started = performance.now();
  const index = createFaqIndex(entries);
  const buildMs = performance.now() - started;
  // Warm-up, so that the figures are the steady state of a long-running bot, not JIT compilation.
  for (let round = 0; round < 20; round++) for (const q of questions) index.answer(q, now);
  const times: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const q of questions) {
      const t = performance.now();
      index.answer(q, now);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const f = (ms: number) => ms.toFixed(2);
  console.log(
    `${name.padEnd(22)} entries ${String(entries.length).padStart(5)}  build ${f(buildMs).padStart(8)} ms  ` +
      `p50 ${f(percentile(times, 50))} ms  p99 ${f(percentile(times, 99))} ms  max ${f(times.at(-1)!)} ms  (${times.length} answers)`,
  );
}

const tagger = performance.now();
createFaqIndex([]).answer("预热分词词典", now);
console.log(`jieba dictionaries loaded in ${(performance.now() - tagger).toFixed(0)} ms (once per process)`);
const fixture = loadKb(fixtureKb).entries;
benchmark("fixture KB", fixture);
benchmark("generated KB", generateEntries(2000));
benchmark("fixture + generated", [...fixture, ...generateEntries(2000)]);
