// `linli purge --older-than 365d [--dry-run]`: removes personal data older than the cut-off
// and keeps the anonymous counts (see store/purge-personal-data.ts). Prints what it removed.
import { loadConfig } from "../config.js";
import { openDatabase } from "../store/open-database.js";
import { type PurgeCounts, purgePersonalData } from "../store/purge-personal-data.js";

const usage = "用法: npm run --silent linli -- purge --older-than 365d [--dry-run]";
const dayMs = 24 * 60 * 60 * 1000;

export async function run(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (typeof options === "string") {
    process.stderr.write(`${options}\n${usage}\n`);
    return 2;
  }
  const before = new Date(Date.now() - options.days * dayMs);
  const opened = await openDatabase(loadConfig().databaseUrl);
  try {
    const counts = await purgePersonalData(opened.db, { before, dryRun: options.dryRun });
    process.stdout.write(describe(counts, options.days, before, options.dryRun));
  } finally {
    await opened.close();
  }
  return 0;
}

function describe(c: PurgeCounts, days: number, before: Date, dryRun: boolean): string {
  const head = dryRun
    ? `试运行, 未改动: ${days} 天前 (${before.toISOString()} 之前) 的个人信息, 将清除:`
    : `已清除 ${days} 天前 (${before.toISOString()} 之前) 的个人信息:`;
  return `${[
    head,
    `  收到的消息 (原文、昵称): ${c.inbox} 条`,
    `  已发出的消息 (正文): ${c.outbox} 条`,
    `  已关闭的工单 (姓名、电话、原话、门牌、经办人): ${c.tickets} 件`,
    `  转人工的咨询 (问题、回答、提问人): ${c.handovers} 件`,
    `  好人好事 (内容、作者): ${c.praises} 条`,
    `  知识库答过的问题 (已隐去电话姓名): ${c.faqMatches} 条`,
    "保留: 工单的类别、楼栋、状态、时间、评分, 以及各项数目。",
  ].join("\n")}\n`;
}

function readOptions(args: string[]): { days: number; dryRun: boolean } | string {
  let days: number | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i]!.split(/=(.*)/s, 2);
    if (name === "--dry-run") dryRun = true;
    else if (name === "--older-than") {
      const value = inline ?? args[++i] ?? "";
      const m = /^(\d{1,5})d$/.exec(value);
      if (!m || Number(m[1]) < 1) return `--older-than 要写成天数, 如 365d (至少 1d): ${value}`;
      days = Number(m[1]);
    } else return `不认识的参数: ${args[i]}`;
  }
  if (days === undefined) return "缺少 --older-than, 如 --older-than 365d";
  return { days, dryRun };
}
