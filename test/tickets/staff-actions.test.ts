// What staff do to a ticket from the console, as the chat path does it: reopen, a note, merge,
// assign and reassign, 延期 and close, each by a console actor (the staff member's WeChat id),
// recorded on the timeline with who did it, and the resident and volunteers told in WeChat.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLinliError } from "../../src/core/errors.js";
import { ticketReplies } from "../../src/tickets/ticket-replies.js";
import { chen, china, consoleStaff, li, liu, type StaffWorld, staffWorld, wang, zhang } from "./staff-world.js";

let w: StaffWorld;
beforeEach(async () => {
  w = await staffWorld();
});
afterEach(async () => {
  await w.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => (isLinliError(e) ? { code: e.code, say: e.details.say } : e),
  );
const lastEntry = async (id: number) => (await w.tickets.timeline(id)).entries.at(-1)!;

describe("reopening a ticket", () => {
  it("opens a rated ticket again: the resident, the volunteer who had it and the volunteers' room are told", async () => {
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.tickets.complete(t.id, liu, "换了灯泡", "m-done");
    await w.tickets.rate(zhang, 5, t.id, "m-rate");
    await w.sentSince();

    const open = await w.tickets.reopen(t.id, consoleStaff, "居民来电说灯又不亮了", "web-1");
    expect(open).toMatchObject({ status: "open", volunteerId: null, rating: null, ratingLabel: null, closedAt: null });
    const sent = await w.sentSince();
    expect(sent).toEqual(
      expect.arrayContaining([
        { to: zhang.roomId, mentions: [zhang.id], text: expect.stringContaining(`#${t.id} 社区重新打开了这件事`) },
        { to: liu.id, mentions: [], text: expect.stringContaining("原因: 居民来电说灯又不亮了") },
        { to: "vol-room", mentions: [], text: expect.stringContaining(`回复「认领 ${t.id}」接单`) },
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(await lastEntry(t.id)).toMatchObject({ type: "reopened", actor: consoleStaff });

    // The same request again changes and sends nothing.
    expect(await failure(w.tickets.reopen(t.id, consoleStaff, "居民来电说灯又不亮了", "web-1"))).toMatchObject({
      code: "bad_state",
      say: `#${t.id} 还在办理中, 不用重新打开。`,
    });
    expect(await w.sentSince()).toEqual([]);

    // It runs its course again and gets a new rating.
    await w.tickets.claim(t.id, chen, "m-claim-2");
    await w.tickets.complete(t.id, chen, "换了开关", "m-done-2");
    const closed = await w.tickets.rate(zhang, 4, null, "m-rate-2");
    expect(closed).toMatchObject({ id: t.id, status: "closed", rating: 4, volunteerName: "陈师傅" });
  });

  it("opens a ticket waiting for its rating, which then waits for none", async () => {
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.tickets.complete(t.id, liu, "换了灯泡", "m-done");
    await w.tickets.reopen(t.id, consoleStaff, "", "web-1");
    expect(await w.tickets.awaitingRating(zhang.id, null)).toBeNull();
    expect((await lastEntry(t.id)).text).toBe("赵书记 重新打开");
  });

  it("sends a report linked to another ticket to that ticket instead", async () => {
    const first = await w.report(zhang, "3号楼停水了");
    const second = await w.report(li, "我家也没水了, 一点都没有");
    await w.tickets.mergeByHand(first.id, second.id, consoleStaff, "web-merge");
    expect(await failure(w.tickets.reopen(second.id, consoleStaff, "", "web-1"))).toMatchObject({
      code: "bad_state",
      say: expect.stringContaining(`请重新打开 #${first.id}`),
    });
  });
});

describe("拆分 after a merge", () => {
  it("a report a volunteer held before it was merged starts unclaimed when split off again", async () => {
    const first = await w.report(zhang, "3号楼停水了");
    const second = await w.report(li, "我家也没水了, 一点都没有");
    await w.tickets.claim(second.id, chen, "m-claim");
    await w.tickets.mergeByHand(first.id, second.id, consoleStaff, "web-merge");
    const { ticket } = await w.tickets.split(second.id, consoleStaff, "web-split");
    expect(ticket).toMatchObject({ status: "open", volunteerId: null, volunteerName: null, claimedAt: null });
    // Anyone may claim it afresh.
    expect(await w.tickets.claim(second.id, liu, "m-claim-2")).toMatchObject({
      status: "claimed",
      volunteerName: "刘志强",
    });
  });
});

describe("a staff note", () => {
  it("goes on the timeline with who wrote it and reaches nobody", async () => {
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.sentSince();
    const note = await w.tickets.addNote(t.id, consoleStaff, "  居民白天不在家, 晚上七点后上门  ");
    expect(note).toMatchObject({ type: "noted", actorId: consoleStaff.id, note: "居民白天不在家, 晚上七点后上门" });
    expect(await w.sentSince()).toEqual([]);
    expect(await lastEntry(t.id)).toMatchObject({ internal: true, actor: consoleStaff });
    expect(await failure(w.tickets.addNote(t.id, consoleStaff, "   "))).toMatchObject({
      code: "bad_input",
      say: "备注不能为空。",
    });
    expect(await failure(w.tickets.addNote(9999, consoleStaff, "x"))).toMatchObject({ code: "ticket_not_found" });
  });
});

describe("the chat path's actions, by a console actor", () => {
  it("merges a report into another: its resident told, both timelines say who, finishing tells both", async () => {
    const first = await w.report(zhang, "3号楼停水了");
    const second = await w.report(li, "我家也没水了, 一点都没有");
    await w.sentSince();
    await w.tickets.mergeByHand(first.id, second.id, consoleStaff, "web-merge");
    const sent = await w.sentSince();
    expect(sent.find((m) => m.to === li.roomId)?.text).toContain(`已合并到 #${first.id}`);
    expect(sent.find((m) => m.to === "vol-room")?.text).toContain("一共 2 位居民反映");
    expect(await lastEntry(second.id)).toMatchObject({ text: `赵书记 并入 #${first.id}`, actor: consoleStaff });
    const into = await w.tickets.timeline(first.id);
    expect(into.entries.at(-1)!.text).toBe(`又有居民反映同一件事: #${second.id} 已并入本单`);
    expect(into.linked.map((t) => t.id)).toEqual([second.id]);

    await w.tickets.claim(first.id, liu, "m-claim");
    await w.tickets.complete(first.id, liu, "阀门修好了", "m-done");
    const told = (await w.sentSince()).filter((m) => m.text.includes("满意"));
    expect(told.map((m) => m.mentions[0])).toEqual(expect.arrayContaining([zhang.id, li.id]));
  });

  it("assigns, reassigns, moves the limit and closes, each told as in chat and recorded with who", async () => {
    const t = await w.report(wang, "楼下垃圾两天没人收", { category: "sanitation", building: "5" });
    await w.sentSince();

    await w.tickets.assign(t.id, liu, consoleStaff, "web-assign-1");
    let sent = await w.sentSince();
    expect(sent.find((m) => m.to === liu.id)?.text).toContain(`赵书记请您处理 #${t.id}`);
    expect(sent.find((m) => m.to === wang.roomId)?.text).toContain("志愿者 刘志强 会来帮您");
    expect(sent.find((m) => m.to === "vol-room")?.text).toBe(`#${t.id} 已由 刘志强 认领, 谢谢!`);

    const again = await w.tickets.assign(t.id, chen, consoleStaff, "web-assign-2");
    expect(again).toMatchObject({ status: "claimed", volunteerId: chen.id });
    sent = await w.sentSince();
    expect(sent.find((m) => m.to === chen.id)?.text).toContain(`赵书记请您处理 #${t.id}`);
    expect(sent.find((m) => m.to === liu.id)?.text).toContain("改派给 陈师傅, 您不用再跑了");
    expect(sent.find((m) => m.to === wang.roomId)?.text).toContain("志愿者 陈师傅 会来帮您");
    expect(await lastEntry(t.id)).toMatchObject({ text: "赵书记 指派给 陈师傅 (原 刘志强)", actor: consoleStaff });

    await w.followUp.extend(t.id, consoleStaff, "等环卫车", china(24, 17), "web-extend");
    expect((await w.sentSince()).find((m) => m.to === wang.roomId)?.text).toContain("因为等环卫车, 需要多一点时间");
    expect(await lastEntry(t.id)).toMatchObject({ type: "extended", actor: consoleStaff });

    await w.tickets.close(t.id, consoleStaff, "已电话沟通解决", "web-close");
    expect((await w.sentSince()).find((m) => m.to === wang.roomId)?.text).toBe(
      `#${t.id} 已由社区办结: 已电话沟通解决。有问题随时再说。`,
    );
    expect(await lastEntry(t.id)).toMatchObject({ text: "赵书记 关闭: 已电话沟通解决", actor: consoleStaff });
  });
});

describe("closing a ticket a volunteer holds", () => {
  const phone = "13900000001";

  it("tells the volunteer privately, once, that they need not go, without the resident's phone", async () => {
    const t = await w.report(zhang, `3号楼楼道灯不亮, 电话${phone}`);
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.sentSince();

    await w.tickets.close(t.id, consoleStaff, "物业已经修好了", "web-close");
    const sent = await w.sentSince();
    const toLiu = sent.filter((m) => m.to === liu.id);
    expect(toLiu).toEqual([
      {
        to: liu.id,
        mentions: [],
        text: `#${t.id} (3号楼楼道灯不亮) 已由社区工作人员关闭, 原因: 物业已经修好了。您不用再去处理了, 辛苦您了!`,
      },
    ]);
    expect(toLiu[0]!.text).not.toContain(phone);
    // The resident hears as before; nobody else.
    expect(sent.map((m) => m.to).sort()).toEqual([liu.id, zhang.roomId].sort());

    // The same close again (a retried request, a re-handled message) sends nothing more.
    expect(await failure(w.tickets.close(t.id, consoleStaff, "物业已经修好了", "web-close"))).toMatchObject({
      code: "bad_state",
    });
    expect(await w.sentSince()).toEqual([]);
  });

  it("tells nobody but the resident when no volunteer holds it, or the volunteer already finished", async () => {
    const waiting = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    const finished = await w.report(wang, "楼下垃圾两天没人收", { category: "sanitation", building: "5" });
    await w.tickets.claim(finished.id, liu, "m-claim");
    await w.tickets.complete(finished.id, liu, "已清运", "m-done");
    await w.sentSince();

    const closedWaiting = await w.tickets.close(waiting.id, consoleStaff, "居民已自行解决", "web-close-1");
    const closedFinished = await w.tickets.close(finished.id, consoleStaff, "居民电话说好了", "web-close-2");
    const sent = await w.sentSince();
    expect(sent.map((m) => m.to)).toEqual([zhang.roomId, wang.roomId]);
    // Staff are not told of a volunteer who was not told.
    expect(ticketReplies.closedForStaff(closedWaiting)).toBe(`#${waiting.id} 已关闭。`);
    expect(ticketReplies.closedForStaff(closedFinished)).toBe(`#${finished.id} 已关闭。`);
  });

  it("tells the volunteer of a ticket closed as the same as another (和#N是一件事)", async () => {
    const first = await w.report(zhang, "3号楼停水了");
    const second = await w.report(li, "我家也没水了, 一点都没有");
    await w.tickets.claim(second.id, chen, "m-claim");
    await w.sentSince();

    const closed = await w.tickets.close(second.id, consoleStaff, `和#${first.id}是一件事`, "m-close");
    expect(ticketReplies.closedForStaff(closed)).toContain("已私信告诉志愿者 陈师傅 不用再去了");
    const toChen = (await w.sentSince()).filter((m) => m.to === chen.id);
    expect(toChen).toHaveLength(1);
    expect(toChen[0]!.text).toContain(`#${second.id} (3号楼 我家也没水了, 一点都没有) 已由社区工作人员关闭`);
  });
});
