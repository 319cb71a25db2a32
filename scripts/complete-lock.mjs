// The npm registry reachable here mirrors only this platform's builds of packages with
// native binaries (rollup, swc, jieba…), so `npm install` leaves the other platforms'
// optional packages out of package-lock.json, and `npm ci` then refuses the lock file as
// out of sync. This adds those optional entries, marked with their os/cpu, so `npm ci`
// accepts the lock and skips them on this platform. Run after changing dependencies.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
const osNames = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const cpuNames = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mipsel"];
let added = 0;

for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const parentDir = path ? `${path}/node_modules/` : "node_modules/";
    if (pkgs[`${parentDir}${name}`] || pkgs[`node_modules/${name}`]) continue;
    const tail = name.split("/").pop();
    const parts = tail.split("-");
    const entry = { version: String(version).replace(/^[\^~]/, ""), optional: true };
    const os = osNames.find((o) => parts.includes(o));
    const cpu = cpuNames.find((c) => parts.includes(c));
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (parts.includes("musl")) entry.libc = ["musl"];
    else if (parts.includes("gnu") || parts.includes("gnueabihf")) entry.libc = ["glibc"];
    pkgs[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.error(`complete-lock: added ${added} optional platform entries`);
