// 知识库: list and search entries, add / edit / delete one, import and export YAML, try a question,
// and see which residents' questions each entry answered lately. Every change takes effect in
// WeChat at once (the server rebuilds the FAQ index).
import { act, api, el, formatTime, notify, query, startPage } from "/console/assets/console.js";

await startPage("kb");

const content = document.getElementById("content");
const state = { q: query("q") ?? "", entries: [], total: 0, recentDays: 30 };

const listBox = el("div", { id: "kb-list" });
const editorBox = el("div", { id: "kb-editor" });
const searchInput = el("input", {
  id: "kb-search",
  type: "search",
  value: state.q,
  placeholder: "标题、问法、答案里的字",
  enterkeyhint: "search",
});

content.append(toolbar(), editorBox, listBox, importCard(), tryCard(), recentCard());
await loadList();
const opened = query("id");
if (opened) await openEditor(opened);

function toolbar() {
  const searchButton = el("button", { type: "button" }, "搜索");
  const search = () => {
    state.q = searchInput.value.trim();
    act(searchButton, loadList);
  };
  searchButton.addEventListener("click", search);
  searchInput.addEventListener("keydown", (e) => e.key === "Enter" && search());
  const add = el("button", { type: "button", class: "primary" }, "新增条目");
  add.addEventListener("click", () => showEditor(null));
  const importLink = el("a", { class: "button", href: "#kb-import" }, "导入 YAML");
  const exportLink = el("a", { class: "button", href: "/api/kb/export", download: "" }, "导出 YAML");
  return el(
    "div",
    { class: "card" },
    el("label", { for: "kb-search" }, "搜索条目"),
    el("div", { class: "row" }, searchInput, searchButton),
    el("div", { class: "row kb-actions" }, add, importLink, exportLink),
  );
}

async function loadList() {
  const data = await api(`/kb/entries${state.q ? `?q=${encodeURIComponent(state.q)}` : ""}`);
  Object.assign(state, { entries: data.entries, total: data.total, recentDays: data.recentDays });
  drawList();
}

function drawList() {
  const { entries, total, q, recentDays } = state;
  const summary = q
    ? `共 ${total} 条, 含「${q}」的 ${entries.length} 条`
    : `共 ${total} 条。「近${recentDays}天」是居民问到、机器人用这一条回答的次数。`;
  const heading = el("h2", {}, "条目");
  if (entries.length === 0) {
    listBox.replaceChildren(
      heading,
      el("p", { class: "card" }, q ? `没有找到含「${q}」的条目。` : "知识库还是空的: 新增条目, 或导入 YAML 文件。"),
    );
    return;
  }
  const rows = entries.map((e) =>
    el(
      "tr",
      {},
      el("td", {}, el("b", {}, e.title), el("div", { class: "muted" }, e.id)),
      el("td", {}, e.questions.slice(0, 3).join(" / ") || el("span", { class: "muted" }, "(无)")),
      el("td", { class: "kb-answer" }, brief(e.answer, 60)),
      el("td", {}, String(e.matches)),
      el("td", {}, editButton(e)),
    ),
  );
  const table = el(
    "table",
    { class: "responsive" },
    el(
      "thead",
      {},
      el("tr", {}, ...["标题 / id", "常见问法", "答案", `近${recentDays}天`, ""].map((t) => el("th", {}, t))),
    ),
    el("tbody", {}, rows),
  );
  const cards = el(
    "div",
    { class: "list-cards" },
    entries.map((e) =>
      el(
        "div",
        { class: "card" },
        el("b", {}, e.title),
        el("div", { class: "muted" }, `${e.id} · 近${recentDays}天问到 ${e.matches} 次`),
        el("p", { class: "kb-answer" }, brief(e.answer, 80)),
        editButton(e),
      ),
    ),
  );
  listBox.replaceChildren(heading, el("p", { class: "muted" }, summary), table, cards);
}

function editButton(entry) {
  const b = el("button", { type: "button", "aria-label": `修改 ${entry.title}` }, "修改");
  b.addEventListener("click", () => act(b, () => openEditor(entry.id)));
  return b;
}

async function openEditor(id) {
  const data = await api(`/kb/entries/${encodeURIComponent(id)}`);
  showEditor(data.entry, data.matches);
}

/** The form for one entry (null: a new one), with the questions that matched it lately. */
function showEditor(entry, matches = []) {
  const field = (id, label, input, hint) =>
    el("div", {}, el("label", { for: id }, label), input, hint ? el("div", { class: "muted" }, hint) : null);
  const idInput = el("input", {
    id: "kb-id",
    value: entry?.id ?? "",
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
  });
  const title = el("input", { id: "kb-title", value: entry?.title ?? "" });
  const questions = el("textarea", { id: "kb-questions", rows: 4 }, (entry?.questions ?? []).join("\n"));
  const answer = el("textarea", { id: "kb-answer", rows: 5 }, entry?.answer ?? "");
  const tags = el("input", { id: "kb-tags", value: (entry?.tags ?? []).join("、") });
  const extra = el("textarea", { id: "kb-extra", rows: 3, spellcheck: "false" }, entry?.extraYaml ?? "");
  const problems = el("div", { class: "kb-problems" });

  const save = el("button", { type: "button", class: "primary" }, "保存");
  save.addEventListener("click", () => {
    const body = {
      id: idInput.value.trim(),
      title: title.value,
      questions: questions.value.split("\n"),
      answer: answer.value,
      tags: tags.value.split(/[、,，;；\s]+/),
      extra: extra.value,
    };
    act(
      save,
      async () => {
        problems.replaceChildren();
        try {
          await api(entry ? `/kb/entries/${encodeURIComponent(entry.id)}` : "/kb/entries", {
            method: entry ? "PUT" : "POST",
            body,
          });
        } catch (err) {
          showProblems(problems, err.message, err.data?.problems);
          throw err;
        }
        editorBox.replaceChildren();
        await loadList();
      },
      entry ? "已保存。机器人从现在起按新内容回答。" : "已新增。机器人从现在起会用这一条回答。",
    );
  });
  const cancel = el("button", { type: "button" }, "取消");
  cancel.addEventListener("click", () => editorBox.replaceChildren());
  const buttons = el("div", { class: "row kb-actions" }, save, cancel);
  if (entry) {
    const remove = el("button", { type: "button", class: "danger" }, "删除这一条");
    remove.addEventListener("click", () => {
      if (!confirm(`确定删除「${entry.title}」? 删除后机器人不再用它回答。`)) return;
      act(
        remove,
        async () => {
          await api(`/kb/entries/${encodeURIComponent(entry.id)}`, { method: "DELETE" });
          editorBox.replaceChildren();
          await loadList();
        },
        `已删除「${entry.title}」。`,
      );
    });
    buttons.append(remove);
  }

  const asked = entry
    ? el(
        "section",
        { class: "kb-matches" },
        el("h3", {}, "最近问到这一条的问题"),
        matches.length === 0
          ? el("p", { class: "muted" }, "最近还没有居民问到。")
          : el(
              "ul",
              {},
              matches.map((m) => el("li", {}, el("span", { class: "muted" }, formatTime(m.at)), " ", m.question)),
            ),
        el("p", { class: "muted" }, "电话和姓名已隐去, 只留问题的前 40 个字。"),
      )
    : null;

  editorBox.replaceChildren(
    el(
      "section",
      { class: "card", "aria-label": "编辑条目" },
      el("h2", {}, entry ? `修改: ${entry.title}` : "新增条目"),
      field("kb-id", "id (条目编号)", idInput, "小写字母、数字和 -, 比如 elder-canteen"),
      field("kb-title", "标题", title),
      field("kb-questions", "常见问法 (每行一句)", questions, "居民平时怎么问, 就怎么写"),
      field("kb-answer", "答案", answer),
      field("kb-tags", "标签 (用顿号隔开)", tags),
      field(
        "kb-extra",
        "其他字段 (YAML, 可不填)",
        extra,
        "比如活动时间 schedule: 每周六 9:00-11:00; 不管的事 not: [买车位]。写法同知识库文件。",
      ),
      problems,
      buttons,
      asked,
    ),
  );
  editorBox.scrollIntoView({ block: "start" });
  (entry ? title : idInput).focus({ preventScroll: true });
}

/** An error with its list of problems, each on its own line, as `linli kb lint` words them. */
function showProblems(box, message, list) {
  box.replaceChildren(
    el(
      "div",
      { class: "notice error", role: "alert" },
      el("b", {}, message),
      Array.isArray(list) && list.length > 0
        ? el(
            "ol",
            {},
            list.map((p) => el("li", {}, typeof p === "string" ? p : p.text)),
          )
        : null,
    ),
  );
}

function importCard() {
  const files = el("input", { id: "kb-files", type: "file", multiple: true, accept: ".yaml,.yml" });
  const paste = el("textarea", {
    id: "kb-paste",
    rows: 6,
    spellcheck: "false",
    placeholder: "- id: elder-canteen\n  title: 长者食堂开饭时间\n  answer: …",
  });
  const result = el("div", { class: "kb-problems" });
  const gather = async () => {
    const chosen = [...files.files].map(async (f) => ({ name: f.name, text: await f.text() }));
    const list = await Promise.all(chosen);
    if (paste.value.trim()) list.push({ name: "", text: paste.value });
    return list;
  };
  const run = (button, check) =>
    act(button, async () => {
      result.replaceChildren();
      const list = await gather();
      if (list.length === 0) {
        showProblems(result, "请先选择文件, 或把 YAML 内容粘贴进来。");
        return;
      }
      try {
        const r = await api("/kb/import", { method: "POST", body: { files: list, check } });
        const text = check
          ? `检查通过: ${r.total} 条, 可以导入。`
          : `导入完成: 新增 ${r.created} 条, 更新 ${r.updated} 条, 共 ${r.total} 条。机器人从现在起按新内容回答。`;
        result.replaceChildren(el("div", { class: "notice ok", role: "status" }, text));
        if (!check) {
          files.value = "";
          paste.value = "";
          await loadList();
        }
      } catch (err) {
        showProblems(result, err.message, err.data?.problems);
      }
    });
  const check = el("button", { type: "button" }, "只检查");
  check.addEventListener("click", () => run(check, true));
  const go = el("button", { type: "button", class: "primary" }, "导入");
  go.addEventListener("click", () => run(go, false));
  return el(
    "section",
    { class: "card", id: "kb-import" },
    el("h2", {}, "导入 YAML"),
    el(
      "p",
      { class: "muted" },
      "和命令 linli kb import 一样: 同一 id 的条目会被更新, 其他条目保留; 有任何问题就一条也不导入。",
    ),
    el(
      "p",
      { class: "muted" },
      "社区自己的词表 words.yaml 可以和条目文件一起选, 会整份替换现有词表。",
      el("a", { href: "/api/kb/export?file=words", download: "" }, "导出现有词表"),
    ),
    el("label", { for: "kb-files" }, "选择文件 (可多选)"),
    files,
    el("label", { for: "kb-paste" }, "或粘贴内容"),
    paste,
    result,
    el("div", { class: "row kb-actions" }, check, go),
  );
}

function tryCard() {
  const input = el("input", {
    id: "kb-try",
    type: "search",
    placeholder: "比如: 长者食堂几点开饭",
    enterkeyhint: "go",
  });
  const out = el("div", { "aria-live": "polite" });
  const button = el("button", { type: "button" }, "试问");
  const run = () =>
    act(button, async () => {
      const q = input.value.trim();
      if (!q) return;
      const r = await api(`/kb/ask?q=${encodeURIComponent(q)}`);
      out.replaceChildren(
        r.confident
          ? el(
              "div",
              { class: "notice ok" },
              el("div", {}, `会用「${r.title}」(${r.entryId}) 回答:`),
              el("p", { class: "kb-answer" }, r.answer),
            )
          : el(
              "div",
              { class: "notice error" },
              r.title ? `答不准 (最接近的是「${r.title}」), 会转给工作人员。` : "知识库里没有答案, 会转给工作人员。",
            ),
      );
    });
  button.addEventListener("click", run);
  input.addEventListener("keydown", (e) => e.key === "Enter" && run());
  return el(
    "section",
    { class: "card" },
    el("h2", {}, "试问机器人"),
    el("p", { class: "muted" }, "看看居民这样问时机器人会怎么答 (不会发到微信)。"),
    el("label", { for: "kb-try" }, "居民的问题"),
    el("div", { class: "row" }, input, button),
    out,
  );
}

function recentCard() {
  const box = el("section", { class: "card" }, el("h2", {}, "最近回答过的问题"));
  const list = el("ul", { class: "kb-recent" });
  box.append(list, el("p", { class: "muted" }, "电话和姓名已隐去。点条目名可修改那一条。"));
  api("/kb/matches?limit=30")
    .then(({ matches }) => {
      if (matches.length === 0) list.replaceChildren(el("li", { class: "muted" }, "还没有。"));
      else
        list.replaceChildren(
          ...matches.map((m) => {
            const link = el("a", { href: `/console/kb?id=${encodeURIComponent(m.entryId)}` }, m.title ?? m.entryId);
            return el("li", {}, el("span", { class: "muted" }, formatTime(m.at)), " ", m.question, " → ", link);
          }),
        );
    })
    .catch((err) => notify(err.message, "error"));
  return box;
}

function brief(text, max) {
  const chars = [...text.replace(/\s+/g, " ")];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}
