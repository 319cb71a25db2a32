// Shared by every console page: the API client (session cookie + CSRF token), the header
// with its navigation, and small helpers. Plain ES module, no build step.

/** @type {{name: string, admin: boolean, csrfToken: string, expiresAt: string, community: {id: string, name: string}} | null} */
let session = null;

export class ApiError extends Error {
  constructor(status, code, message, data = {}) {
    super(message);
    this.status = status;
    this.code = code;
    /** The whole error body (e.g. a list of `problems`). */
    this.data = data;
  }
}

// Set once the page starts to go away: calls cut short by leaving are not errors to show.
let leaving = false;
addEventListener("pagehide", () => {
  leaving = true;
});
addEventListener("beforeunload", () => {
  leaving = true;
});
const never = () => new Promise(() => {});
const networkTrouble = () => new ApiError(0, "network", "网络不太顺畅, 请稍后再试。");

/** Calls the console API; a lost session sends the page to the sign-in page. */
export async function api(path, { method = "GET", body, raw = false } = {}) {
  const headers = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && session) headers["x-csrf-token"] = session.csrfToken;
  let response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    if (leaving) return never();
    throw networkTrouble();
  }
  if (response.status === 401 && !path.startsWith("/login")) {
    location.href = `/console/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    // The page is leaving: nothing after this call should run or report an error.
    leaving = true;
    return never();
  }
  if (raw && response.ok) return response;
  let data;
  try {
    data = await response.json();
  } catch {
    // A body cut short (the page is leaving, or the network dropped) is never read as an answer.
    if (leaving) return never();
    if (response.ok) throw networkTrouble();
    data = {};
  }
  if (!response.ok)
    throw new ApiError(response.status, data.error ?? "error", data.message ?? "出了点问题, 请稍后再试。", data);
  return data;
}

const pages = [
  ["tickets", "工单"],
  ["handovers", "转人工"],
  ["broadcasts", "广播"],
  ["kb", "知识库"],
  ["reports", "成绩单"],
];

/** Checks the session and draws the header; call first on every page but the sign-in page. */
export async function startPage(current) {
  session = await api("/session");
  const bar = document.createElement("header");
  bar.className = "bar";
  const brand = el("span", { class: "brand" }, `邻里管家 · ${session.community?.name ?? ""}`);
  const who = el("span", { class: "who" }, `${session.name}${session.admin ? " (管理员)" : ""}`);
  const out = el("button", { class: "link", type: "button" }, "退出");
  out.addEventListener("click", async () => {
    await api("/session", { method: "DELETE" }).catch(() => {});
    location.href = "/console/login";
  });
  const nav = el("nav", { "aria-label": "栏目" });
  for (const [page, label] of pages) {
    const a = el("a", { href: `/console/${page}` }, label);
    if (page === current) a.setAttribute("aria-current", "page");
    nav.append(a);
  }
  bar.append(brand, el("span", { class: "account" }, who, out), nav);
  document.body.prepend(bar);
  return session;
}

/** Creates an element; text children are set as text, never as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Shows a message at the top of `main` (error or ok) for a few seconds. */
export function notify(text, kind = "ok") {
  const main = document.querySelector("main");
  const box = el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  main.prepend(box);
  setTimeout(() => box.remove(), kind === "error" ? 10000 : 5000);
}

/** Runs an action from a button: disables it meanwhile and shows the outcome in plain words. */
export async function act(button, work, done) {
  button.disabled = true;
  try {
    const result = await work();
    if (done) notify(typeof done === "function" ? done(result) : done);
    return result;
  } catch (err) {
    notify(err.message ?? String(err), "error");
    return undefined;
  } finally {
    button.disabled = false;
  }
}

const chinaTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** An ISO time as China time, e.g. 2026/12/06 16:30. */
export function formatTime(iso) {
  return iso ? chinaTime.format(new Date(iso)) : "";
}

export function query(name) {
  return new URLSearchParams(location.search).get(name);
}
