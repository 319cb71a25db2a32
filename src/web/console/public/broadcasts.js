// The 红色广播站 page: every broadcast with its next runs, a month calendar, a form that builds the
// same time words as chat (每周一 08:00), preview with live fields, 立即发送 and each run's delivery.
import { act, api, el, notify, startPage } from "/console/assets/console.js";

await startPage("broadcasts");

const $ = (id) => document.getElementById(id);
const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];
const RUN_WORDS = { sending: "正在发送", sent: "已发出", failed: "没发出", missed: "错过了，没补发", planned: "计划" };
const CHAT_WORDS = {
  sent: "已发送",
  failed: "发送失败",
  missed: "错过",
  queued: "排队发送中",
  uncertain: "可能已发出（没收到确认）",
};

let options = { groups: [], rooms: [], robots: [], placeholders: [], whenForms: "" };
let now = new Date();
/** The broadcast being edited, or null for a new one. */
let editing = null;
let month = null;

// ---- the form ----

for (const [i, name] of WEEKDAYS.entries()) {
  const id = `wd-${i}`;
  $("weekdays").append(
    el("label", { class: "choice", for: id }, el("input", { type: "checkbox", id, value: name }), `周${name}`),
  );
}

const pad = (n) => String(n).padStart(2, "0");
function hourWords(h) {
  const part = h < 6 ? "凌晨" : h < 12 ? "上午" : h === 12 ? "中午" : h < 18 ? "下午" : "晚上";
  return `${pad(h)} 点（${part}${h > 12 ? h - 12 : h}点）`;
}
for (let h = 0; h < 24; h++) $("hour").append(el("option", { value: pad(h) }, hourWords(h)));
for (let m = 0; m < 60; m += 5) $("minute").append(el("option", { value: pad(m) }, `${pad(m)} 分`));

/** The time as chat writes it (18:30). */
function timeWords() {
  return `${$("hour").value}:${$("minute").value}`;
}

function setTime(hhmm) {
  const [h, m] = hhmm.split(":");
  $("hour").value = h;
  if (![...$("minute").options].some((o) => o.value === m)) $("minute").append(el("option", { value: m }, `${m} 分`));
  $("minute").value = m;
}

function chinaDate(d) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
}

/** The time words chat would read: 每天 08:00, 每周一、三 08:00, 2026-12-01 10:00 … */
function whenWords() {
  const time = timeWords();
  switch ($("freq").value) {
    case "once":
      return `${$("date").value} ${time}`;
    case "daily":
      return `每天 ${time}`;
    case "workdays":
      return `工作日 ${time}`;
    case "weekly": {
      const days = [...$("weekdays").querySelectorAll("input:checked")].map((c) => c.value);
      return days.length ? `每周${days.join("、")} ${time}` : `每周 ${time}`;
    }
    case "monthly":
      return `每月${$("mday").value}日 ${time}`;
    default:
      return $("when-text").value.trim();
  }
}

function showWhenFields() {
  const f = $("freq").value;
  $("when-once").hidden = f !== "once";
  $("when-weekly").hidden = f !== "weekly";
  $("when-monthly").hidden = f !== "monthly";
  $("when-time").hidden = f === "custom";
  $("when-custom").hidden = f !== "custom";
  $("when-words").textContent = whenWords() || "（还没写）";
}
for (const id of ["freq", "date", "hour", "minute", "mday", "when-text"])
  $(id).addEventListener("input", showWhenFields);
$("weekdays").addEventListener("change", showWhenFields);

/** Puts stored time words back into the form's fields (anything unusual goes to 自己写). */
function setWhen(words) {
  for (const c of $("weekdays").querySelectorAll("input")) c.checked = false;
  const forms = [
    [
      /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)$/,
      "once",
      (m) => {
        $("date").value = m[1];
      },
    ],
    [/^每天 (\d\d:\d\d)$/, "daily", () => {}],
    [/^工作日 (\d\d:\d\d)$/, "workdays", () => {}],
    [
      /^每周([一二三四五六日、]+) (\d\d:\d\d)$/,
      "weekly",
      (m) => {
        for (const d of m[1].split("、")) {
          const box = $("weekdays").querySelector(`input[value="${d}"]`);
          if (box) box.checked = true;
        }
      },
    ],
    [
      /^每月(\d{1,2})日 (\d\d:\d\d)$/,
      "monthly",
      (m) => {
        $("mday").value = m[1];
      },
    ],
  ];
  const found = forms.map(([re, freq, fill]) => [re.exec(words), freq, fill]).find(([m]) => m);
  if (found) {
    const [m, freq, fill] = found;
    $("freq").value = freq;
    fill(m);
    setTime(m[m.length - 1]);
  } else {
    $("freq").value = "custom";
    $("when-text").value = words;
  }
  showWhenFields();
}

function drawTargets(chosen = []) {
  const box = $("targets");
  box.replaceChildren();
  const roleWords = { resident: "居民群", volunteer: "志愿者群", staff: "工作群" };
  const items = [
    ...options.groups.map((g) => [g, "一组群"]),
    ...options.rooms.map((r) => [r.topic, roleWords[r.role] ?? ""]),
    ...options.robots.map((r) => [r, "企业微信机器人"]),
  ];
  for (const [i, [name, kind]] of items.entries()) {
    const id = `tg-${i}`;
    box.append(
      el(
        "label",
        { class: "choice", for: id },
        el("input", { type: "checkbox", id, value: name, checked: chosen.includes(name) }),
        name,
        kind ? el("span", { class: "muted" }, ` ${kind}`) : null,
      ),
    );
  }
}

for (const p of ["{本月受理}", "{本月办结}", "{本月满意率}", "{本周活动}", "{好人好事}"]) {
  $("placeholders").append(
    el(
      "button",
      {
        type: "button",
        class: "small",
        onclick: () => {
          const t = $("content");
          const at = t.selectionStart ?? t.value.length;
          t.value = t.value.slice(0, at) + p + t.value.slice(t.selectionEnd ?? at);
          t.focus();
        },
      },
      p,
    ),
  );
}

function formBody() {
  return {
    when: whenWords(),
    targets: [...$("targets").querySelectorAll("input:checked")].map((c) => c.value),
    content: $("content").value,
  };
}

function showFormError(text) {
  $("form-error").replaceChildren(text ? el("div", { class: "notice error" }, text) : "");
}

function openForm(b = null) {
  editing = b;
  $("form-title").textContent = b ? `修改广播 #${b.id}` : "新建广播";
  $("save").textContent = b ? "保存修改" : "保存";
  showFormError("");
  $("check-result").replaceChildren();
  if (b) {
    setWhen(b.whenWords);
    $("content").value = b.content;
  } else {
    const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
    setWhen(`${chinaDate(tomorrow)} 08:00`);
    $("content").value = "";
  }
  drawTargets(b ? b.targets : []);
  $("form-card").hidden = false;
  $("form-card").scrollIntoView({ block: "start" });
  $("freq").focus();
}

$("new").addEventListener("click", () => openForm());
$("cancel").addEventListener("click", () => {
  $("form-card").hidden = true;
});

$("check").addEventListener("click", async (e) => {
  showFormError("");
  const r = await act(e.currentTarget, () => api("/broadcasts/check", { method: "POST", body: formBody() })).catch(
    () => undefined,
  );
  if (!r) return;
  $("check-result").replaceChildren(
    el(
      "div",
      { class: "preview" },
      el("p", {}, el("b", {}, "时间："), r.when),
      el("p", {}, el("b", {}, "发往："), r.targetsText),
      el("p", {}, el("b", {}, "接下来："), r.nextRuns.map((x) => x.text).join("、") || "这个时间之后不会再发送"),
      ...r.warnings.map((w) => el("p", { class: "warn" }, `注意：${w}`)),
      ...r.unknown.map((u) => el("p", { class: "warn" }, `注意：${u} 不是自动填写项，会原样发出。`)),
      el("p", {}, el("b", {}, "现在发的话，大家看到的是：")),
      el("pre", { class: "message" }, r.text),
    ),
  );
});

$("bc-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const button = $("save");
  button.disabled = true;
  showFormError("");
  try {
    const r = editing
      ? await api(`/broadcasts/${editing.id}`, { method: "PUT", body: formBody() })
      : await api("/broadcasts", { method: "POST", body: formBody() });
    $("form-card").hidden = true;
    await refresh();
    notify([r.message, ...(r.warnings ?? []).map((w) => `注意：${w}`)].join(" "));
    document.getElementById(`bc-${r.broadcast.id}`)?.scrollIntoView({ block: "center" });
  } catch (err) {
    showFormError(err.message);
  } finally {
    button.disabled = false;
  }
});

// ---- the list ----

function card(b) {
  const details = el("div", { class: "details" });
  const paused = b.status === "paused";
  const button = (label, work, cls) => el("button", { type: "button", class: cls, onclick: work }, label);
  // The answer shows at the top and in the card itself, where the secretary is looking.
  const after = async (r) => {
    await refresh();
    notify(r.message);
    const box = document.querySelector(`#bc-${b.id} .details`);
    box?.replaceChildren(el("div", { class: "notice ok" }, r.message));
    box?.scrollIntoView({ block: "nearest" });
  };
  return el(
    "article",
    { class: `card broadcast${paused ? " paused" : ""}`, id: `bc-${b.id}` },
    el(
      "h3",
      {},
      `#${b.id} ${b.when}`,
      paused ? el("span", { class: "tag overdue" }, "已暂停") : null,
      !paused && b.nextRuns.length === 0 ? el("span", { class: "tag done" }, "已发完") : null,
    ),
    el("p", {}, el("b", {}, "发往："), b.targetsText),
    el(
      "p",
      { class: "next" },
      el("b", {}, "下次："),
      paused ? "暂停中，不会发送" : b.nextRuns.map((r) => r.text).join("、") || "不会再发送",
    ),
    el("pre", { class: "message" }, b.content),
    el("p", { class: "muted" }, `${b.createdBy} 安排`),
    el(
      "div",
      { class: "row actions" },
      button("预览", (e) =>
        act(e.currentTarget, async () => {
          const r = await api(`/broadcasts/${b.id}/preview`);
          details.replaceChildren(
            el("h4", {}, "现在发的话，大家看到的是："),
            el("pre", { class: "message" }, r.text),
            ...r.unknown.map((u) => el("p", { class: "warn" }, `注意：${u} 不是自动填写项，会原样发出。`)),
          );
        }),
      ),
      button("发送记录", (e) => act(e.currentTarget, () => showRuns(b, details))),
      button("修改", () => openForm(b)),
      paused
        ? button("恢复", (e) =>
            act(e.currentTarget, () => api(`/broadcasts/${b.id}/resume`, { method: "POST" }).then(after)),
          )
        : button("暂停", (e) =>
            act(e.currentTarget, () => api(`/broadcasts/${b.id}/pause`, { method: "POST" }).then(after)),
          ),
      button(
        "立即发送",
        (e) => {
          if (!confirm(`现在就把广播 #${b.id} 发到「${b.targetsText}」吗？`)) return;
          act(e.currentTarget, () => api(`/broadcasts/${b.id}/send-now`, { method: "POST" }).then(after));
        },
        "primary",
      ),
      button(
        "删除",
        (e) => {
          if (!confirm(`删除广播 #${b.id}（${b.when}）吗？删除后不会再发送。`)) return;
          act(e.currentTarget, () => api(`/broadcasts/${b.id}`, { method: "DELETE" }).then(after));
        },
        "danger",
      ),
    ),
    details,
  );
}

async function showRuns(b, box) {
  const { runs } = await api(`/broadcasts/${b.id}/runs`);
  if (runs.length === 0) {
    box.replaceChildren(el("p", { class: "muted" }, "还没有发送过。"));
    return;
  }
  box.replaceChildren(
    el("h4", {}, "发送记录（最近 30 次）"),
    el(
      "ol",
      { class: "runs" },
      runs.map((r) =>
        el(
          "li",
          {},
          el("b", {}, r.slotText),
          " ",
          el("span", { class: `state ${r.state}` }, RUN_WORDS[r.state] ?? r.state),
          r.state === "failed" && r.chats.length === 0 ? el("span", { class: "muted" }, "（找不到要发往的群）") : null,
          el(
            "ul",
            {},
            r.chats.map((d) =>
              el("li", {}, `${d.chat}：`, el("span", { class: `state ${d.state}` }, CHAT_WORDS[d.state] ?? d.state)),
            ),
          ),
        ),
      ),
    ),
  );
}

async function loadList() {
  const r = await api("/broadcasts");
  options = r.options;
  now = new Date(r.now);
  $("when-forms").textContent = `可以写：${options.whenForms}`;
  const list = $("list");
  list.replaceChildren();
  if (r.broadcasts.length === 0)
    list.append(el("p", { class: "muted" }, "现在没有安排广播。点上面的「新建广播」安排一条。"));
  for (const b of r.broadcasts) list.append(card(b));
}

// ---- the calendar ----

function shiftMonth(m, by) {
  const [y, mo] = m.split("-").map(Number);
  const d = new Date(Date.UTC(y, mo - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function loadCalendar() {
  const cal = await api(`/broadcasts/calendar${month ? `?month=${month}` : ""}`);
  month = cal.month;
  $("month-title").textContent = `${cal.year}年${cal.monthNumber}月`;
  const grid = $("calendar");
  grid.replaceChildren(...WEEKDAYS.map((w) => el("div", { class: "weekday", "aria-hidden": "true" }, w)));
  const lead = (cal.firstWeekday + 6) % 7; // Monday first
  for (let i = 0; i < lead; i++) grid.append(el("div", { class: "day empty" }));
  const byDay = new Map();
  for (const e of cal.entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  for (let day = 1; day <= cal.days; day++) {
    const entries = byDay.get(day) ?? [];
    const shown = entries.slice(0, 2);
    grid.append(
      el(
        "div",
        {
          class: `day${cal.today === day ? " today" : ""}${entries.length ? " busy" : ""}`,
          "aria-label": `${cal.monthNumber}月${day}日，${entries.length} 条广播`,
        },
        el("span", { class: "num" }, String(day)),
        shown.map((e) => el("span", { class: `slot ${e.state}` }, e.time)),
        entries.length > 2 ? el("span", { class: "more" }, `+${entries.length - 2}`) : null,
      ),
    );
  }
  const list = $("month-list");
  list.replaceChildren();
  if (cal.entries.length === 0) list.append(el("li", { class: "muted" }, "这个月没有安排广播。"));
  const MAX_LISTED = 60;
  for (const e of cal.entries.slice(0, MAX_LISTED)) {
    list.append(
      el(
        "li",
        {},
        el("b", {}, `${cal.monthNumber}月${e.day}日 ${e.time}`),
        " ",
        el("span", { class: `state ${e.state}` }, RUN_WORDS[e.state] ?? e.state),
        ` #${e.broadcastId} → ${e.targetsText}：`,
        el("span", { class: "excerpt" }, e.content.length > 40 ? `${e.content.slice(0, 40)}……` : e.content),
      ),
    );
  }
  if (cal.entries.length > MAX_LISTED)
    list.append(el("li", { class: "muted" }, `…… 还有 ${cal.entries.length - MAX_LISTED} 次，见上面的月历。`));
}

$("prev-month").addEventListener("click", () => {
  month = shiftMonth(month, -1);
  loadCalendar().catch((err) => notify(err.message, "error"));
});
$("next-month").addEventListener("click", () => {
  month = shiftMonth(month, 1);
  loadCalendar().catch((err) => notify(err.message, "error"));
});

async function refresh() {
  await Promise.all([loadList(), loadCalendar()]);
}

try {
  await refresh();
} catch (err) {
  notify(err.message, "error");
}
