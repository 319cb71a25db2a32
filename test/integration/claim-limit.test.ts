// Each claim shows a volunteer a resident's phone, so claims per volunteer per hour are capped
// (LINLI_CLAIMS_PER_HOUR), over the real gRPC path.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot({ env: { LINLI_CLAIMS_PER_HOUR: "2" } });

describe("claims per volunteer per hour", () => {
  it("refuses the claim past the cap in plain words and leaves the ticket open for others", async () => {
    const { server, bot } = setup;
    server.say("li", "residents", "3号楼2单元楼道灯坏了, 电话13900000001");
    server.say("zhang", "residents2", "5号楼1单元水管漏水了, 电话13900000002");
    server.say("wang", "residents2", "5号楼3单元电梯不动了, 电话13900000003");
    // Cards queued together may go out as one message (coalesced): wait for all three numbers.
    await waitFor(() => {
      const cards = server
        .botSaid({ roomTopic: testRooms.volunteers })
        .map((s) => s.text)
        .join("\n");
      return ["#1", "#2", "#3"].every((n) => cards.includes(n));
    }, "3 cards");
    for (const id of [1, 2, 3]) {
      server.say("liu", "volunteers", `认领 ${id}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const refusal = await waitFor(
      () => server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes("这一小时已经认领了 2 件")),
      "the refusal",
    );
    expect(refusal.text).toContain("先把手上的办好吧");
    const statuses = (await bot.app.db.ticket.findMany({ orderBy: { id: "asc" } })).map((t) => t.status);
    expect(statuses.filter((s) => s === "claimed")).toHaveLength(2);
    expect(statuses.filter((s) => s === "open")).toHaveLength(1);
    const told = server
      .botSaid({ toName: "刘志强" })
      .map((s) => s.text)
      .join("\n");
    expect(new Set(told.match(/139000000\d\d/g))).toHaveProperty("size", 2);

    server.say("chen", "volunteers", `认领 ${statuses.indexOf("open") + 1}`);
    await waitFor(() => server.botSaid({ toName: "陈师傅" })[0], "another volunteer may claim it");
  });
});
