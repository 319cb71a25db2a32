// Greetings and thanks are told apart once, by the understanding, and every feature reads that:
// over the real gRPC path, a greeting or a short thanks said to the bot gets a short line back,
// thanks to a helper becomes a 好人好事 note for staff, and none of it becomes a ticket or a hand-over.
import { expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot({}, "once");
const residentsSaid = (words: string) =>
  setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes(words));

it("greets back, thanks back, notes thanks to a helper, and opens nothing", async () => {
  setup.server.say("zhang", "residents", "您好", { mentionBot: true });
  await waitFor(() => residentsSaid("有事直接说"), "the greeting back");

  setup.server.say("li", "residents", "谢谢你啊", { mentionBot: true });
  await waitFor(() => residentsSaid("不客气"), "the thanks back");

  setup.server.say("wang", "residents", "谢谢志愿者小刘帮我修好了水管");
  let praise = null;
  for (let i = 0; i < 200 && !praise; i++) {
    praise = await setup.bot.app.db.praise.findFirst();
    if (!praise) await new Promise((r) => setTimeout(r, 50));
  }
  expect(praise).toMatchObject({ text: "谢谢志愿者小刘帮我修好了水管", source: "thanks", approved: false });

  // Praise of a helper said to the bot: noted too, and the resident is told so.
  setup.server.say("zhao", "residents", "前天2号楼的小陈帮我把轮椅抬下楼 真是好孩子", { mentionBot: true });
  await waitFor(() => residentsSaid("好人好事"), "the praise noted back");
  expect(await setup.bot.app.db.praise.count()).toBe(2);

  await setup.bot.app.bot.idle();
  await setup.bot.app.outbox.idle();
  expect(await setup.bot.app.db.ticket.count()).toBe(0);
  expect(await setup.bot.app.db.handover.count()).toBe(0);
  expect(setup.server.botSaid({ roomTopic: testRooms.residents })).toHaveLength(3);
  expect(setup.server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
});
