// The knowledge base in the console over the real path: entries changed on the page change what
// the bot answers residents in WeChat (gRPC mock) at once; an import with a problem names the file
// and line exactly as `linli kb lint` does and changes nothing; an export imports back unchanged.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKbProblem, loadKb } from "../../../src/faq/load-kb.js";
import { useConsole } from "../../helpers/console-harness.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";

const services = `- id: elder-canteen
  title: 长者食堂开饭时间
  questions:
    - 长者食堂几点开饭
    - 老年食堂什么时候吃饭
  answer: 长者食堂每天11:00开午饭, 17:00开晚饭, 在社区服务站一楼。
  tags: [助餐]
- id: residence-proof
  title: 开居住证明
  questions:
    - 居住证明怎么开
  answer: 带身份证和户口本到社区服务站二楼窗口办理, 当场可取。
  tags: [证明, 办事]
`;

const activities = `- id: taichi-class
  title: 太极拳教学
  questions:
    - 哪里可以学太极拳
  answer: |-
    每周六早上在中心广场教太极拳。
    不用报名, 带水就行。
  schedule:
    - name: 太极拳教学
      when: 每周六 7:00-8:00
      place: 中心广场
  not: [太极剑]
`;

const canteenEntry = {
  id: "elder-canteen",
  title: "长者食堂开饭时间",
  questions: ["长者食堂几点开饭", "老年食堂什么时候吃饭"],
  answer: "长者食堂每天11:30开午饭, 17:30开晚饭, 在社区服务站一楼。",
  tags: ["助餐"],
  extra: "",
};

describe("knowledge base in the console", () => {
  const c = useConsole();

  /** A resident asks in the residents' group; resolves with the bot's next line there. */
  async function ask(question: string): Promise<string> {
    const before = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    await c.server.say("zhang", "residents", question, { mentionBot: true });
    const said = await waitFor(
      () => c.server.botSaid({ roomTopic: testRooms.residents })[before],
      `the bot's answer to ${question}`,
    );
    return said.text;
  }

  it("an entry edited on the page changes what the bot answers in WeChat at once", async () => {
    const staff = await c.signIn();
    const imported = await staff.call("POST", "/api/kb/import", { files: [{ name: "services.yaml", text: services }] });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 2, updated: 0, total: 2 });

    expect(await ask("长者食堂几点开饭")).toContain("11:00开午饭");

    const edited = await staff.call("PUT", "/api/kb/entries/elder-canteen", canteenEntry);
    expect(edited.status).toBe(200);
    expect(await ask("长者食堂几点开饭")).toContain("11:30开午饭");

    // The page lists it with the questions that matched it, phone numbers masked.
    expect(await ask("长者食堂几点开饭? 我电话13800000000")).toContain("11:30开午饭");
    const shown = await staff.call("GET", "/api/kb/entries/elder-canteen");
    expect(shown.status).toBe(200);
    expect(shown.body.entry.answer).toBe(canteenEntry.answer);
    const questions = shown.body.matches.map((m: { question: string }) => m.question);
    expect(questions).toContain("长者食堂几点开饭");
    expect(questions).toContain("长者食堂几点开饭? 我电话[电话]");
    expect(questions.join("\n")).not.toContain("13800000000");
    const list = await staff.call("GET", "/api/kb/entries");
    expect(list.body.entries.find((e: { id: string }) => e.id === "elder-canteen").matches).toBeGreaterThanOrEqual(2);
    const recent = await staff.call("GET", "/api/kb/matches");
    expect(recent.body.matches[0]).toMatchObject({ entryId: "elder-canteen", title: "长者食堂开饭时间" });

    // Renamed and then deleted: the bot no longer answers from it and hands the question over.
    const renamed = await staff.call("PUT", "/api/kb/entries/elder-canteen", { ...canteenEntry, id: "canteen-hours" });
    expect(renamed.status).toBe(200);
    const ids = (await staff.call("GET", "/api/kb/entries")).body.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual(["canteen-hours", "residence-proof"]);
    // The questions residents asked of it are kept under its new id.
    const kept = (await staff.call("GET", "/api/kb/entries/canteen-hours")).body.matches;
    expect(kept.map((m: { question: string }) => m.question)).toContain("长者食堂几点开饭");
    expect((await staff.call("DELETE", "/api/kb/entries/canteen-hours")).status).toBe(200);
    expect(await ask("长者食堂几点开饭")).not.toContain("开午饭");

    const audit = await c.bot.database.db.auditLog.findMany({ where: { action: { startsWith: "console:kb:" } } });
    expect(audit.map((a) => a.action)).toEqual([
      "console:kb:import",
      "console:kb:update",
      "console:kb:update",
      "console:kb:delete",
    ]);
    expect(audit.every((a) => a.actorName === "赵书记")).toBe(true);
  });

  it("a new entry is checked like a YAML file: bad id, missing answer, bad schedule, taken id", async () => {
    const staff = await c.signIn();
    const bad = await staff.call("POST", "/api/kb/entries", { ...canteenEntry, id: "Canteen Hours", answer: " " });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual(["id “Canteen Hours” 格式不对: 只能用小写字母、数字和 -", "answer 是空的"]);
    const schedule = await staff.call("POST", "/api/kb/entries", { ...canteenEntry, extra: "schedule: 有空再说" });
    expect(schedule.status).toBe(400);
    expect(schedule.body.message).toBe("条目有 1 处问题, 没有保存:");
    expect(schedule.body.problems[0]).toContain("schedule 的时间 “有空再说” 看不懂");
    const clash = await staff.call("POST", "/api/kb/entries", { ...canteenEntry, extra: "answer: 另一个" });
    expect(clash.status).toBe(400);
    const shape = await staff.call("POST", "/api/kb/entries", { id: "x", questions: "not a list" });
    expect(shape.status).toBe(400);
    expect(shape.body.message).toContain("条目内容不完整");

    const made = await staff.call("POST", "/api/kb/entries", { ...canteenEntry, extra: "not:\n  - 包桌\n" });
    expect(made.status).toBe(201);
    expect(made.body.entry.extra).toEqual({ not: ["包桌"] });
    expect(await ask("老年食堂什么时候吃饭")).toContain("11:30开午饭");
    const again = await staff.call("POST", "/api/kb/entries", canteenEntry);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("已有条目叫 elder-canteen");
    expect((await staff.call("PUT", "/api/kb/entries/no-such", canteenEntry)).status).toBe(404);
    expect((await staff.call("DELETE", "/api/kb/entries/no-such")).status).toBe(404);
  });

  it("an import with a problem names the file and line as `linli kb lint` does, and changes nothing", async () => {
    const staff = await c.signIn();
    await staff.call("POST", "/api/kb/import", { files: [{ name: "services.yaml", text: services }] });
    const broken = activities.replace("  answer: |-\n", "  answr: |-\n");
    const changed = services.replace("11:00开午饭", "10:00开午饭");
    const files = [
      { name: "services.yaml", text: changed },
      { name: "activities.yaml", text: broken },
    ];

    // What `linli kb lint` prints for the same files in a folder.
    const dir = mkdtempSync(join(tmpdir(), "linli-kb-lint-"));
    for (const f of files) writeFileSync(join(dir, f.name), f.text);
    const lint = loadKb(dir).problems.map(formatKbProblem);
    rmSync(dir, { recursive: true, force: true });
    expect(lint.length).toBeGreaterThan(0);

    for (const check of [true, false]) {
      const refused = await staff.call("POST", "/api/kb/import", { files, check });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain("未导入任何条目");
      expect(refused.body.problems.map((p: { text: string }) => p.text)).toEqual(lint);
      expect(refused.body.problems[0]).toMatchObject({ file: "activities.yaml", line: 1, entryId: "taichi-class" });
    }
    expect(lint[0]).toBe("activities.yaml 第1行: 条目 taichi-class: 缺少 answer");
    expect(await ask("长者食堂几点开饭")).toContain("11:00开午饭");
    expect((await staff.call("GET", "/api/kb/entries")).body.total).toBe(2);

    const yamlError = await staff.call("POST", "/api/kb/import", {
      files: [{ name: "", text: "- id: a\n  title: [unclosed\n" }],
    });
    expect(yamlError.status).toBe(400);
    expect(yamlError.body.problems[0].text).toMatch(/^粘贴的内容\.yaml 第\d+行: YAML 格式错误/);
    const empty = await staff.call("POST", "/api/kb/import", { files: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("请选择知识库文件");
  });

  it("export then import gives back the same entries, and the file passes `linli kb lint`", async () => {
    const staff = await c.signIn();
    await staff.call("POST", "/api/kb/import", {
      files: [
        { name: "services.yaml", text: services },
        { name: "activities.yaml", text: activities },
      ],
    });
    const before = (await staff.call("GET", "/api/kb/entries")).body.entries;
    expect(before).toHaveLength(3);

    const exported = await staff.call("GET", "/api/kb/export");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("yaml");
    expect(exported.headers.get("content-disposition")).toMatch(/attachment; filename="kb-\d{4}-\d{2}-\d{2}\.yaml"/);
    const yaml = exported.body as string;
    expect(yaml).toContain("每周六 7:00-8:00");

    const dir = mkdtempSync(join(tmpdir(), "linli-kb-export-"));
    writeFileSync(join(dir, "kb.yaml"), yaml);
    const fromDisk = loadKb(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(fromDisk.problems).toEqual([]);

    for (const e of before) expect((await staff.call("DELETE", `/api/kb/entries/${e.id}`)).status).toBe(200);
    expect((await staff.call("GET", "/api/kb/entries")).body.total).toBe(0);
    const back = await staff.call("POST", "/api/kb/import", { files: [{ name: "kb.yaml", text: yaml }] });
    expect(back.body).toMatchObject({ created: 3, updated: 0, total: 3 });
    const after = (await staff.call("GET", "/api/kb/entries")).body.entries;
    expect(after).toEqual(before);
    expect(fromDisk.entries).toEqual(before.map(({ extraYaml, matches, ...entry }: Record<string, unknown>) => entry));
    expect(await ask("哪里可以学太极拳")).toContain("中心广场");
  });

  it("a words.yaml imported with the entries is checked like one in the folder and exports back", async () => {
    const staff = await c.signIn();
    const badWords = await staff.call("POST", "/api/kb/import", {
      files: [
        { name: "services.yaml", text: services },
        { name: "words.yaml", text: "synonyms:\n  长者食堂: [老饭堂]\nslang:\n  - 饭点\n" },
      ],
    });
    expect(badWords.status).toBe(400);
    expect(badWords.body.problems.map((p: { text: string }) => p.text)).toEqual([
      "words.yaml 第3行: 不认识的类别 “slang”: 只能是 synonyms, related, dialect, typos, words",
    ]);
    const onlyWords = await staff.call("POST", "/api/kb/import", {
      files: [{ name: "words.yaml", text: "words:\n  - 春晖里\n" }],
    });
    expect(onlyWords.status).toBe(400);
    expect(onlyWords.body.problems[0].text).toContain("没有条目文件");

    const words = "synonyms:\n  长者食堂:\n    - 老饭堂\nwords:\n  - 春晖里\n";
    const ok = await staff.call("POST", "/api/kb/import", {
      files: [
        { name: "services.yaml", text: services },
        { name: "words.yaml", text: words },
      ],
    });
    expect(ok.status).toBe(200);
    const exported = await staff.call("GET", "/api/kb/export?file=words");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="words.yaml"');
    expect((exported.body as string).replace(/^#.*\n/gm, "")).toBe(words);
  });

  it("search finds entries by words of their title, questions, answer and tags", async () => {
    const staff = await c.signIn();
    await staff.call("POST", "/api/kb/import", { files: [{ name: "services.yaml", text: services }] });
    const ids = async (q: string) =>
      (await staff.call("GET", `/api/kb/entries?q=${encodeURIComponent(q)}`)).body.entries.map(
        (e: { id: string }) => e.id,
      );
    expect(await ids("户口本")).toEqual(["residence-proof"]);
    expect(await ids("助餐")).toEqual(["elder-canteen"]);
    expect(await ids("社区服务站 一楼")).toEqual(["elder-canteen"]);
    expect(await ids("游泳")).toEqual([]);
    const tried = await staff.call("GET", `/api/kb/ask?q=${encodeURIComponent("居住证明怎么开")}`);
    expect(tried.body).toMatchObject({ confident: true, entryId: "residence-proof" });
    expect((await staff.call("GET", "/api/kb/ask?q=")).status).toBe(400);
  });

  it("nobody without a session reads or changes the knowledge base; a change needs the CSRF token", async () => {
    expect(await c.codeFor("zhang")).toBeNull(); // a resident gets no code, so no session
    const read = await c.anonymous("GET", "/api/kb/entries");
    expect(read.status).toBe(401);
    const exported = await c.anonymous("GET", "/api/kb/export");
    expect(exported.status).toBe(401);
    const write = await c.anonymous("POST", "/api/kb/import", { files: [{ name: "a.yaml", text: services }] });
    expect(write.status).toBe(401);

    const staff = await c.signIn();
    const forged = await staff.call(
      "POST",
      "/api/kb/import",
      { files: [{ name: "a.yaml", text: services }] },
      {
        csrf: false,
      },
    );
    expect(forged.status).toBe(403);
    const forgedDelete = await staff.call("DELETE", "/api/kb/entries/elder-canteen", undefined, { csrf: false });
    expect(forgedDelete.status).toBe(403);
    expect((await staff.call("GET", "/api/kb/entries")).body.total).toBe(0);
  });
});
