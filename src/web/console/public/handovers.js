// 转人工: the questions I could not answer, newest first. Staff write the answer here; it is sent to
// the resident in WeChat (as with 回复 N in chat) and, with the box ticked, saved to the knowledge base.
import { act, api, el, formatTime, notify, query, startPage } from "/console/assets/console.js";

await startPage("handovers");

const statuses = { waiting: "等待答复", answered: "已答复", all: "全部" };
const maxAnswerChars = 1000;

const state = {
  status: Object.hasOwn(statuses, query("status") ?? "") ? query("status") : "waiting",
  q: query("q") ?? "",
  /** The oldest id shown, for 显示更早的. */
  oldest: null,
};

const content = document.getElementById("content");
const summary = document.getElementById("summary");
const more = document.getElementById("more");
const search = document.getElementById("search");
const searchBox = document.getElementById("q");
const tabs = [...document.querySelectorAll(".tabs button")];
searchBox.value = state.q;

function showTabs(counts) {
  for (const tab of tabs) {
    const status = tab.dataset.status;
    const count = counts && status !== "all" ? ` (${counts[status]})` : "";
    tab.textContent = `${statuses[status]}${count}`;
    tab.setAttribute("aria-pressed", String(status === state.status));
  }
}

function remember() {
  const params = new URLSearchParams();
  if (state.status !== "waiting") params.set("status", state.status);
  if (state.q) params.set("q", state.q);
  const search = params.toString();
  history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
}

async function load({ append = false } = {}) {
  const params = new URLSearchParams({ status: state.status });
  if (state.q) params.set("q", state.q);
  if (append && state.oldest !== null) params.set("before", String(state.oldest));
  const data = await api(`/handovers?${params}`);
  showTabs(data.counts);
  if (!append) content.replaceChildren();
  for (const h of data.items) content.append(card(h));
  state.oldest = data.items.length ? data.items[data.items.length - 1].id : state.oldest;
  more.hidden = !data.more;
  const shown = content.querySelectorAll("article").length;
  if (shown === 0) {
    content.append(el("p", { class: "card empty" }, emptyText()));
    summary.textContent = "";
  } else summary.textContent = `${state.q ? `搜索「${state.q}」, ` : ""}共显示 ${shown} 条, 最新的在上面。`;
}

function emptyText() {
  if (state.q) return `没有找到和「${state.q}」相符的${state.status === "all" ? "" : statuses[state.status]}咨询。`;
  if (state.status === "waiting") return "现在没有等待答复的居民咨询。";
  if (state.status === "answered") return "还没有答复过的居民咨询。";
  return "还没有转人工的居民咨询。";
}

/** How long a question has waited, in the largest whole unit. */
function waitedFor(iso) {
  const minutes = Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return "不到 1 分钟";
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时`;
  return `${Math.floor(minutes / (24 * 60))} 天`;
}

/** Where the resident asked, and so where the answer goes. */
const whereText = (h) => (h.privateChat ? "私聊" : h.where);

function card(h) {
  const box = el("article", { class: "card handover", "data-id": h.id, "aria-label": `居民咨询 #${h.id}` });
  fill(box, h);
  return box;
}

function fill(box, h) {
  const waiting = h.status === "waiting";
  const head = el(
    "div",
    { class: "handover-head" },
    el("b", {}, `#${h.id}`),
    el("span", { class: `tag ${waiting ? "waiting" : "done"}` }, waiting ? "等待答复" : "已答复"),
    el("span", { class: "muted" }, `${formatTime(h.createdAt)} 提问`),
    waiting ? el("span", { class: "waited" }, `已等 ${waitedFor(h.createdAt)}`) : null,
  );
  const who = el("p", { class: "asker" }, `${h.askerName || "(姓名已清除)"} · ${whereText(h)}`);
  const question = el("blockquote", { class: "question" }, h.question || "(内容已按期清除)");
  box.replaceChildren(head, who, question, waiting ? answerForm(box, h) : answered(box, h));
}

function answerForm(box, h) {
  const id = `answer-${h.id}`;
  const text = el("textarea", { id, name: "answer", maxlength: maxAnswerChars, required: true });
  const kb = el("input", { type: "checkbox", id: `kb-${h.id}`, name: "addToKb" });
  const send = el("button", { class: "primary", type: "submit" }, "发送给居民");
  const how = h.privateChat
    ? `发送后, 我会私信转告 ${h.askerName}。`
    : `发送后, 我会在「${h.where}」里 @${h.askerName} 转告。`;
  const form = el(
    "form",
    { class: "answer-form" },
    el("label", { for: id }, `给 ${h.askerName} 的答复`),
    text,
    el("label", { class: "check", for: `kb-${h.id}` }, kb, el("span", {}, "同时加入知识库 (以后居民再问, 我直接回答)")),
    el("p", { class: "muted" }, how),
    el("p", {}, send),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const answer = text.value.trim();
    if (!answer) {
      say(box, "请写上给居民的答复。", "error");
      text.focus();
      return;
    }
    const done = await run(send, box, async () => {
      try {
        return await api(`/handovers/${h.id}/answer`, { method: "POST", body: { answer, addToKb: kb.checked } });
      } catch (err) {
        // Someone else answered first: show what they wrote, and say so.
        if (err.code === "already_answered") fill(box, (await api(`/handovers/${h.id}`)).handover);
        throw err;
      }
    });
    if (!done) return;
    fill(box, done.handover);
    say(
      box,
      `已在微信里把答复转告 ${h.askerName}。` +
        (done.kbEntryId ? ` 已存入知识库 (条目 ${done.kbEntryId}), 以后居民再问我会直接回答。` : ""),
    );
    refreshCounts();
  });
  return form;
}

function answered(box, h) {
  const part = el(
    "div",
    { class: "answered" },
    el("p", { class: "muted" }, `${h.answeredBy ?? "工作人员"} 于 ${formatTime(h.answeredAt)} 答复:`),
    el("p", { class: "answer-text" }, h.answer ?? "(内容已按期清除)"),
  );
  if (h.kbEntryId) {
    part.append(el("p", { class: "kb" }, "已存入知识库, 条目 ", el("code", {}, h.kbEntryId)));
  } else if (h.answer) {
    const save = el("button", { type: "button" }, "加入知识库");
    save.addEventListener("click", async () => {
      const done = await run(save, box, () => api(`/handovers/${h.id}/kb`, { method: "POST" }));
      if (!done) return;
      fill(box, done.handover);
      say(box, `已存入知识库 (条目 ${done.kbEntryId}), 以后居民再问我会直接回答。`);
    });
    part.append(el("p", {}, save, " ", el("span", { class: "muted" }, "以后居民再问, 我直接回答")));
  }
  return part;
}

/** A message inside the card, where the staff member is looking (the top of the page may be far up). */
function say(box, text, kind = "ok") {
  box.querySelector(":scope > .notice")?.remove();
  const note = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  box.append(note);
  note.scrollIntoView({ block: "nearest" });
}

/** Runs a card's action with its button disabled meanwhile; a refusal is shown in the card. */
async function run(button, box, work) {
  button.disabled = true;
  try {
    return await work();
  } catch (err) {
    say(box, err.message ?? String(err), "error");
    return undefined;
  } finally {
    button.disabled = false;
  }
}

async function refreshCounts() {
  const data = await api("/handovers?status=all&limit=1").catch(() => null);
  if (data) showTabs(data.counts);
}

for (const tab of tabs) {
  tab.addEventListener("click", async () => {
    state.status = tab.dataset.status;
    state.oldest = null;
    remember();
    showTabs(null);
    await act(tab, () => load());
  });
}
search.addEventListener("submit", async (e) => {
  e.preventDefault();
  state.q = searchBox.value.trim();
  state.oldest = null;
  remember();
  await act(e.submitter ?? search.querySelector("button"), () => load());
});
const refresh = document.getElementById("refresh");
refresh.addEventListener("click", () => act(refresh, () => load()));
more.addEventListener("click", () => act(more, () => load({ append: true })));

showTabs(null);
await load().catch((err) => notify(err.message, "error"));
