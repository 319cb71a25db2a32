// A Content-Security-Policy for the one-file page: only its own inline script and
// style may run, and it may talk only to this server. Escaping chat text is the
// first defence; this is the second, in case a slip lets markup through.
import { createHash } from "node:crypto";

function hashesOf(html: string, tag: "script" | "style"): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g");
  return [...html.matchAll(pattern)].map(
    (m) =>
      `'sha256-${createHash("sha256")
        .update(m[1] ?? "")
        .digest("base64")}'`,
  );
}

export function contentSecurityPolicy(html: string, frameAncestors = "'none'", ...extra: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${hashesOf(html, "script").join(" ") || "'none'"}`,
    `style-src ${hashesOf(html, "style").join(" ") || "'none'"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
    ...extra,
  ].join("; ");
}
