// The only place that reads process.env (the bot and every CLI command call loadConfig). Validated
// once at start into a frozen object; a wrong value fails with a message naming the key and how to fix it.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "应为 true 或 false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");
const int = (min: number, max: number) =>
  z.coerce.number({ message: "应为整数" }).int("应为整数").min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`);
const list = z.string().transform((v) =>
  v
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean),
);

const timeOfDay = z
  .string()
  .regex(/^(?:off|([01]?\d|2[0-3])[:：]([0-5]\d))$/, "应为 24 小时制时间, 例如 18:00, 或 off (不发)")
  .transform((v) => {
    const m = /^(\d{1,2})[:：](\d{2})$/.exec(v);
    return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
  });

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "应以 file: (SQLite 文件) 或 postgresql:// 开头")
    .default("file:./data/linli.db"),
  WECHATY_PUPPET: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: bool.optional(),
  LINLI_BOT_NAME: z.string().min(1).default("邻里管家"),
  LINLI_RESIDENT_ROOMS: list.default(""),
  LINLI_VOLUNTEER_ROOMS: list.default(""),
  LINLI_STAFF_ROOMS: list.default(""),
  LINLI_KB: z.string().optional(),
  LINLI_WEB_HOST: z.string().default("127.0.0.1"),
  LINLI_WEB_PORT: int(0, 65535).default(8788),
  LINLI_CONSOLE_URL: z
    .string()
    .url("应为后台的完整网址, 例如 https://linli.example.org")
    .regex(/^https?:\/\//, "应以 http:// 或 https:// 开头")
    .optional(),
  LINLI_CONSOLE_SESSION_HOURS: int(1, 24 * 30).default(12),
  LINLI_COMMUNITY_ID: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, "应为小写字母、数字或短横线, 例如 xingfuli")
    .default("main"),
  LINLI_COMMUNITY_NAME: z.string().min(1).max(40).default("本社区"),
  LINLI_SEND_INTERVAL_MS: int(0, 600_000).default(3000),
  LINLI_SEND_JITTER_MS: int(0, 600_000).default(2000),
  LINLI_OUTBOX_BACKLOG_ALERT: int(1, 1_000_000).default(40),
  LINLI_RATING_TIMEOUT_HOURS: int(1, 24 * 30).default(72),
  /** Deprecated: an alias for the claim limit of ordinary tickets, on the clock (use LINLI_FOLLOW_UP). */
  LINLI_OVERDUE_HOURS: int(1, 24 * 30).optional(),
  LINLI_FOLLOW_UP: z.string().optional(),
  LINLI_ON_DUTY: list.default(""),
  LINLI_MERGE_WINDOW_HOURS: int(0, 72).default(6),
  LINLI_CLAIMS_PER_HOUR: int(0, 1000).default(10),
  LINLI_FLOOD_TICKETS: int(0, 100).default(5),
  LINLI_FLOOD_WINDOW_SECONDS: int(1, 24 * 3600).default(60),
  LINLI_DUTY_PHONE: z
    .string()
    .regex(/^[0-9+][0-9\s()（）+-]{2,23}$/, "应为电话号码, 例如 010-12345678")
    .optional(),
  LINLI_FAQ_WITHOUT_MENTION: bool.default("true"),
  LINLI_BROADCAST_GRACE_MINUTES: int(0, 24 * 60).default(60),
  LINLI_DAILY_REPORT_AT: timeOfDay.default("18:00"),
  LINLI_WEEKLY_REPORT_AT: timeOfDay.default("08:30"),
  LINLI_WECOM_ROBOTS: z
    .string()
    .regex(
      /^\s*[^=,，:/?]+=[\w-]+\s*([,，]\s*[^=,，:/?]+=[\w-]+\s*)*$/,
      "应为 名称=key, 多个用逗号隔开, 例如 物业群机器人=0a1b2c3d-…; key 是机器人地址里 key= 后面的部分",
    )
    .transform(readRobots)
    .optional(),
  LINLI_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  OPENAI_BASE_URL: z.string().url("应为完整网址, 例如 http://127.0.0.1:8000/v1").optional(),
  OPENAI_API_KEY: z.string().optional(),
  LINLI_LLM_MODEL: z.string().optional(),
  LINLI_LLM_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  LINLI_LLM_TIMEOUT_MS: int(100, 120_000).default(8000),
});

/** `名称=key,名称=key` → { 名称: key }. */
function readRobots(v: string): Record<string, string> {
  const robots: Record<string, string> = {};
  for (const pair of v.split(/[,，]/)) {
    const [name, key] = pair.split("=").map((s) => s.trim());
    if (name && key) robots[name] = key;
  }
  return robots;
}

/** Values never echoed in an error message. */
const SECRET_KEYS = new Set(["WECHATY_PUPPET_SERVICE_TOKEN", "OPENAI_API_KEY", "LINLI_WECOM_ROBOTS"]);

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  databaseUrl: string;
  /** The puppet to use; undefined means the built-in demo on the mock puppet. */
  puppet: string | undefined;
  puppetService: { token: string; endpoint: string | undefined; noTlsInsecureClient: boolean } | undefined;
  botName: string;
  rooms: { resident: string[]; volunteer: string[]; staff: string[] };
  kbPath: string | undefined;
  web: { host: string; port: number };
  /**
   * The staff console: the address staff open (for sign-in links; LINLI_CONSOLE_URL, else the web
   * port on a host a browser can reach) and how long a session lasts.
   */
  console: { url: string; sessionHours: number };
  /** The one community this process serves; the console's queries are about it. */
  community: { id: string; name: string };
  outbox: { intervalMs: number; jitterMs: number; backlogAlert: number };
  tickets: {
    ratingTimeoutHours: number;
    mergeWindowHours: number;
    dutyPhone: string | undefined;
    claimsPerHour: number;
    /** A resident past `tickets` new tickets within `windowMs` has the next ones folded into the last (0: never). */
    flood: { tickets: number; windowMs: number };
  };
  /** Time limits file, staff on duty, and the deprecated LINLI_OVERDUE_HOURS. */
  followUp: { path: string | undefined; onDuty: string[]; overdueHours: number | undefined };
  faq: { answerWithoutMention: boolean };
  /** WeCom group robots staff may name as broadcast targets: name → key (never typed in chat). */
  broadcasts: { graceMinutes: number; robots: Readonly<Record<string, string>> };
  /** 日清 on working days (follow-up's calendar) and 周议 on Mondays at these China times (null: not sent). */
  reports: {
    dailyAt: { hour: number; minute: number } | null;
    weeklyAt: { hour: number; minute: number } | null;
  };
  logLevel: "debug" | "info" | "warn" | "error";
  llm: { baseURL: string; apiKey: string; model: string; threshold: number; timeoutMs: number } | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Readonly<Config> {
  // An empty value means "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      const shown = SECRET_KEYS.has(key) ? "(不显示, 含密钥)" : JSON.stringify(cleaned[key] ?? "");
      return `  ${i.path.join(".")}: ${i.message} (现在是 ${shown})`;
    });
    throw new ConfigError(`配置有误, 请修改 .env 或环境变量:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.WECHATY_PUPPET === "wechaty-puppet-service" && !c.WECHATY_PUPPET_SERVICE_TOKEN) {
    throw new ConfigError("配置有误: 使用 wechaty-puppet-service 时必须设置 WECHATY_PUPPET_SERVICE_TOKEN");
  }
  // Without an endpoint the client looks the token up on the internet, which a community
  // server may not reach; ask for it plainly instead of hanging.
  if (c.WECHATY_PUPPET === "wechaty-puppet-service" && !c.WECHATY_PUPPET_SERVICE_ENDPOINT) {
    throw new ConfigError(
      "配置有误: 使用 wechaty-puppet-service 时请设置 WECHATY_PUPPET_SERVICE_ENDPOINT (puppet 服务的 host:port, 由服务商提供)",
    );
  }
  const llmKeys = [c.OPENAI_BASE_URL, c.OPENAI_API_KEY, c.LINLI_LLM_MODEL];
  if (llmKeys.some(Boolean) && !llmKeys.every(Boolean)) {
    throw new ConfigError(
      "配置有误: 使用大模型需要同时设置 OPENAI_BASE_URL、OPENAI_API_KEY 和 LINLI_LLM_MODEL (不用则三者都留空)",
    );
  }
  return Object.freeze({
    databaseUrl: c.DATABASE_URL,
    puppet: c.WECHATY_PUPPET,
    puppetService: c.WECHATY_PUPPET_SERVICE_TOKEN
      ? {
          token: c.WECHATY_PUPPET_SERVICE_TOKEN,
          endpoint: c.WECHATY_PUPPET_SERVICE_ENDPOINT,
          noTlsInsecureClient: c.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT ?? false,
        }
      : undefined,
    botName: c.LINLI_BOT_NAME,
    rooms: { resident: c.LINLI_RESIDENT_ROOMS, volunteer: c.LINLI_VOLUNTEER_ROOMS, staff: c.LINLI_STAFF_ROOMS },
    kbPath: c.LINLI_KB,
    web: { host: c.LINLI_WEB_HOST, port: c.LINLI_WEB_PORT },
    console: {
      url: c.LINLI_CONSOLE_URL?.replace(/\/+$/, "") ?? `http://${reachableHost(c.LINLI_WEB_HOST)}:${c.LINLI_WEB_PORT}`,
      sessionHours: c.LINLI_CONSOLE_SESSION_HOURS,
    },
    community: { id: c.LINLI_COMMUNITY_ID, name: c.LINLI_COMMUNITY_NAME },
    outbox: {
      intervalMs: c.LINLI_SEND_INTERVAL_MS,
      jitterMs: c.LINLI_SEND_JITTER_MS,
      backlogAlert: c.LINLI_OUTBOX_BACKLOG_ALERT,
    },
    tickets: {
      ratingTimeoutHours: c.LINLI_RATING_TIMEOUT_HOURS,
      mergeWindowHours: c.LINLI_MERGE_WINDOW_HOURS,
      dutyPhone: c.LINLI_DUTY_PHONE,
      claimsPerHour: c.LINLI_CLAIMS_PER_HOUR,
      flood: { tickets: c.LINLI_FLOOD_TICKETS, windowMs: c.LINLI_FLOOD_WINDOW_SECONDS * 1000 },
    },
    followUp: { path: c.LINLI_FOLLOW_UP, onDuty: c.LINLI_ON_DUTY, overdueHours: c.LINLI_OVERDUE_HOURS },
    faq: { answerWithoutMention: c.LINLI_FAQ_WITHOUT_MENTION },
    reports: { dailyAt: c.LINLI_DAILY_REPORT_AT, weeklyAt: c.LINLI_WEEKLY_REPORT_AT },
    broadcasts: { graceMinutes: c.LINLI_BROADCAST_GRACE_MINUTES, robots: Object.freeze(c.LINLI_WECOM_ROBOTS ?? {}) },
    logLevel: c.LINLI_LOG_LEVEL,
    llm:
      c.OPENAI_BASE_URL && c.OPENAI_API_KEY && c.LINLI_LLM_MODEL
        ? {
            baseURL: c.OPENAI_BASE_URL,
            apiKey: c.OPENAI_API_KEY,
            model: c.LINLI_LLM_MODEL,
            threshold: c.LINLI_LLM_THRESHOLD,
            timeoutMs: c.LINLI_LLM_TIMEOUT_MS,
          }
        : undefined,
  });
}

/** A wildcard address is where to listen, not where a browser can go. */
export function reachableHost(host: string): string {
  const h = host === "" || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return h.includes(":") ? `[${h}]` : h;
}

/** Every key the config reads (kept in step with .env.example by a test). */
export const configKeys = Object.keys(schema.shape);
