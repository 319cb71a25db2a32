// What staff and residents see when they type broadcast and 好人好事 commands, on a real
// SQLite file: the reply, what is stored, and what is not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { broadcastCommands } from "../../src/broadcasts/broadcast-commands.js";
import type { DraftWriter } from "../../src/broadcasts/draft-writer.js";
import type { Role } from "../../src/core/types.js";
import type { Context } from "../../src/pipeline/context.js";
import { china, FakeClock, makeService, RESIDENT, ROOMS, STAFF, tempDbPath } from "./broadcast-fixture.js";

let tmp: ReturnType<typeof tempDbPath>;
let s: Awaited<ReturnType<typeof makeService>>;
let clock: FakeClock;

beforeEach(async () => {
  tmp = tempDbPath();
  clock = new FakeClock(china("2026-11-23 09:00")); // a Monday
  s = await makeService(tmp.path, clock);
});
afterEach(async () => {
  await s.close();
  tmp.cleanup();
});

type Where = keyof typeof ROOMS | null;

/** Sends `text` through the middleware; returns the replies and whether it passed on. */
async function say(text: string, who: "staff" | "resident", where: Where, drafts?: DraftWriter) {
  const replies: string[] = [];
  const person = who === "staff" ? STAFF : RESIDENT;
  const room = where ? s.rooms.get(ROOMS[where].id)! : null;
  const roles = new Set<Role>(who === "staff" ? ["resident", "staff"] : ["resident"]);
  const ctx = {
    message: { id: `m${Math.random()}`, roomId: room?.id ?? null, receivedAt: clock.now() },
    text,
    room,
    roles,
    actor: person,
    state: {},
    reply: async (t: string) => {
      replies.push(t);
    },
  } as unknown as Context;
  let passed = false;
  await broadcastCommands({ service: s.service, rooms: s.rooms, clock, drafts })(ctx, async () => {
    passed = true;
  });
  return { replies, passed, last: replies.at(-1) ?? "" };
}

describe("staff scheduling", () => {
  it("answers with the schedule in words and the next three runs, and records who did it", async () => {
    const r = await say("广播 每周一 08:00 所有居民群 本周活动预告：{本周活动}", "staff", "staff");
    expect(r.last).toContain("广播 #1 已安排");
    expect(r.last).toContain("时间：每周一 08:00");
    expect(r.last).toContain("发往：所有居民群");
    expect(r.last).toContain("接下来：11月30日(周一) 08:00、12月7日(周一) 08:00、12月14日(周一) 08:00");
    const b = await s.db.broadcast.findUniqueOrThrow({ where: { id: 1 } });
    expect(b).toMatchObject({ cron: "0 8 * * 1", status: "active", createdBy: "赵书记", description: "每周一 08:00" });
    expect(await s.db.auditLog.findFirst()).toMatchObject({ action: "broadcast.create", actorName: "赵书记" });
  });

  it("works from a private chat and takes known room topics as targets", async () => {
    const r = await say("广播 每天 07:30 幸福里3号楼居民群 今天降温", "staff", null);
    expect(r.last).toContain("发往：幸福里3号楼居民群");
  });

  it("answers a time it cannot read with an example, storing nothing", async () => {
    const r = await say("广播 每天 25:00 所有居民群 早上好", "staff", "staff");
    expect(r.last).toContain("例如：广播");
    expect(await s.db.broadcast.count()).toBe(0);
    const past = await say("广播 2026-11-01 08:00 所有居民群 早上好", "staff", "staff");
    expect(past.last).toMatch(/已经过去了[\s\S]*例如/);
  });

  it("lists, pauses, resumes, previews with live figures, sends now and deletes", async () => {
    await say(
      "广播 每月1日 09:00 所有居民群 本月受理{本月受理}件，办结{本月办结}件，满意率{本月满意率}",
      "staff",
      "staff",
    );
    expect((await say("广播列表", "staff", "staff")).last).toMatch(
      /#1 每月1日 09:00 → 所有居民群，下次 12月1日\(周二\) 09:00/,
    );
    expect((await say("暂停广播 1", "staff", "staff")).last).toContain("已暂停");
    expect((await say("暂停广播 1", "staff", "staff")).last).toContain("本来就是暂停的");
    expect((await say("广播列表", "staff", "staff")).last).toContain("（已暂停）");
    expect((await say("恢复广播 1", "staff", "staff")).last).toContain("已恢复，下次 12月1日(周二) 09:00 发送");

    await s.db.ticket.create({
      data: ticketRow({
        createdAt: china("2026-11-02 10:00"),
        status: "closed",
        closedAt: china("2026-11-03 10:00"),
        rating: 5,
        ratingLabel: "satisfied",
      }),
    });
    await s.db.ticket.create({ data: ticketRow({ createdAt: china("2026-11-05 10:00"), status: "open" }) });
    expect((await say("预览广播 1", "staff", "staff")).last).toContain("本月受理2件，办结1件，满意率100%");

    expect((await say("立即广播 1", "staff", "staff")).last).toContain("马上发送，共 2 个群");
    expect((await s.queued()).filter((q) => q.to !== ROOMS.staff.id)).toHaveLength(2);
    expect((await say("删除广播 1", "staff", "staff")).last).toContain("已删除");
    expect((await say("预览广播 1", "staff", "staff")).last).toContain("没有找到广播 #1");
    const actions = (await s.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual([
      "broadcast.create",
      "broadcast.pause",
      "broadcast.resume",
      "broadcast.send-now",
      "broadcast.delete",
    ]);
  });

  it("tells staff writing in a residents' room to use the staff room", async () => {
    const r = await say("广播列表", "staff", "r3");
    expect(r.last).toContain("社区工作群");
  });
});

describe("anyone else", () => {
  it("gets a polite refusal in a private chat and nothing is stored", async () => {
    const r = await say("广播 每天 08:00 所有居民群 明天停水", "resident", null);
    expect(r.last).toContain("需要社区工作人员来安排");
    expect(await s.db.broadcast.count()).toBe(0);
    expect(await s.db.auditLog.count()).toBe(0);
    expect((await say("删除广播 1", "resident", null)).last).toContain("需要社区工作人员");
  });

  it("gets the refusal for a real command in a residents' room, while chat that only starts with 广播 passes on", async () => {
    expect((await say("广播 每天 08:00 所有居民群 明天停水", "resident", "r3")).last).toContain("需要社区工作人员");
    const chat = await say("广播站的喇叭声音太小了", "resident", "r3");
    expect(chat.replies).toEqual([]);
    expect(chat.passed).toBe(true);
    const review = await say("采纳 3", "resident", "r3");
    expect(review.passed).toBe(true);
    expect(await s.db.broadcast.count()).toBe(0);
  });
});

describe("好人好事", () => {
  it("staff praise is approved at once; residents' notes wait for review; the month's approved ones render", async () => {
    expect((await say("表扬 3号楼王阿姨连续一个月帮独居的李大爷买菜", "staff", "staff")).last).toContain("已记下");
    expect((await say("表扬 志愿者小刘帮我修好了水管", "resident", "r3")).last).toContain("谢谢您");
    await s.service.addPraise(RESIDENT, "谢谢陈师傅半夜来帮我们修电闸", false);

    const list = (await say("好人好事", "staff", "staff")).last;
    expect(list).toContain("本月好人好事 3 条");
    expect(list).toMatch(/1\. \[已采纳\] 3号楼王阿姨/);
    expect(list).toMatch(/2\. \[待审核\] 志愿者小刘帮我修好了水管（居民张秀英致谢）/);

    expect((await say("采纳 2", "staff", "staff")).last).toContain("第 2 条好人好事已采纳");
    expect((await say("不采纳 3", "staff", "staff")).last).toContain("不采纳");
    expect((await say("采纳 99", "staff", "staff")).last).toContain("没有找到第 99 条");
    // A rejected note no longer looks like one waiting for review.
    const reviewed = (await say("好人好事", "staff", "staff")).last;
    expect(reviewed).toMatch(/2\. \[已采纳\]/);
    expect(reviewed).toMatch(/3\. \[不采纳\] 谢谢陈师傅/);

    await say("广播 每月1日 09:00 所有居民群 {好人好事}", "staff", "staff");
    const preview = (await say("预览广播 1", "staff", "staff")).last;
    expect(preview).toContain("1. 3号楼王阿姨连续一个月帮独居的李大爷买菜\n2. 志愿者小刘帮我修好了水管");
    expect(preview).not.toContain("陈师傅");
  });
});

describe("drafts", () => {
  it("without a model, says drafting needs one and suggests writing it", async () => {
    const r = await say("帮我写一条重阳节敬老活动的广播稿", "staff", "staff");
    expect(r.last).toContain("需要配置大模型");
    expect(await s.db.broadcast.count()).toBe(0);
  });

  it("with a model, stores a draft that is never sent until confirmed with a time and rooms", async () => {
    const topics: string[] = [];
    const drafts: DraftWriter = {
      write: async (topic) => {
        topics.push(topic);
        return "重阳节到了，社区邀请老人们来党群服务中心参加敬老活动。";
      },
    };
    const r = await say("帮我写一条重阳节敬老活动的广播稿", "staff", "staff", drafts);
    expect(topics).toEqual(["重阳节敬老活动"]);
    expect(r.last).toContain("广播稿 #1（草稿");
    expect(r.last).toContain("确认广播 1");
    expect(await s.db.broadcast.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      status: "draft",
      cron: null,
      runAt: null,
    });

    clock.set(china("2026-11-24 09:00"));
    expect((await s.service.tick()).sent).toHaveLength(0);
    expect((await say("立即广播 1", "staff", "staff")).last).toContain("没有找到广播 #1");

    const ok = await say("确认广播 1 每天 09:30 所有居民群", "staff", "staff");
    expect(ok.last).toContain("广播 #1 已安排");
    expect(ok.last).toContain("时间：每天 09:30");
    clock.set(china("2026-11-24 09:30"));
    expect((await s.service.tick()).sent).toHaveLength(1);
    expect((await say("确认广播 1 每天 09:30 所有居民群", "staff", "staff")).last).toContain("不是草稿");
  });
});

function ticketRow(over: Record<string, unknown>) {
  return {
    residentId: "r",
    residentName: "张秀英",
    text: "灯坏了",
    summary: "灯坏了",
    category: "照明",
    urgency: "normal",
    updatedAt: clock.now(),
    createdAt: clock.now(),
    ...over,
  } as Parameters<typeof s.db.ticket.create>[0]["data"];
}
