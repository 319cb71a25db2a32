// One message that breaks something must not stop the next, and the resident is not shown
// a stack trace: they get a short apology, and the message is marked failed for staff.
import { expect, it } from "vitest";
import { parseMessage } from "../../src/understand/parse-message.js";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot(
  {
    understand: async (text) => {
      if (text.includes("触发故障")) throw new Error("simulated failure in understanding");
      return parseMessage(text);
    },
  },
  "once",
);

it("answers a failing message with an apology and goes on with the next", async () => {
  await setup.server.say("zhang", "residents", "触发故障 3号楼楼道灯坏了");
  await setup.server.say("li", "residents", "5号楼2单元水管漏水了");
  const apology = await waitFor(
    () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("出了点问题")),
    "apology",
  );
  expect(apology.text).not.toMatch(/Error|simulated|at /);
  await waitFor(
    () =>
      setup.server
        .botSaid({ roomTopic: testRooms.residents })
        .find((s) => s.text.includes("李建国") && /#\d+/.test(s.text)),
    "the next message handled",
  );
  const failed = await setup.bot.app.db.inboundMessage.findMany({ where: { state: "failed" } });
  expect(failed).toHaveLength(1);
  expect(failed[0]!.error).toContain("simulated failure");
});
