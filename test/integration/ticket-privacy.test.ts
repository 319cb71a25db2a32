// In a group, a resident's own tickets show only what was raised in that group; the full
// list (and progress of the rest) only in a private chat. Over the real gRPC path.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

const said = (room: string | null, words: string) =>
  setup.server.botSaid(room ? { roomTopic: room } : { toName: "张秀英" }).find((s) => s.text.includes(words));

describe("privacy in groups", () => {
  it("lists only this group's tickets in a group, all of them privately, and keeps progress of the rest private", async () => {
    await setup.server.say("zhang", "residents2", "5号楼3单元楼道灯坏了好几天了");
    const other = await waitFor(() => said(testRooms.residents2, "#"), "ack in the 5号楼 group");
    const otherId = Number(/#(\d+)/.exec(other.text)![1]);
    await setup.server.say("zhang", "residents", "3号楼单元门的门禁坏了关不上");
    const here = await waitFor(() => said(testRooms.residents, "#"), "ack in the 3号楼 group");
    const hereId = Number(/#(\d+)/.exec(here.text)![1]);

    await setup.server.say("zhang", "residents", "我的工单");
    const list = await waitFor(() => said(testRooms.residents, "本群"), "list in the group");
    expect(list.text).toContain(`#${hereId}`);
    expect(list.text).not.toContain(`#${otherId}`);
    expect(list.text).not.toContain("楼道灯");
    expect(list.text).toContain("私聊");

    await setup.server.say("zhang", null, "我的工单");
    const full = await waitFor(() => said(null, "您的事项"), "full list privately");
    expect(full.text).toContain(`#${hereId}`);
    expect(full.text).toContain(`#${otherId}`);

    await setup.server.say("zhang", "residents", `进度 ${otherId}`);
    const hint = await waitFor(() => said(testRooms.residents, `「进度 ${otherId}」`), "hint");
    expect(hint.text).not.toContain("楼道灯");
    expect(hint.text).not.toContain("状态");

    await setup.server.say("zhang", null, `进度 ${otherId}`);
    await waitFor(() => said(null, "状态"), "progress privately");
  });
});
