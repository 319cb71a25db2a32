// 工单: the board. Tabs per status with counts, search and filters, newest first, a page at a
// time; a table on a desktop, cards on a phone. Refreshes itself every 30 s so new tickets appear.
import { act, api, el, formatTime, notify, query, startPage } from "/console/assets/console.js";

await startPage("tickets");

const statusNames = { all: "全部", open: "待认领", claimed: "处理中", done: "待评价", closed: "已关闭" };
const refreshEveryMs = 30_000;
const pageSize = 20;
const fields = ["q", "category", "building", "volunteer", "from", "to"];

const state = {
  status: Object.hasOwn(statusNames, query("status") ?? "") ? query("status") : "all",
  page: Math.max(1, Number(query("page")) || 1),
};

const form = document.getElementById("filters");
const content = document.getElementById("content");
const summary = document.getElementById("summary");
const prev = document.getElementById("prev");
const next = document.getElementById("next");
const pageOf = document.getElementById("page-of");
const tabs = [...document.querySelectorAll(".tabs button")];
const input = (name) => document.getElementById(name);

// Choices for the lists: categories in Chinese, volunteers by name.
const options = await api("/tickets/options").catch((err) => {
  notify(err.message, "error");
  return { categories: [], volunteers: [] };
});
for (const c of options.categories) input("category").append(el("option", { value: c.value }, c.label));
for (const v of options.volunteers) input("volunteer").append(el("option", { value: v.name }, v.name));
for (const name of fields) input(name).value = query(name) ?? "";
if (fields.slice(1).some((name) => input(name).value)) document.getElementById("more-filters").open = true;

function showTabs(counts) {
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  for (const tab of tabs) {
    const status = tab.dataset.status;
    const n = counts ? (status === "all" ? total : counts[status]) : null;
    tab.textContent = n === null ? statusNames[status] : `${statusNames[status]} (${n})`;
    tab.setAttribute("aria-pressed", String(status === state.status));
  }
}

function params() {
  const p = new URLSearchParams();
  if (state.status !== "all") p.set("status", state.status);
  for (const name of fields) {
    const v = input(name).value.trim();
    if (v) p.set(name, v);
  }
  if (state.page > 1) p.set("page", String(state.page));
  return p;
}

function remember() {
  const p = params().toString();
  history.replaceState(null, "", `${location.pathname}${p ? `?${p}` : ""}`);
}

const ticketLink = (r, text, number = false) =>
  el("a", { href: `/console/ticket?id=${r.id}`, class: number ? "ticket-link ticket-number" : "ticket-link" }, text);

function marks(r) {
  return [
    r.urgent ? el("span", { class: "tag urgent" }, "紧急") : null,
    r.overdue ? el("span", { class: "tag overdue" }, "超时") : null,
  ];
}

const statusTag = (r) => el("span", { class: `tag status-${r.status}` }, r.statusLabel);

function table(rows) {
  const head = el(
    "tr",
    {},
    ["编号", "状态", "类别", "居民反映", "地点", "居民", "志愿者", "登记时间"].map((h) =>
      el("th", { scope: "col" }, h),
    ),
  );
  const body = rows.map((r) =>
    el(
      "tr",
      { class: r.urgent ? "urgent" : r.overdue ? "overdue" : undefined },
      el("td", {}, ticketLink(r, `#${r.id}`)),
      el("td", {}, statusTag(r), " ", ...marks(r)),
      el("td", {}, r.categoryLabel),
      el("td", { class: "summary" }, ticketLink(r, r.summary || "(内容已按期清除)")),
      el("td", {}, r.place),
      el("td", {}, r.residentName),
      el("td", {}, r.volunteerName ?? "—"),
      el("td", { class: "when" }, formatTime(r.createdAt)),
    ),
  );
  return el("table", { class: "responsive board" }, el("thead", {}, head), el("tbody", {}, body));
}

function cards(rows) {
  return el(
    "div",
    { class: "list-cards" },
    rows.map((r) =>
      el(
        "article",
        {
          class: `card ticket-card${r.urgent ? " urgent" : r.overdue ? " overdue" : ""}`,
          "aria-label": `工单 #${r.id}`,
        },
        el(
          "div",
          { class: "ticket-head" },
          ticketLink(r, `#${r.id}`, true),
          statusTag(r),
          ...marks(r),
          el("span", { class: "muted" }, r.categoryLabel),
        ),
        el("p", { class: "ticket-summary" }, ticketLink(r, r.summary || "(内容已按期清除)")),
        el(
          "p",
          { class: "muted" },
          `${r.place} · ${r.residentName}${r.volunteerName ? ` · 志愿者 ${r.volunteerName}` : ""}`,
        ),
        el("p", { class: "muted" }, `登记于 ${formatTime(r.createdAt)}`),
      ),
    ),
  );
}

function emptyText() {
  const filtered = fields.some((name) => input(name).value.trim());
  if (filtered) return "没有找到符合条件的工单。可以换个词搜索, 或点「清空筛选」。";
  if (state.status === "all") return "还没有工单。居民在群里反映的事会自动登记到这里。";
  return `现在没有「${statusNames[state.status]}」的工单。`;
}

let loading = false;
async function load() {
  loading = true;
  try {
    const data = await api(
      `/tickets?${new URLSearchParams({ ...Object.fromEntries(params()), limit: String(pageSize) })}`,
    );
    if (data.rows.length === 0 && state.page > 1 && data.total > 0) {
      state.page = data.pages;
      return load();
    }
    showTabs(data.counts);
    content.replaceChildren(
      ...(data.rows.length ? [table(data.rows), cards(data.rows)] : [el("p", { class: "card empty" }, emptyText())]),
    );
    const now = new Intl.DateTimeFormat("zh-CN", {
      timeZone: "Asia/Shanghai",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    }).format(new Date());
    summary.textContent = data.total ? `共 ${data.total} 件, 最新的在上面。更新于 ${now}` : `更新于 ${now}`;
    prev.hidden = data.page <= 1;
    next.hidden = data.page >= data.pages;
    pageOf.textContent = data.pages > 1 ? `第 ${data.page} / ${data.pages} 页` : "";
    remember();
  } finally {
    loading = false;
  }
}

for (const tab of tabs) {
  tab.addEventListener("click", () => {
    state.status = tab.dataset.status;
    state.page = 1;
    showTabs(null);
    return act(tab, load);
  });
}
form.addEventListener("submit", (e) => {
  e.preventDefault();
  state.page = 1;
  return act(e.submitter ?? form.querySelector("button"), load);
});
document.getElementById("clear").addEventListener("click", (e) => {
  for (const name of fields) input(name).value = "";
  state.page = 1;
  return act(e.currentTarget, load);
});
const refresh = document.getElementById("refresh");
refresh.addEventListener("click", () => act(refresh, load, "已刷新。"));
prev.addEventListener("click", () => {
  state.page = Math.max(1, state.page - 1);
  return act(prev, load);
});
next.addEventListener("click", () => {
  state.page += 1;
  return act(next, load);
});

// New tickets appear by themselves; a tab in the background does not ask.
setInterval(() => {
  if (!document.hidden && !loading) load().catch(() => {});
}, refreshEveryMs);

showTabs(null);
await load().catch((err) => notify(err.message, "error"));
