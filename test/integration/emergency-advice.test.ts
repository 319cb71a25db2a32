// Issue 10 item 5 over the real puppet-service gRPC path: the first reply to an emergency gives advice
// that fits the situation, and the community's duty phone from config.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const dutyPhone = "010-00000000";
const setup = useGrpcBot({ env: { LINLI_DUTY_PHONE: dutyPhone } });

async function firstReply(person: "zhang" | "li", text: string): Promise<string> {
  const before = setup.server.botSaid({ roomTopic: testRooms.residents }).length;
  await setup.server.say(person, "residents", text);
  const reply = await waitFor(
    () => setup.server.botSaid({ roomTopic: testRooms.residents }).slice(before)[0],
    `the reply to «${text}»`,
  );
  return reply.text;
}

describe("the first reply to an emergency", () => {
  it("beside a fallen elder: don't move them, call 120, stay with them; never 'leave the scene'", async () => {
    const text = await firstReply("zhang", "隔壁李奶奶在楼梯口摔了一跤 躺着起不来 5号楼");
    expect(text).toMatch(/#\d+/);
    expect(text).toMatch(/别急着扶|别随意搬动/);
    expect(text).toContain("120");
    expect(text).toMatch(/陪在身边/);
    expect(text).not.toMatch(/离开/);
    expect(text).toContain(dutyPhone);
  });

  it("for a gas smell: no switches, no calls indoors, open windows, go outside", async () => {
    const text = await firstReply("li", "4号楼2单元楼道里燃气味特别重");
    expect(text).toMatch(/别开关电灯电器/);
    expect(text).toMatch(/别在屋里打电话/);
    expect(text).toMatch(/门窗/);
    expect(text).toContain(dutyPhone);
  });

  it("for a missing person: where and when last seen, call 110", async () => {
    const text = await firstReply("zhang", "我妈早上去买菜 到现在都没回家 手机也关机了");
    expect(text).toContain("110");
    expect(text).toMatch(/最后在哪里/);
    expect(text).not.toMatch(/离开现场/);
  });

  it("for fire, a burst pipe and a stuck lift: stairs not the lift, the main valve, don't force the doors", async () => {
    expect(await firstReply("li", "7号楼有户人家窗户往外冒浓烟")).toMatch(/119.*楼梯|楼梯.*119/);
    expect(await firstReply("zhang", "家里热水管爆了 水漫得满屋都是 3号楼1单元201")).toMatch(/总阀/);
    expect(await firstReply("li", "2号楼电梯停在半截 我被关在里面了")).toMatch(/警铃.*别扒门|别扒门/);
  });
});
