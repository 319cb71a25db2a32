// Live fields in a broadcast (`{本月受理}` …) are filled when it is sent, so a weekly
// broadcast always carries this week's figures. Data comes through the `LiveData` port.

/** The month so far, as the reports define it (src/reports/month-figures.ts, wired in features/broadcasts.ts). */
export interface MonthFigures {
  /** Tickets opened this month. */
  received: number;
  /** Tickets finished this month (done, or closed as solved; not withdrawn or merged). */
  resolved: number;
  /** 满意率: the share of this month's rated tickets rated 满意 or 4–5, 0–1; null when none is rated. */
  satisfactionRate: number | null;
}

/** Port: where live figures come from (tickets, knowledge base, staff praise notes). */
export interface LiveData {
  monthFigures(now: Date): Promise<MonthFigures>;
  weekActivities(now: Date): Promise<WeekActivities>;
  praises(now: Date): Promise<string[]>;
}

/** The activities of the days ahead, and which days those are (`11月30日(周一)至12月6日(周日)`). */
export interface WeekActivities {
  covers: string;
  lines: string[];
}

export interface RenderedBroadcast {
  text: string;
  /** Placeholders we filled, in order of first use. */
  used: string[];
  /** `{…}` we do not know; left in the text as written so staff can spot them. */
  unknown: string[];
}

export const PLACEHOLDERS = ["本月受理", "本月办结", "本月满意率", "本周活动", "好人好事"] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

// Half- and full-width braces both occur: a Chinese IME types `｛｝`.
const PLACEHOLDER_PATTERN = /[{｛]\s*([^{}｛｝\n]{1,20}?)\s*[}｝]/g;

export interface FoundPlaceholders {
  known: PlaceholderName[];
  unknown: string[];
}

/** Placeholders in `content`, without fetching anything: lets a reply warn at scheduling time. */
export function findPlaceholders(content: string): FoundPlaceholders {
  const known: PlaceholderName[] = [];
  const unknown: string[] = [];
  for (const match of content.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    if (isPlaceholderName(name)) {
      if (!known.includes(name)) known.push(name);
    } else if (!unknown.includes(match[0])) {
      unknown.push(match[0]);
    }
  }
  return { known, unknown };
}

/** Fills the live fields of `content` as of `now`; asks the port only for what is used. */
export async function renderBroadcast(content: string, data: LiveData, now: Date): Promise<RenderedBroadcast> {
  const { known, unknown } = findPlaceholders(content);
  const values = await fetchValues(known, data, now);
  const text = content.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    isPlaceholderName(name) ? (values.get(name) ?? whole) : whole,
  );
  return { text, used: known, unknown };
}

async function fetchValues(
  names: readonly PlaceholderName[],
  data: LiveData,
  now: Date,
): Promise<Map<PlaceholderName, string>> {
  const values = new Map<PlaceholderName, string>();
  const needsFigures = names.some((n) => n === "本月受理" || n === "本月办结" || n === "本月满意率");
  const [figures, activities, praises] = await Promise.all([
    needsFigures ? data.monthFigures(now) : null,
    names.includes("本周活动") ? data.weekActivities(now) : null,
    names.includes("好人好事") ? data.praises(now) : null,
  ]);
  if (figures) {
    values.set("本月受理", `${figures.received}`);
    values.set("本月办结", `${figures.resolved}`);
    values.set("本月满意率", formatRate(figures.satisfactionRate));
  }
  if (activities) values.set("本周活动", formatActivities(activities));
  if (praises) values.set("好人好事", formatList(praises, "这段时间还没有记下好人好事"));
  return values;
}

/** 0.955 → `96%`; residents read a plain whole percentage, rounded as 周议 rounds it for staff. */
function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return "暂无评价";
  return `${Math.round(Math.min(Math.max(rate, 0), 1) * 100)}%`;
}

/** Says which days it covers, so "本周" read on a Sunday is not taken for the week gone by. */
function formatActivities({ covers, lines }: WeekActivities): string {
  const list = formatList(lines, "");
  if (list === "") return `${covers}暂时没有安排活动`;
  return lines.length === 1 ? `${covers}：${list}` : `${covers}：\n${list}`;
}

function formatList(items: readonly string[], empty: string): string {
  const lines = items.map((s) => s.trim()).filter((s) => s !== "");
  if (lines.length === 0) return empty;
  if (lines.length === 1) return lines[0]!;
  return lines.map((line, i) => `${i + 1}. ${line}`).join("\n");
}

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}
