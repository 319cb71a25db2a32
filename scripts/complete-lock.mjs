// The npm registry reachable here mirrors only this platform's builds of packages with
// native binaries (rollup, swc, jieba…), so `npm install` leaves the other platforms'
// optional packages out of package-lock.json, and `npm ci` then refuses the lock file as
// out of sync. This adds those optional entries, marked with their os/cpu, so `npm ci`
// accepts the lock and skips them on this platform. Run after changing dependencies.
//
// The entries are written exactly as npm itself writes them (keys after `version` in
// alphabetical order, `dev`/`peer` inherited from the package that wants them, packages
// sorted by npm's locale order), so a later `npm install` on a fresh clone finds nothing
// to change and leaves the clone clean.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
const osNames = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const cpuNames = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mipsel"];
let added = 0;

for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const parentDir = path ? `${path}/node_modules/` : "node_modules/";
    const existing = pkgs[`${parentDir}${name}`] ?? pkgs[`node_modules/${name}`];
    // Entries from the registry carry an integrity; only the ones this script wrote are redone.
    if (existing?.integrity) continue;
    const tail = name.split("/").pop();
    const parts = tail.split("-");
    const os = osNames.find((o) => parts.includes(o));
    const cpu = cpuNames.find((c) => parts.includes(c));
    const libc = parts.includes("musl")
      ? "musl"
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? "glibc"
        : undefined;
    // npm's order: version first, then the other keys alphabetically.
    const entry = { version: String(version).replace(/^[\^~]/, "") };
    if (cpu) entry.cpu = [cpu];
    if (meta.dev) entry.dev = true;
    if (libc) entry.libc = [libc];
    entry.optional = true;
    if (os) entry.os = [os];
    if (meta.peer) entry.peer = true;
    if (!existing) added++;
    pkgs[`node_modules/${name}`] = entry;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"))),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.error(`complete-lock: added ${added} optional platform entries`);
