// One problem, many reports, over the real gRPC path: three residents reporting a water outage
// in one building get one ticket and one card, and all three are told when it is finished and
// asked to rate; a planned outage staff announced answers a report with no ticket.
import { describe, expect, it } from "vitest";
import { type PersonKey, testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();
type Room = keyof typeof testRooms;

const said = (room: Room, words: string, from = 0) =>
  setup.server
    .botSaid({ roomTopic: testRooms[room] })
    .slice(from)
    .find((s) => s.text.includes(words));

async function tell(person: PersonKey, room: Room, text: string, answer: string) {
  const before = setup.server.botSaid({ roomTopic: testRooms[room] }).length;
  await setup.server.say(person, room, text);
  return waitFor(() => said(room, answer, before), `${person}: ${answer}`);
}

describe("three residents, one water outage", () => {
  it("opens one ticket and one card, and tells all three when it is finished, each asked to rate", async () => {
    const ack = await tell("zhang", "residents", "3号楼停水了, 一滴水都没有", "登记");
    const first = Number(/#(\d+)/.exec(ack.text)![1]);
    const toLi = await tell("li", "residents", "我们3号楼家里也没水了", "已合并到");
    expect(toLi.text).toBe(`@李建国 已合并到 #${first}, 和您反映的是同一件事, 办好了一起告诉您。`);
    await tell("wang", "residents2", "3号楼停水 什么时候来水啊", `已合并到 #${first}`);
    await waitFor(() => said("volunteers", "一共"), "a note of the extra reports");

    await setup.server.say("liu", "volunteers", `认领 ${first}`);
    await waitFor(() => said("volunteers", "已由 刘志强 认领"), "claimed");
    await tell("liu", "volunteers", `完成 ${first} 总阀修好了`, "3 位居民都已告知");
    const cards = setup.server.botSaid({ roomTopic: testRooms.volunteers }).filter((s) => s.text.includes("新任务"));
    expect(cards).toHaveLength(1);

    await waitFor(() => said("residents2", "您满意吗"), "王桂兰 asked to rate");
    // Both residents of the first group are asked (one message each, or one mentioning both when
    // they were still queued together); chats are served in turn, so wait for it.
    const askedIn3 = () =>
      setup.server
        .botSaid({ roomTopic: testRooms.residents })
        .filter((s) => s.text.includes("您满意吗"))
        .map((s) => s.text)
        .join("\n");
    await waitFor(
      () => askedIn3().includes("@张秀英") && askedIn3().includes("@李建国"),
      "张秀英 and 李建国 asked to rate",
    );

    await tell("zhang", "residents", "满意", "谢谢您的评价");
    await tell("li", "residents", "5分", "谢谢您的评价");
    await tell("wang", "residents2", "4分 挺快的", "谢谢您的评价");
    const tickets = await setup.bot.app.db.ticket.findMany({ orderBy: { id: "asc" } });
    expect(tickets.map((t) => [t.status, t.closeKind, t.rating])).toEqual([
      ["closed", "resolved", 5],
      ["closed", "duplicate", 5],
      ["closed", "duplicate", 4],
    ]);
  });

  it("answers a report during an announced outage without a ticket, and opens one when the resident insists", async () => {
    await setup.server.say("zhao", "residents", "各位邻居: 今天0:00-23:59 3号楼停水检修管道, 请提前储水");
    await waitFor(() => setup.server.botSaid({ toName: "赵书记" }).find((s) => s.text.includes("已记下")), "noted");

    const answer = await tell("li", "residents", "3号楼怎么停水了", "社区已经通知过");
    expect(answer.text).toContain("23:59");
    expect(await setup.bot.app.db.ticket.count()).toBe(0);
    expect(setup.server.botSaid({ roomTopic: testRooms.volunteers })).toHaveLength(0);

    await tell("li", "residents", "不对, 还是没水, 别家都有水", "登记");
    expect(await setup.bot.app.db.ticket.count()).toBe(1);
  });

  it("lets staff split a linked report and merge one by hand, and a resident withdraw in words", async () => {
    const ack = await tell("zhang", "residents", "3号楼电梯坏了, 一直停在8楼", "登记");
    const first = Number(/#(\d+)/.exec(ack.text)![1]);
    await tell("li", "residents", "3号楼电梯又坏了", `已合并到 #${first}`);
    const second = first + 1;

    await tell("zhao", "staff", `拆分 ${second}`, "已从");
    await waitFor(() => said("volunteers", `新任务 #${second}`), "its own card");
    await waitFor(() => said("residents", "单独登记"), "李建国 told");

    await tell("zhao", "staff", `合并 ${first} ${second}`, `#${second} 已并入 #${first}`);
    const linked = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id: second } });
    expect(linked).toMatchObject({ status: "closed", closeKind: "duplicate", mergedIntoId: first });

    await setup.server.say("liu", "volunteers", `认领 ${first}`);
    await waitFor(() => said("volunteers", "已由 刘志强 认领"), "claimed");
    const gone = await tell("zhang", "residents", "不用了, 已经好了", `#${first} 已撤销`);
    expect(gone.text).toContain("不用担心");
    // 李建国's report of the same lift still stands: it carries on, held by the same volunteer.
    await waitFor(
      () => setup.server.botSaid({ toName: "刘志强" }).find((s) => s.text.includes(`请接着按 #${second} 处理`)),
      "the claimer told",
    );
    const [withdrawn, carried] = await setup.bot.app.db.ticket.findMany({ orderBy: { id: "asc" } });
    expect(withdrawn).toMatchObject({ status: "closed", closeKind: "withdrawn" });
    expect(carried).toMatchObject({ status: "claimed", volunteerName: "刘志强", mergedIntoId: null });
  });

  it("reads a broadcast announcing an outage the same way as a staff message", async () => {
    await tell("zhao", "staff", "广播 每周一 08:00 幸福里3号楼居民群 今天0:00-23:59 3号楼停电检修", "已安排");
    await setup.server.say("zhao", "staff", "立即广播 1");
    await waitFor(() => said("residents", "停电检修"), "broadcast sent");
    await tell("zhang", "residents", "3号楼停电了吗 家里没电了", "计划停电");
    expect(await setup.bot.app.db.ticket.count()).toBe(0);
  });
});
