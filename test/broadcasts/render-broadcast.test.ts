import { describe, expect, it } from "vitest";
import {
  findPlaceholders,
  type LiveData,
  type MonthFigures,
  renderBroadcast,
} from "../../src/broadcasts/render-broadcast.js";

const NOW = new Date("2026-11-23T00:00:00Z");

function fakeLiveData(
  figures: MonthFigures = { received: 35, resolved: 33, satisfactionRate: 0.96 },
  activities: string[] = ["周三下午 社区义诊", "周六上午 旧衣回收"],
  praises: string[] = ["3号楼王阿姨帮独居老人买菜"],
) {
  const calls: string[] = [];
  const data: LiveData = {
    async monthFigures(now) {
      calls.push(`monthFigures ${now.toISOString()}`);
      return figures;
    },
    async weekActivities(now) {
      calls.push(`weekActivities ${now.toISOString()}`);
      return { covers: "11月25日(周三)至11月29日(周日)", lines: activities };
    },
    async praises(now) {
      calls.push(`praises ${now.toISOString()}`);
      return praises;
    },
  };
  return { data, calls };
}

describe("renderBroadcast", () => {
  it("fills this month's ticket figures", async () => {
    const { data } = fakeLiveData();
    const result = await renderBroadcast("本月受理{本月受理}件，办结{本月办结}件，满意率{本月满意率}。", data, NOW);
    expect(result.text).toBe("本月受理35件，办结33件，满意率96%。");
    expect(result.used).toEqual(["本月受理", "本月办结", "本月满意率"]);
    expect(result.unknown).toEqual([]);
  });

  it("numbers this week's activities and good deeds, one per line", async () => {
    const { data } = fakeLiveData();
    const result = await renderBroadcast("本周活动：\n{本周活动}\n好人好事：{好人好事}", data, NOW);
    expect(result.text).toBe(
      "本周活动：\n11月25日(周三)至11月29日(周日)：\n1. 周三下午 社区义诊\n2. 周六上午 旧衣回收\n好人好事：3号楼王阿姨帮独居老人买菜",
    );
  });

  it("says so plainly when there is nothing to report", async () => {
    const { data } = fakeLiveData({ received: 0, resolved: 0, satisfactionRate: null }, [], [" "]);
    const result = await renderBroadcast("{本月满意率} / {本周活动} / {好人好事}", data, NOW);
    expect(result.text).toBe("暂无评价 / 11月25日(周三)至11月29日(周日)暂时没有安排活动 / 这段时间还没有记下好人好事");
  });

  it("rounds the satisfaction rate to a whole percent, as 周议 shows it to staff", async () => {
    const { data } = fakeLiveData({ received: 3, resolved: 3, satisfactionRate: 2 / 3 });
    expect((await renderBroadcast("{本月满意率}", data, NOW)).text).toBe("67%");
  });

  it("accepts full-width braces and inner spaces, as a Chinese IME types them", async () => {
    const { data } = fakeLiveData();
    expect((await renderBroadcast("受理｛本月受理｝件，办结{ 本月办结 }件", data, NOW)).text).toBe(
      "受理35件，办结33件",
    );
  });

  it("leaves unknown placeholders as written and reports each once", async () => {
    const { data, calls } = fakeLiveData();
    const result = await renderBroadcast("{本月投诉} 和 {本月投诉} 还有 {天气}", data, NOW);
    expect(result.text).toBe("{本月投诉} 和 {本月投诉} 还有 {天气}");
    expect(result.unknown).toEqual(["{本月投诉}", "{天气}"]);
    expect(calls).toEqual([]);
  });

  it("asks the data port only for what the content uses, once, at `now`", async () => {
    const { data, calls } = fakeLiveData();
    await renderBroadcast("{本月受理} {本月办结} {本月受理}", data, NOW);
    expect(calls).toEqual([`monthFigures ${NOW.toISOString()}`]);
  });

  it("lets a failing port reject, so the run can be retried", async () => {
    const { data } = fakeLiveData();
    data.praises = async () => {
      throw new Error("kb down");
    };
    await expect(renderBroadcast("{好人好事}", data, NOW)).rejects.toThrow("kb down");
  });
});

describe("findPlaceholders", () => {
  it("sorts known from unknown without fetching", () => {
    expect(findPlaceholders("{本周活动}{好人好事}{明天天气}")).toEqual({
      known: ["本周活动", "好人好事"],
      unknown: ["{明天天气}"],
    });
    expect(findPlaceholders("没有占位符")).toEqual({ known: [], unknown: [] });
  });
});
