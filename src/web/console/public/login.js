import { api, el, query } from "/console/assets/console.js";

const message = document.getElementById("message");
const show = (text) => message.replaceChildren(el("div", { class: "notice error" }, text));

function next() {
  const n = query("next");
  // Only a path on this site, never another address.
  return n?.startsWith("/console/") && !n.startsWith("//") ? n : "/console/tickets";
}

async function signIn(body, button) {
  button.disabled = true;
  try {
    await api("/login", { method: "POST", body });
    location.href = next();
  } catch (err) {
    show(err.message);
  } finally {
    button.disabled = false;
  }
}

const code = document.getElementById("code");
code.value = query("code") ?? "";
document.getElementById("code-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn({ code: code.value }, e.submitter ?? e.target.querySelector("button"));
});
document.getElementById("admin-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  signIn({ name: f.get("name"), password: f.get("password") }, e.submitter ?? e.target.querySelector("button"));
});
// Already signed in: straight on.
fetch("/api/signed-in", { credentials: "same-origin" })
  .then((r) => r.json())
  .then((state) => {
    if (state.signedIn) location.href = next();
  })
  .catch(() => {});
