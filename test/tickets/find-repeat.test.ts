import { describe, expect, it } from "vitest";
import { findRepeat, sameProblem } from "../../src/tickets/find-repeat.js";
import type { Ticket } from "../../src/tickets/ticket.js";
import { parseMessage } from "../../src/understand/parse-message.js";

const now = new Date("2026-03-02T02:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function ticket(text: string, over: Partial<Ticket> = {}): Ticket {
  const p = parseMessage(text);
  return {
    id: 7,
    status: "open",
    createdAt: minutesAgo(9),
    category: p.category ?? "other",
    building: p.building,
    unit: p.unit,
    room: p.room,
    text,
    ...over,
  } as Ticket;
}
const repeatOf = (earlier: Ticket, text: string) => findRepeat([earlier], text, parseMessage(text), now);

describe("a repeat of an open ticket", () => {
  it.each([
    ["卫生间下水到赌了 地上全是水", "卫生间的下水道堵住了 水还往上返"],
    ["马捅堵了冲不下去", "马桶还是堵着 咋整"],
    ["楼到灯一直不亮", "2单元楼道灯黑了好几天"],
    ["厨房水笼头关不紧", "厨房的水龙头还在滴答"],
    ["电悌停在3楼不动了", "电梯到现在还没修好"],
  ])("survives typos and paraphrase: %s / %s", (earlier, later) => {
    expect(repeatOf(ticket(earlier), later)?.id).toBe(7);
  });

  it.each([
    ["楼道灯不亮了", "厨房水管漏水了"],
    ["单元门的锁坏了", "楼道窗户玻璃碎了一块"],
    ["楼下垃圾桶满了没人清", "草地上到处是狗屎"],
  ])("is not a different problem of the same category: %s / %s", (earlier, later) => {
    expect(sameProblem(earlier, later)).toBe(false);
    expect(repeatOf(ticket(earlier), later)).toBeUndefined();
  });

  it("needs a compatible place (an unknown place matches), an open ticket and a recent one", () => {
    expect(repeatOf(ticket("3号楼楼道灯不亮"), "楼道灯还是黑的")?.id).toBe(7);
    expect(repeatOf(ticket("3号楼楼道灯不亮"), "5号楼楼道灯还是黑的")).toBeUndefined();
    expect(repeatOf(ticket("楼道灯不亮", { status: "closed" }), "楼道灯还是黑的")).toBeUndefined();
    expect(repeatOf(ticket("楼道灯不亮", { createdAt: minutesAgo(7 * 60) }), "楼道灯还是黑的")).toBeUndefined();
  });
});
