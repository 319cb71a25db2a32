// The 成绩单 page: pick a week, month or year, see its figures at a glance, charts (ECharts,
// served from node_modules as /console/vendor/echarts.min.js) and tables; print it on A4 or
// download it as Excel or CSV. All figures come from /api/reports.
import { api, el, notify, query, startPage } from "/console/assets/console.js";

const echarts = window.echarts;
const colors = { received: "#b71c1c", finished: "#1b5e20" };
const kindNames = { week: "按周", month: "按月", year: "按年" };
const quick = [
  ["week", "本周"],
  ["month", "本月"],
  ["year", "今年"],
];
/** The tables shown under the charts, in this order (the overview is the figures at the top). */
const shownTables = ["categories", "buildings", "volunteers", "praise", "handovers", "daily"];

/** @type {{chart: any, box: HTMLElement}[]} */
let charts = [];
let state = { period: query("period") ?? "month", date: query("date") ?? "" };

const session = await startPage("reports");
await load();

window.addEventListener("popstate", () => {
  state = { period: query("period") ?? "month", date: query("date") ?? "" };
  load();
});
// Printed on A4 (about 180 mm wide): the charts redraw at the paper's width, then back.
window.addEventListener("beforeprint", () => {
  for (const { chart } of charts) chart.resize({ width: 680 });
});
window.addEventListener("afterprint", () => {
  for (const { chart } of charts) chart.resize();
});

function queryString() {
  const q = new URLSearchParams({ period: state.period });
  if (state.date) q.set("date", state.date);
  return q.toString();
}

async function load() {
  const content = document.getElementById("content");
  content.replaceChildren(el("p", { class: "muted" }, "正在统计…"));
  let report;
  try {
    report = await api(`/reports?${queryString()}`);
  } catch (err) {
    content.replaceChildren();
    notify(err.message, "error");
    return;
  }
  drawControls(report);
  drawReport(content, report);
}

function go(period, date) {
  state = { period, date };
  history.pushState(null, "", `/console/reports?${queryString()}`);
  load();
}

function drawControls(report) {
  const controls = document.getElementById("controls");
  const picker = el("select", { id: "period-picker" });
  for (const kind of ["week", "month", "year"]) {
    const group = el("optgroup", { label: kindNames[kind] });
    const choices = [...report.choices[kind]];
    if (kind === report.period && !choices.some((c) => c.date === report.date))
      choices.push({ name: report.label, date: report.date });
    for (const c of choices)
      group.append(
        el(
          "option",
          { value: `${kind}:${c.date}`, selected: kind === report.period && c.date === report.date },
          c.name,
        ),
      );
    picker.append(group);
  }
  picker.addEventListener("change", () => {
    const [period, date] = picker.value.split(":");
    go(period, date);
  });

  const quickButtons = el(
    "div",
    { class: "quick" },
    quick.map(([kind, name]) => {
      const current = report.choices[kind][0];
      const b = el(
        "button",
        { type: "button", "aria-pressed": String(report.period === kind && report.date === current.date) },
        name,
      );
      b.addEventListener("click", () => go(kind, current.date));
      return b;
    }),
  );

  const q = `period=${report.period}&date=${report.date}`;
  const printButton = el("button", { type: "button" }, "打印");
  printButton.addEventListener("click", () => window.print());
  const xlsx = el(
    "a",
    { class: "button primary", href: `/api/reports/export.xlsx?${q}`, download: report.files.xlsx },
    "下载 Excel",
  );
  const tableChoice = el(
    "select",
    { id: "csv-table", "aria-label": "CSV 下载哪张表" },
    report.tables.map((t) => el("option", { value: t.id }, t.title)),
  );
  const csv = el("a", { class: "button", href: "#" }, "下载 CSV");
  const pointCsv = () => {
    const title = report.tables.find((t) => t.id === tableChoice.value)?.title ?? "";
    csv.setAttribute("href", `/api/reports/export.csv?${q}&table=${tableChoice.value}`);
    csv.setAttribute("download", `成绩单-${report.label}-${title}.csv`);
  };
  tableChoice.addEventListener("change", pointCsv);
  pointCsv();

  controls.replaceChildren(
    el("label", { for: "period-picker" }, "统计时段"),
    el("div", { class: "row" }, picker),
    quickButtons,
    el(
      "div",
      { class: "downloads" },
      printButton,
      xlsx,
      el("span", { class: "csv" }, el("label", { for: "csv-table" }, "CSV 表格"), tableChoice, csv),
    ),
  );
}

/** A duration for people: 25 分钟, 3.5 小时, 2.1 天; — when there is none. */
function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  const minutes = ms / 60000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} 分钟`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} 小时`;
  return `${(hours / 24).toFixed(1)} 天`;
}

function percent(rate) {
  return rate.den === 0 ? "—" : `${Math.round((rate.num / rate.den) * 100)}%`;
}

function figure(name, value, note) {
  return el("div", { class: "figure" }, el("span", {}, name), el("b", {}, value), note ? el("small", {}, note) : null);
}

function drawReport(content, r) {
  for (const { chart } of charts) chart.dispose();
  charts = [];
  const generated = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(r.generatedAt));

  const heading = el(
    "section",
    { class: "report-head" },
    el("h2", {}, `${r.label} 成绩单`),
    el(
      "p",
      { class: "muted" },
      `${session.community.name} · `,
      r.dates,
      ` · 统计于 ${generated}`,
      r.partial ? " · 本期尚未结束, 为截至此时的数字" : "",
    ),
  );

  const figures = el(
    "section",
    { class: "figures", "aria-label": "主要数字" },
    figure("受理", `${r.received} 件`, r.urgent ? `其中紧急 ${r.urgent} 件` : null),
    figure("办结", `${r.finished} 件`, `尚未办完 ${r.stillOpen} 件`),
    figure("响应率", percent(r.rates.response), `及时 ${r.rates.response.num} / 计入 ${r.rates.response.den}`),
    figure("解决率", percent(r.rates.resolution), `办结 ${r.rates.resolution.num} / 计入 ${r.rates.resolution.den}`),
    figure(
      "满意率",
      percent(r.rates.satisfaction),
      `满意 ${r.rates.satisfaction.num} / 评价 ${r.rates.satisfaction.den}`,
    ),
    figure("响应用时", `平均 ${duration(r.toRespond.averageMs)}`, `90% 在 ${duration(r.toRespond.p90Ms)} 内`),
    figure("办结用时", `平均 ${duration(r.toFinish.averageMs)}`, `90% 在 ${duration(r.toFinish.p90Ms)} 内`),
    figure("转人工", `${r.handovers.total} 件`, `已答复 ${r.handovers.answered} 件`),
    figure("好人好事", `${r.praise.length} 条`, null),
  );

  const chartsBox = el("section", { class: "charts" });
  const tablesBox = el("section", { class: "tables" });
  content.replaceChildren(heading, figures, chartsBox, tablesBox);

  const days = r.series.map((p) => p.label.replace(/^\d+月(?=\d+日)/, ""));
  addChart(chartsBox, r.period === "year" ? "每月受理与办结" : "每日受理与办结", r.received + r.finished > 0, 300, {
    legend: { top: 0, itemWidth: 22, itemHeight: 14, textStyle: { fontSize: 16 } },
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: {
      type: "category",
      data: r.period === "month" ? days : r.series.map((p) => p.label),
      axisLabel: { fontSize: 14 },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 14 } },
    series: [
      { name: "受理", type: "bar", data: r.series.map((p) => p.received), itemStyle: { color: colors.received } },
      {
        name: "办结",
        type: "line",
        data: r.series.map((p) => p.finished),
        itemStyle: { color: colors.finished },
        lineStyle: { width: 3 },
        symbolSize: 7,
      },
    ],
  });
  addGroupChart(chartsBox, "各类问题", r.byCategory);
  addGroupChart(chartsBox, "各楼栋", r.byBuilding);

  for (const id of shownTables) {
    const t = r.tables.find((x) => x.id === id);
    if (t) tablesBox.append(drawTable(t));
  }
}

/** Received and finished per category or building, as horizontal bars (long names stay readable). */
function addGroupChart(box, title, groups) {
  const shown = groups.filter((g) => g.received + g.finished > 0);
  const names = shown.map((g) => g.name).reverse();
  addChart(box, title, shown.length > 0, Math.max(180, 70 + shown.length * 46), {
    legend: { top: 0, itemWidth: 22, itemHeight: 14, textStyle: { fontSize: 16 } },
    grid: { left: 8, right: 28, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 14 } },
    yAxis: { type: "category", data: names, axisLabel: { fontSize: 16 } },
    series: [
      {
        name: "受理",
        type: "bar",
        data: shown.map((g) => g.received).reverse(),
        itemStyle: { color: colors.received },
        label: { show: true, position: "right", fontSize: 14 },
      },
      {
        name: "办结",
        type: "bar",
        data: shown.map((g) => g.finished).reverse(),
        itemStyle: { color: colors.finished },
        label: { show: true, position: "right", fontSize: 14 },
      },
    ],
  });
}

function addChart(box, title, hasData, height, option) {
  const card = el("figure", { class: "card chart-card" }, el("figcaption", {}, title));
  box.append(card);
  if (!hasData || !echarts) {
    card.append(el("p", { class: "muted" }, hasData ? "图表没能加载, 请看下面的表格。" : "本期还没有数据。"));
    return;
  }
  const holder = el("div", { class: "chart", role: "img", "aria-label": title });
  holder.style.height = `${height}px`;
  card.append(holder);
  const chart = echarts.init(holder, null, { renderer: "canvas", devicePixelRatio: 2 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: 14 },
    ...option,
  });
  new ResizeObserver(() => chart.resize()).observe(holder);
  charts.push({ chart, box: holder });
}

function drawTable(t) {
  const section = el("section", { class: "card report-table", "data-table": t.id }, el("h2", {}, t.title));
  if (t.rows.length === 0) {
    section.append(el("p", { class: "muted" }, "本期没有记录。"));
    return section;
  }
  const numeric = t.headers.map((_, i) => t.rows.every((row) => row[i]?.kind !== "text"));
  const cellClass = (i) => (numeric[i] ? "num" : null);
  // Narrow tables (a name and a figure or two) fit a phone as they are; wider ones become cards there.
  const narrow = t.headers.length <= 3;
  const table = el(
    "table",
    { class: narrow ? "narrow" : "responsive" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        t.headers.map((h, i) => el("th", { scope: "col", class: cellClass(i) }, h)),
      ),
    ),
    el(
      "tbody",
      {},
      t.rows.map((row) =>
        el(
          "tr",
          {},
          row.map((cell, i) => el("td", { class: cellClass(i) }, cell.text)),
        ),
      ),
    ),
  );
  section.append(table);
  if (narrow) return section;
  const cards = el(
    "div",
    { class: "list-cards" },
    t.rows.map((row) =>
      el(
        "dl",
        { class: "row-card" },
        row.flatMap((cell, i) => [el("dt", {}, t.headers[i]), el("dd", {}, cell.text || "—")]),
      ),
    ),
  );
  section.append(cards);
  return section;
}
