// 转人工 in the console's API, over the real path: a resident's question the knowledge base cannot
// answer is handed over in WeChat (gRPC mock), staff list and answer it through /api/handovers, and
// the resident is told in WeChat exactly as when staff answer with 回复 N in chat.
import { describe, expect, it } from "vitest";
import { type ConsoleSetup, useConsole } from "../../helpers/console-harness.js";
import { type PersonKey, testRooms, waitFor } from "../../helpers/grpc-harness.js";
import { demoKbPath } from "../../helpers/knowledge-base.js";

const pigeons = "小区里能养鸽子吗";
const pool = "冬天的游泳馆给老人打折吗";

/** A resident asks the bot (in the residents' room, or privately) and the question reaches staff. */
async function ask(c: ConsoleSetup, person: PersonKey, text: string, room: "residents" | null = "residents") {
  const before = c.server.botSaid({ roomTopic: testRooms.staff }).length;
  await c.server.say(person, room, text, { mentionBot: room !== null });
  const post = await waitFor(
    () =>
      c.server
        .botSaid({ roomTopic: testRooms.staff })
        .slice(before)
        .find((s) => s.text.includes("【居民咨询") && s.text.includes(text)),
    `the hand-over of 「${text}」`,
  );
  return Number(/#(\d+)/.exec(post.text)?.[1]);
}

const toldInRoom = (c: ConsoleSetup, words: string) =>
  c.server.botSaid({ roomTopic: testRooms.residents }).filter((s) => s.text.includes(words));

describe("/api/handovers", () => {
  const c = useConsole({ env: { LINLI_KB: demoKbPath } });

  it("lists waiting and answered questions newest first, with counts, a filter and a search, and no WeChat ids", async () => {
    const first = await ask(c, "zhang", pigeons);
    const second = await ask(c, "li", pool, null);
    const staff = await c.signIn();

    const all = await staff.call("GET", "/api/handovers");
    expect(all.status).toBe(200);
    expect(all.body.items.map((h: { id: number }) => h.id)).toEqual([second, first]);
    expect(all.body.counts).toEqual({ waiting: 2, answered: 0 });
    expect(all.body.items[1]).toMatchObject({
      question: pigeons,
      askerName: "张秀英",
      where: testRooms.residents,
      status: "waiting",
      answer: null,
    });
    expect(all.body.items[0]).toMatchObject({ askerName: "李建国", where: "私聊", privateChat: true });
    expect(JSON.stringify(all.body)).not.toMatch(/askerId|roomId|messageId/);

    expect(
      (await staff.call("POST", `/api/handovers/${first}/answer`, { answer: "可以, 但请别在楼顶搭棚" })).status,
    ).toBe(200);
    const waiting = await staff.call("GET", "/api/handovers?status=waiting");
    expect(waiting.body.items.map((h: { id: number }) => h.id)).toEqual([second]);
    expect(waiting.body.counts).toEqual({ waiting: 1, answered: 1 });
    const answered = await staff.call("GET", "/api/handovers?status=answered");
    expect(answered.body.items).toHaveLength(1);
    expect(answered.body.items[0]).toMatchObject({ id: first, status: "answered", answeredBy: "赵书记" });

    const byWord = await staff.call("GET", `/api/handovers?q=${encodeURIComponent("游泳馆")}`);
    expect(byWord.body.items.map((h: { id: number }) => h.id)).toEqual([second]);
    const byName = await staff.call("GET", `/api/handovers?q=${encodeURIComponent("张秀英")}`);
    expect(byName.body.items.map((h: { id: number }) => h.id)).toEqual([first]);
    const byNumber = await staff.call("GET", `/api/handovers?q=${encodeURIComponent(`#${second}`)}`);
    expect(byNumber.body.items.map((h: { id: number }) => h.id)).toEqual([second]);
    const paged = await staff.call("GET", "/api/handovers?limit=1");
    expect(paged.body).toMatchObject({ more: true, items: [{ id: second }] });
    const next = await staff.call("GET", `/api/handovers?limit=1&before=${second}`);
    expect(next.body).toMatchObject({ more: false, items: [{ id: first }] });
    expect((await staff.call("GET", `/api/handovers/${second}`)).body.handover).toMatchObject({ question: pool });
  });

  it("an answer with the box ticked tells the resident in the room and saves it to the knowledge base; the next resident is answered at once", async () => {
    const id = await ask(c, "zhang", pigeons);
    const staff = await c.signIn();
    const answer = "小区里可以养鸽子, 请别在楼顶和楼道里搭鸽棚, 每天清扫";
    const done = await staff.call("POST", `/api/handovers/${id}/answer`, { answer: `  ${answer}  `, addToKb: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kbEntryId: `staff-answer-${id}`, created: true });
    expect(done.body.handover).toMatchObject({
      status: "answered",
      answer,
      answeredBy: "赵书记",
      kbEntryId: `staff-answer-${id}`,
    });

    const told = await waitFor(() => toldInRoom(c, "楼顶和楼道里搭鸽棚")[0], "the answer in the residents' room");
    // The same words as when staff answer with 回复 N in chat.
    expect(told.text).toContain(`您之前问的「${pigeons}」, 社区工作人员回复:`);
    expect(told.text).toContain("张秀英");

    const entry = await c.bot.app.db.kbEntry.findUniqueOrThrow({ where: { id: `staff-answer-${id}` } });
    expect(entry).toMatchObject({ title: "小区里能养鸽子吗", updatedBy: "赵书记" });
    const audit = await c.bot.app.db.auditLog.findMany({ where: { actorName: "赵书记" }, orderBy: { id: "asc" } });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["handover.answer", "kb.create", "console:handover:answer"]));
    const consoleEntry = audit.find((a) => a.action === "console:handover:answer");
    expect(JSON.parse(consoleEntry!.detail)).toEqual({ handoverId: id, kbEntryId: `staff-answer-${id}` });

    await c.server.say("li", "residents", "小区里可以养鸽子吗?", { mentionBot: true });
    const learned = await waitFor(
      () => toldInRoom(c, "搭鸽棚").find((s) => s.text.includes("李建国")),
      "the next resident answered from the knowledge base",
    );
    expect(learned.text).not.toContain("转给社区工作人员");

    // A second answer (another staff member's tab still open) is refused, and the resident is not told twice.
    const again = await staff.call("POST", `/api/handovers/${id}/answer`, { answer: "不可以养" });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`居民咨询 #${id} 已由 赵书记 答复过, 这次没有再转告居民。`);
    expect(again.body.handover).toMatchObject({ answer });
    await new Promise((r) => setTimeout(r, 500));
    await c.bot.app.outbox.idle();
    expect(toldInRoom(c, "不可以养")).toEqual([]);
    expect(toldInRoom(c, "楼顶和楼道里搭鸽棚").filter((s) => s.text.includes("张秀英"))).toHaveLength(1);
  });

  it("a question asked privately is answered privately; it can go into the knowledge base afterwards", async () => {
    const id = await ask(c, "li", pool, null);
    const staff = await c.signIn();
    const done = await staff.call("POST", `/api/handovers/${id}/answer`, { answer: "区游泳馆周二上午老人半价" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kbEntryId: null, handover: { kbEntryId: null } });
    await waitFor(
      () => c.server.botSaid({ toName: "李建国" }).find((s) => s.text.includes("区游泳馆周二上午老人半价")),
      "the private answer",
    );
    expect(c.server.botSaid({ roomTopic: testRooms.residents }).some((s) => s.text.includes("半价"))).toBe(false);
    expect(await c.bot.app.db.kbEntry.count({ where: { id: `staff-answer-${id}` } })).toBe(0);

    const saved = await staff.call("POST", `/api/handovers/${id}/kb`);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kbEntryId: `staff-answer-${id}`, created: true });
    expect(await c.bot.app.db.kbEntry.count({ where: { id: `staff-answer-${id}` } })).toBe(1);
    const audit = await c.bot.app.db.auditLog.findFirst({ where: { action: "console:handover:add-to-kb" } });
    expect(audit?.actorName).toBe("赵书记");
  });

  it("refuses without a session, to a resident, without the CSRF token and from another site; nobody is told", async () => {
    const id = await ask(c, "zhang", pigeons);
    // A resident cannot get a code, so has no session: the calls a page would make are refused.
    expect(await c.codeFor("zhang")).toBeNull();
    const list = await c.anonymous("GET", "/api/handovers");
    expect(list.status).toBe(401);
    expect(list.body.message).toBe("请先登录。");
    const residentTry = await c.anonymous("POST", `/api/handovers/${id}/answer`, { answer: "我来答: 不能养" });
    expect(residentTry.status).toBe(401);

    const staff = await c.signIn();
    const forged = await staff.call(
      "POST",
      `/api/handovers/${id}/answer`,
      { answer: "没有令牌的答复" },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain("刷新");
    // A form on another site posting with the staff member's cookie (and even a leaked token).
    const crossSite = await staff.call(
      "POST",
      `/api/handovers/${id}/answer`,
      { answer: "别的网站的答复" },
      { headers: { origin: "https://evil.example", "content-type": "text/plain" } },
    );
    expect(crossSite.status).toBe(403);
    const forgedKb = await staff.call("POST", `/api/handovers/${id}/kb`, undefined, { csrf: false });
    expect(forgedKb.status).toBe(403);

    const row = await c.bot.app.db.handover.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("open");
    await new Promise((r) => setTimeout(r, 500));
    await c.bot.app.outbox.idle();
    expect(toldInRoom(c, "社区工作人员回复")).toEqual([]);
    expect(c.server.botSaid({ toName: "张秀英" }).some((s) => s.text.includes("社区工作人员回复"))).toBe(false);
  });

  it("says in plain Chinese what is wrong with bad input, and changes nothing", async () => {
    const id = await ask(c, "zhang", pigeons);
    const staff = await c.signIn();
    const post = (body: unknown, path = `/api/handovers/${id}/answer`) => staff.call("POST", path, body);

    const cases: [unknown, string][] = [
      [{ answer: "   " }, "请写上给居民的答复。"],
      [{}, "请写上给居民的答复。"],
      [{ answer: 42 }, "请写上给居民的答复。"],
      [{ answer: "好".repeat(1001) }, "答复太长了 (最多 1000 字), 请精简一些, 或分两次说。"],
      [{ answer: "可以养", addToKb: "yes" }, "「同时加入知识库」的选择不对, 请刷新页面后再试。"],
      [["可以养"], "请求格式不对, 请刷新页面后再试。"],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ error: "bad_input", message });
    }
    const missing = await post({ answer: "可以养" }, "/api/handovers/999/answer");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("没有找到居民咨询 #999, 请核对编号。");
    expect((await post({ answer: "可以养" }, "/api/handovers/99999999999/answer")).status).toBe(404);
    expect((await post({ answer: "可以养" }, "/api/handovers/abc/answer")).status).toBe(404);
    const unanswered = await staff.call("POST", `/api/handovers/${id}/kb`);
    expect(unanswered.status).toBe(409);
    expect(unanswered.body.message).toBe(`居民咨询 #${id} 还没有答复, 请先写答复发给居民。`);

    const badStatus = await staff.call("GET", "/api/handovers?status=closed");
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toBe("筛选只能是「等待答复」「已答复」或「全部」。");
    const longSearch = await staff.call("GET", `/api/handovers?q=${encodeURIComponent("鸽".repeat(51))}`);
    expect(longSearch.body.message).toBe("搜索的字太多了, 最多 50 个字。");
    expect((await staff.call("GET", "/api/handovers?before=-3")).body.message).toBe("翻页的编号不对, 请刷新页面。");
    expect((await staff.call("GET", "/api/handovers?limit=500")).body.message).toBe("每页条数要在 1 到 100 之间。");

    expect((await c.bot.app.db.handover.findUniqueOrThrow({ where: { id } })).status).toBe("open");
    expect(await c.bot.app.db.auditLog.count({ where: { action: { startsWith: "console:handover" } } })).toBe(0);
  });
});
