// The knowledge base in the console: list and search entries, edit, add and delete one, import
// and export YAML, try a question, and see which questions matched each entry recently. Every
// check is the one `linli kb lint` makes (kb-yaml.ts, load-kb.ts); every change rebuilds the FAQ
// index at once (faq-service.ts), so the bot answers with it from the next message.
import { basename } from "node:path";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { isLinliError } from "../../../core/errors.js";
import type { KbEntry } from "../../../faq/kb-entry.js";
import { checkEntryForm, extraToYaml } from "../../../faq/kb-yaml.js";
import { KbInvalidError } from "../../../faq/lint-kb.js";
import { formatKbProblem, type KbProblem } from "../../../words/kb-problem.js";
import { jsonError } from "../../json-error.js";
import { type ConsoleEnv, readJson } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const recentDays = 30;
const dayMs = 86_400_000;

const text = (max: number) => z.string().max(max);
const entryForm = z.object({
  id: text(80),
  title: text(200),
  questions: z.array(text(300)).max(100),
  answer: text(4000),
  tags: z.array(text(40)).max(30),
  extra: text(8000).default(""),
});

const importBody = z.object({
  files: z
    .array(z.object({ name: text(120), text: text(1_000_000) }))
    .min(1)
    .max(50),
  /** Only check, change nothing (the 检查 button). */
  check: z.boolean().default(false),
});

function view(entry: KbEntry, matches = 0) {
  return { ...entry, extraYaml: extraToYaml(entry.extra), matches };
}

function problemView(p: KbProblem) {
  return {
    file: p.file ? basename(p.file) : null,
    line: p.line ?? null,
    entryId: p.entryId ?? null,
    message: p.message,
    /** Exactly as `linli kb lint` prints it. */
    text: formatKbProblem(p),
  };
}

/** A file name as staff gave it, kept to a plain .yaml name (the lint lines name it). */
function fileName(name: string, i: number): string {
  const base = basename(name.replace(/\\/g, "/")).trim();
  if (base === "") return i === 0 ? "粘贴的内容.yaml" : `粘贴的内容-${i + 1}.yaml`;
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`;
}

function contains(entry: KbEntry, words: string[]): boolean {
  const hay = [entry.id, entry.title, entry.answer, ...entry.questions, ...entry.tags].join("\n").toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function kbApi(s: ConsoleServices): Hono<ConsoleEnv> {
  const api = new Hono<ConsoleEnv>();
  const since = () => new Date(s.clock.now().getTime() - recentDays * dayMs);

  const readForm = async (c: Context<ConsoleEnv>) => {
    const body = await readJson(c);
    const parsed = body ? entryForm.safeParse(body) : null;
    if (!parsed?.success) return { error: jsonError(c, 400, "bad_input", "条目内容不完整或太长, 请检查后再保存。") };
    const checked = checkEntryForm(parsed.data);
    if (!checked.entry)
      return {
        error: jsonError(c, 400, "bad_entry", `条目有 ${checked.problems.length} 处问题, 没有保存:`, {
          problems: checked.problems,
        }),
      };
    return { entry: checked.entry };
  };

  api.get("/entries", async (c) => {
    const q = (c.req.query("q") ?? "").trim().toLowerCase().slice(0, 100);
    const words = q.split(/\s+/).filter(Boolean);
    const [entries, counts] = await Promise.all([s.faq.listEntries(), s.faq.matchCounts(since())]);
    const found = entries.filter((e) => contains(e, words));
    return c.json({
      total: entries.length,
      recentDays,
      entries: found.map((e) => view(e, counts.get(e.id) ?? 0)),
    });
  });

  api.get("/entries/:id", async (c) => {
    const id = c.req.param("id");
    const entry = (await s.faq.listEntries()).find((e) => e.id === id);
    if (!entry) return jsonError(c, 404, "not_found", `没有条目 ${id}, 可能已被删除。`);
    const matches = await s.faq.recentMatches({ entryId: id, limit: 20 });
    return c.json({
      entry: view(entry, matches.length),
      matches: matches.map((m) => ({ question: m.question, at: m.at.toISOString() })),
    });
  });

  api.post("/entries", bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const { entry, error } = await readForm(c);
    if (!entry) return error;
    try {
      await s.faq.saveEntry(c.get("staff"), entry);
    } catch (err) {
      if (isLinliError(err, "bad_state"))
        return jsonError(c, 409, "id_taken", `已有条目叫 ${entry.id}, 请换一个 id, 或去修改那一条。`);
      throw err;
    }
    await s.audit(c.get("staff"), "kb:create", { entryId: entry.id });
    return c.json({ entry: view(entry) }, 201);
  });

  api.put("/entries/:id", bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const id = c.req.param("id");
    const { entry, error } = await readForm(c);
    if (!entry) return error;
    try {
      await s.faq.saveEntry(c.get("staff"), entry, { replaces: id });
    } catch (err) {
      if (isLinliError(err, "not_found")) return jsonError(c, 404, "not_found", `没有条目 ${id}, 可能已被删除。`);
      if (isLinliError(err, "bad_state")) return jsonError(c, 409, "id_taken", `已有条目叫 ${entry.id}, 请换一个 id。`);
      throw err;
    }
    await s.audit(c.get("staff"), "kb:update", id === entry.id ? { entryId: id } : { entryId: entry.id, was: id });
    return c.json({ entry: view(entry) });
  });

  api.delete("/entries/:id", async (c) => {
    const id = c.req.param("id");
    if (!idPattern.test(id)) return jsonError(c, 400, "bad_input", "条目 id 不对。");
    try {
      await s.faq.deleteEntry(c.get("staff"), id);
    } catch (err) {
      if (isLinliError(err, "not_found")) return jsonError(c, 404, "not_found", `没有条目 ${id}, 可能已被删除。`);
      throw err;
    }
    await s.audit(c.get("staff"), "kb:delete", { entryId: id });
    return c.json({ ok: true });
  });

  api.post("/import", bodyLimit({ maxSize: 4 * 1024 * 1024 }), async (c) => {
    const body = await readJson(c);
    const parsed = body ? importBody.safeParse(body) : null;
    if (!parsed?.success)
      return jsonError(c, 400, "bad_input", "请选择知识库文件 (.yaml), 或把内容粘贴进来; 每个文件不超过 1 MB。");
    const files = parsed.data.files.map((f, i) => ({ file: fileName(f.name, i), text: f.text }));
    if (new Set(files.map((f) => f.file)).size !== files.length)
      return jsonError(c, 400, "bad_input", "有两个文件同名, 请改名后再导入。");
    const refuse = (problems: KbProblem[]) =>
      jsonError(c, 400, "kb_invalid", `知识库有 ${problems.length} 处问题, 未导入任何条目。请改好后再导入。`, {
        problems: problems.map(problemView),
      });
    if (parsed.data.check) {
      const { entries, problems } = s.faq.checkTexts(files);
      if (problems.length > 0) return refuse(problems);
      return c.json({ checked: true, total: entries.length });
    }
    try {
      const result = await s.faq.importTexts(c.get("staff"), files);
      await s.audit(c.get("staff"), "kb:import", {
        files: files.map((f) => f.file),
        created: result.created,
        updated: result.updated,
      });
      return c.json(result);
    } catch (err) {
      if (err instanceof KbInvalidError) return refuse(err.problems);
      throw err;
    }
  });

  api.get("/export", async (c) => {
    const now = s.clock.now();
    const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(now);
    const words = c.req.query("file") === "words";
    const what = words ? "词表 (words.yaml, 放在知识库文件夹里)" : "知识库";
    const header = `${s.config.community.name} ${what}, 导出于 ${day} (北京时间)。可用 “linli kb import” 或后台「导入」读回。`;
    const yaml = words ? await s.faq.exportWordsYaml(header) : await s.faq.exportYaml(header);
    // A words file must be named words.yaml to be read as words.
    const name = words ? "words.yaml" : `kb-${day}.yaml`;
    return c.body(yaml, 200, {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    });
  });

  api.get("/matches", async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 50) || 50, 1), 200);
    const [matches, entries] = await Promise.all([s.faq.recentMatches({ limit }), s.faq.listEntries()]);
    const titles = new Map(entries.map((e) => [e.id, e.title]));
    return c.json({
      matches: matches.map((m) => ({
        entryId: m.entryId,
        title: titles.get(m.entryId) ?? null,
        question: m.question,
        at: m.at.toISOString(),
      })),
    });
  });

  /** What the bot would answer now (nothing is sent, nothing is stored). */
  api.get("/ask", (c) => {
    const q = (c.req.query("q") ?? "").trim();
    if (q === "" || q.length > 300) return jsonError(c, 400, "bad_input", "请输入要试问的一句话 (300 字以内)。");
    const result = s.faq.ask(q);
    return c.json({
      confident: result.confident,
      entryId: result.entry?.id ?? null,
      title: result.entry?.title ?? null,
      answer: result.confident ? (result.answer ?? null) : null,
    });
  });

  return api;
}
