// A volunteer who gives up, staff who assign, and the staff list, over the real gRPC path.
import { describe, expect, it } from "vitest";
import { type PersonKey, testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

const residentsSay = () => setup.server.botSaid({ roomTopic: testRooms.residents });

async function report(person: PersonKey, text: string): Promise<number> {
  const before = residentsSay().length;
  await setup.server.say(person, "residents", text);
  const ack = await waitFor(
    () =>
      residentsSay()
        .slice(before)
        // The acknowledgement, not a late notice about an earlier ticket ("#1 有人接了").
        .find((s) => /#\d+/.test(s.text) && s.text.includes("登记")),
    "ack",
  );
  return Number(/#(\d+)/.exec(ack.text)![1]);
}

describe("a volunteer who gives up", () => {
  it("leaves the resident told that another volunteer will be found; 电话畅通 only with a phone", async () => {
    const noPhone = await report("zhang", "3号楼2单元楼道灯坏了");
    await setup.server.say("chen", "volunteers", `认领 ${noPhone}`);
    const coming = await waitFor(
      () => residentsSay().find((s) => s.text.includes(`#${noPhone} 有人接了`)),
      "resident told who is coming",
    );
    expect(coming.text).not.toContain("电话");

    await setup.server.say("chen", "volunteers", `放弃 ${noPhone}`);
    const told = await waitFor(
      () => residentsSay().find((s) => s.text.includes(`#${noPhone}`) && s.text.includes("另找")),
      "resident told of the release",
    );
    expect(told.text).toContain("张秀英");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("重新开放")),
      "card back to volunteers",
    );

    const withPhone = await report("li", "3号楼1单元门禁坏了 电话13800001111");
    await setup.server.say("liu", "volunteers", `认领 ${withPhone}`);
    const coming2 = await waitFor(
      () => residentsSay().find((s) => s.text.includes(`#${withPhone} 有人接了`)),
      "resident told who is coming",
    );
    expect(coming2.text).toContain("请保持电话畅通");
  });
});

describe("staff", () => {
  it("assign in assignment words and list tickets in staff words with their age", async () => {
    const id = await report("zhang", "3号楼楼道堆满了杂物没人清理");
    await setup.server.people.zhao.say(`指派 ${id} @陈师傅`, [setup.server.people.chen]).to(setup.server.rooms.staff);
    const toChen = await waitFor(
      () => setup.server.botSaid({ toName: "陈师傅" }).find((s) => s.text.includes(`#${id}`)),
      "assignee told",
    );
    expect(toChen.text.startsWith(`赵书记请您处理 #${id}`)).toBe(true);
    expect(toChen.text).not.toContain("您认领了");

    await report("li", "小区门口的路灯坏了");
    await setup.server.say("zhao", "staff", "工单");
    const list = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("未办结工单")),
      "list",
    );
    expect(list.text).toContain("待认领");
    expect(list.text).toContain("处理中 (陈师傅)");
    expect(list.text).toMatch(/\| \d+分钟/);
    expect(list.text).not.toContain("等待志愿者接单");
  });
});
