// A little of the community's work done in WeChat over the real gRPC path, for the 成绩单 tests:
// two residents report problems, 刘志强 claims and finishes one, and its resident rates it.
import type { ConsoleSetup } from "./console-harness.js";
import { type PersonKey, testRooms, waitFor } from "./grpc-harness.js";

const lastBot = (c: ConsoleSetup, room: string) => c.server.botSaid({ roomTopic: room }).at(-1)?.text ?? "";

/** A resident's request in the 3号楼 group; resolves to its ticket number from the bot's ack. */
export async function residentReports(c: ConsoleSetup, resident: PersonKey, text: string): Promise<number> {
  const before = c.server.botSaid({ roomTopic: testRooms.residents }).length;
  await c.server.say(resident, "residents", text);
  const ack = await waitFor(
    () =>
      c.server
        .botSaid({ roomTopic: testRooms.residents })
        .slice(before)
        .find((s) => /登记.*#\d+/.test(s.text)),
    `the ack of ${text}`,
  );
  return Number(/#(\d+)/.exec(ack.text)![1]);
}

export interface DoneWork {
  /** Claimed by 刘志强, finished and rated 满意 by 张秀英. */
  finished: number;
  /** Still open, from 李建国. */
  open: number;
}

export async function doSomeWork(c: ConsoleSetup): Promise<DoneWork> {
  const finished = await residentReports(c, "zhang", "3号楼2单元楼道灯坏了 晚上看不见");
  const open = await residentReports(c, "li", "3号楼门口的下水道堵了 一股味道");
  await c.server.say("liu", "volunteers", `认领 ${finished}`);
  await waitFor(() => lastBot(c, testRooms.residents).includes("刘志强"), "the resident told who is coming");
  await c.server.say("liu", "volunteers", `完成 ${finished} 换了灯泡`);
  await waitFor(() => /您满意吗/.test(lastBot(c, testRooms.residents)), "the resident asked to rate");
  await c.server.say("zhang", "residents", "满意 小刘来得真快");
  await waitFor(() => /谢谢您的评价/.test(lastBot(c, testRooms.residents)), "the rating thanked");
  const rated = await c.bot.app.db.ticket.findUniqueOrThrow({ where: { id: finished } });
  if (rated.rating !== 5) throw new Error(`the rating was not recorded: ${rated.rating}`);
  return { finished, open };
}
