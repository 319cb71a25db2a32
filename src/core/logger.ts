import type { Logger } from "./types.js";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Phone numbers never reach a log line, whatever a caller passes in: mobiles with or without
// +86 and separators (138 0000 1234, 138-0000-1234), and landlines with an area code.
const mobilePattern = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d])/g;
const landlinePattern = /(?<![\d])0\d{2,3}-\d{7,8}(?![\d])/g;

export function redactPhones(text: string): string {
  return text
    .replace(mobilePattern, (m) => {
      const digits = m.replace(/\D/g, "").slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(7)}`;
    })
    .replace(landlinePattern, (m) => `${m.slice(0, m.indexOf("-") + 1)}****${m.slice(-2)}`);
}

// Tokens by their shape, for secrets the logger was not told about: webhook keys in URLs,
// bearer headers, OpenAI-style keys, puppet-service tokens.
const tokenPatterns: Array<[RegExp, string]> = [
  [/([?&](?:key|token|access_token|api_key|apikey)=)[^&\s"'\\]+/gi, "$1[redacted]"],
  [/(Bearer\s+)[\w.~+/=-]+/gi, "$1[redacted]"],
  [/\bsk-[\w-]{12,}/g, "[redacted]"],
  [/\b(?:puppet|insecure)_[\w-]{8,}/gi, "[redacted]"],
];

// Fields whose value is a person's name, a secret, or what someone wrote.
const nameKey =
  /^(?:name|user|userName|talkerName|residentName|askerName|actorName|authorName|volunteerName|contactName|nickname|displayName|alias)$/i;
const secretKey = /token|secret|password|apiKey|api_key|authorization|^key$/i;
const textKey = /^(?:text|body|content|question|answer|quoted|comment)$/i;

export interface RedactOptions {
  /** Exact values never to print (the puppet token, API keys, webhook keys from config). */
  secrets?: ReadonlyArray<string | undefined | null>;
}

/** Removes phones, tokens and personal names from log data; remembers names it has seen. */
export function createRedactor(options: RedactOptions = {}) {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 4);
  const names = new Set<string>();

  function redactString(text: string): string {
    let out = text;
    for (const s of secrets) out = out.split(s).join("[redacted]");
    for (const [pattern, replacement] of tokenPatterns) out = out.replace(pattern, replacement);
    for (const n of names) out = out.split(n).join("[name]");
    return redactPhones(out);
  }

  function redactValue(value: unknown, key: string | undefined, depth: number): unknown {
    if (key !== undefined && typeof value === "string") {
      if (secretKey.test(key)) return "[redacted]";
      if (nameKey.test(key)) {
        // Bounded: a long-running bot logs few names, but must not grow without end.
        if (value.trim().length >= 2 && names.size < 1000) names.add(value.trim());
        return "[name]";
      }
      if (textKey.test(key)) return `[text, ${[...value].length} chars]`;
    }
    if (typeof value === "string") return redactString(value);
    if (value instanceof Error) return redactString(value.stack ?? value.message);
    if (depth > 6 || value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => redactValue(v, key, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k, depth + 1)]));
  }

  return {
    line(fields: Record<string, unknown>): string {
      // Names first, so a name given in a field is also taken out of the message text.
      const data = redactValue(fields, undefined, 0) as Record<string, unknown>;
      return JSON.stringify(data, (_k, v: unknown) => (typeof v === "string" ? redactString(v) : v));
    },
  };
}

/** JSON-lines logger on standard error (standard output stays free for CLI results). */
export function createLogger(
  level: Level = "info",
  write: (line: string) => void = (l) => process.stderr.write(l),
  options: RedactOptions = {},
): Logger {
  const redactor = createRedactor(options);
  const log = (lvl: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    write(`${redactor.line({ t: new Date().toISOString(), level: lvl, msg, ...data })}\n`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
