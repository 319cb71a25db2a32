// One ticket: what the resident said, where, their phone, the whole timeline in staff's words,
// and what staff can do now (指派/改派, 关闭, 重新打开, 合并, 拆分, 延期, 备注). Each action is sent
// with a request id made once per click, so a retried request does not act (or tell anyone) twice.
import { api, el, formatTime, notify, query, startPage } from "/console/assets/console.js";

await startPage("tickets");

const id = Number(query("id"));
const content = document.getElementById("content");
const title = document.getElementById("title");
let volunteers = [];

function field(label, ...value) {
  return [el("dt", {}, label), el("dd", {}, ...value)];
}

function facts(t) {
  const list = el(
    "dl",
    { class: "facts" },
    field("居民", t.residentName || "(姓名已清除)"),
    field("在哪说的", t.where),
    field("地点", t.place),
    field(
      "电话",
      t.phone
        ? el("a", { href: `tel:${t.phone}`, class: "facts-link" }, t.phone)
        : el("span", { class: "muted" }, "没留电话"),
    ),
    field("类别", t.categoryLabel),
    field("登记时间", formatTime(t.createdAt)),
    field("志愿者", t.volunteerName ?? "还没有人接"),
  );
  if (t.closeReason) list.append(...field("关闭原因", t.closeReason));
  if (t.rating !== null)
    list.append(...field("居民评价", `${t.rating} 分${t.ratingComment ? `, ${t.ratingComment}` : ""}`));
  if (t.mergedIntoId !== null)
    list.append(
      ...field(
        "并入",
        el("a", { href: `/console/ticket?id=${t.mergedIntoId}`, class: "facts-link" }, `#${t.mergedIntoId}`),
      ),
    );
  return el(
    "section",
    { class: "card", "aria-label": "居民反映" },
    el("blockquote", { class: "resident-text" }, t.text || "(内容已按期清除)"),
    list,
  );
}

function timeline(entries, linked) {
  const box = el(
    "section",
    { class: "card", "aria-label": "经过" },
    el("h2", {}, "经过"),
    el(
      "ol",
      { class: "timeline" },
      entries.map((e) =>
        el(
          "li",
          { class: e.internal ? "internal" : undefined },
          el("div", { class: "when" }, e.when, e.internal ? el("span", { class: "tag" }, "内部") : null),
          el("div", {}, e.text),
        ),
      ),
    ),
  );
  if (linked.length)
    box.append(
      el("h2", {}, "同一件事的其他反映"),
      el(
        "ul",
        {},
        linked.map((l) =>
          el("li", {}, el("a", { href: `/console/ticket?id=${l.id}` }, `#${l.id}`), ` ${l.residentName}: ${l.summary}`),
        ),
      ),
    );
  return box;
}

/** One action's form: fields, a button, and a line saying who will be told. */
function actionForm(name, heading, hint, inputs, button, collect) {
  const form = el(
    "form",
    { class: "card action", "aria-label": heading },
    el("h2", {}, heading),
    hint ? el("p", { class: "muted" }, hint) : null,
    ...inputs,
    el("p", {}, el("button", { type: "submit", class: "primary" }, button)),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const submit = form.querySelector("button[type=submit]");
    const body = collect();
    if (typeof body === "string") {
      say(form, body, "error");
      return;
    }
    submit.disabled = true;
    try {
      // Made once for this click: a retry of this request is answered without acting again.
      const done = await api(`/tickets/${id}/${name}`, {
        method: "POST",
        body: { requestId: crypto.randomUUID(), ...body },
      });
      draw(done);
      notify(done.told);
      window.scrollTo({ top: 0 });
    } catch (err) {
      say(form, err.message ?? String(err), "error");
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function say(box, text, kind) {
  box.querySelector(":scope > .notice")?.remove();
  const note = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  box.append(note);
  note.scrollIntoView({ block: "nearest" });
}

function labelled(idName, label, control) {
  control.id = idName;
  return [el("label", { for: idName }, label), control];
}

/** `YYYY-MM-DD` in China, `days` from today. */
function chinaDate(days = 0) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

function actions(t) {
  const forms = [];
  if (t.can.assign) {
    const pick = el(
      "select",
      { name: "volunteer" },
      el("option", { value: "" }, "请选择志愿者"),
      volunteers.map((v) => el("option", { value: v.name }, v.name)),
    );
    const again = t.status === "claimed";
    forms.push(
      actionForm(
        "assign",
        again ? "改派" : "指派",
        again
          ? `现在由 ${t.volunteerName} 处理。改派后, 我会私信告诉新志愿者 (附居民电话), 也告诉 ${t.volunteerName} 不用再跑, 并告诉居民谁会来。`
          : "指派后, 我会私信告诉这位志愿者 (附居民电话), 在志愿者群里说一声, 并告诉居民谁会来。",
        labelled("assign-volunteer", "志愿者", pick),
        again ? "改派" : "指派",
        () => (pick.value ? { volunteer: pick.value } : "请选择要指派的志愿者。"),
      ),
    );
  }
  if (t.can.extend) {
    const reason = el("input", { name: "reason", maxlength: 200, placeholder: "如: 等配件" });
    const date = el("input", { name: "date", type: "date", min: chinaDate(1), value: chinaDate(3) });
    forms.push(
      actionForm(
        "extend",
        "延期",
        "时限延到那天下班; 我会告诉居民原因和新的时间。",
        [...labelled("extend-reason", "原因", reason), ...labelled("extend-date", "延到哪天", date)],
        "延期",
        () =>
          !reason.value.trim()
            ? "请写上延期的原因。"
            : !date.value
              ? "请选择延到哪一天。"
              : { reason: reason.value, date: date.value },
      ),
    );
  }
  if (t.can.merge) {
    const into = el("input", { name: "into", type: "number", min: 1, inputmode: "numeric", placeholder: "如 12" });
    forms.push(
      actionForm(
        "merge",
        "合并到另一个工单",
        "和另一个工单是同一件事时用。本单关闭 (不计入办结), 我会告诉本单居民, 那件办好时一起通知。",
        labelled("merge-into", "并入的工单编号 #", into),
        "合并",
        () => (Number(into.value) > 0 ? { into: Number(into.value) } : "请写要并入的工单编号, 比如 12。"),
      ),
    );
  }
  if (t.can.split)
    forms.push(
      actionForm(
        "split",
        "拆分",
        `本单并在 #${t.mergedIntoId} 里。拆分后单独处理, 我会告诉居民, 任务卡发到志愿者群。`,
        [],
        "拆分, 单独处理",
        () => ({}),
      ),
    );
  if (t.can.close) {
    const reason = el("input", { name: "reason", maxlength: 200, placeholder: "如: 物业已修好" });
    forms.push(
      actionForm(
        "close",
        "关闭",
        "我会把关闭原因告诉居民。写「和#12是一件事」会按重复关闭。",
        labelled("close-reason", "关闭原因", reason),
        "关闭工单",
        () => (reason.value.trim() ? { reason: reason.value } : "请写上关闭的原因, 居民会收到通知。"),
      ),
    );
  }
  if (t.can.reopen) {
    const reason = el("input", { name: "reason", maxlength: 200, placeholder: "如: 居民说又坏了" });
    forms.push(
      actionForm(
        "reopen",
        "重新打开",
        "我会告诉居民, 私信告诉原来的志愿者, 并把任务重新发到志愿者群。",
        labelled("reopen-reason", "原因", reason),
        "重新打开",
        () => (reason.value.trim() ? { reason: reason.value } : "请写上重新打开的原因。"),
      ),
    );
  }
  const note = el("textarea", { name: "text", maxlength: 1000 });
  forms.push(
    actionForm(
      "note",
      "备注",
      "只有工作人员看得到, 不会通知任何人。",
      labelled("note-text", "备注内容", note),
      "保存备注",
      () => (note.value.trim() ? { text: note.value } : "备注不能为空。"),
    ),
  );
  return el("div", { class: "actions-grid no-print" }, forms);
}

function draw(data) {
  const t = data.ticket;
  document.title = `工单 #${t.id} · 邻里管家后台`;
  title.replaceChildren(
    ...[
      `工单 #${t.id} `,
      el("span", { class: `tag status-${t.status}` }, t.statusLabel),
      t.urgent ? el("span", { class: "tag urgent" }, "紧急") : null,
      t.overdue ? el("span", { class: "tag overdue" }, "超时") : null,
    ].filter(Boolean),
  );
  content.replaceChildren(
    el("div", { class: "ticket-layout" }, el("div", {}, facts(t), timeline(data.timeline, data.linked)), actions(t)),
  );
}

if (!Number.isSafeInteger(id) || id <= 0) {
  content.append(el("p", { class: "card empty" }, "没有指定工单编号。请从工单列表点进来。"));
} else {
  try {
    const [data, options] = await Promise.all([api(`/tickets/${id}`), api("/tickets/options")]);
    volunteers = options.volunteers;
    draw(data);
  } catch (err) {
    notify(err.message, "error");
  }
}
