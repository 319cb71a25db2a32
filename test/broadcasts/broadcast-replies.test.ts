import { describe, expect, it } from "vitest";
import { type BroadcastSummary, broadcastReplies, describeTargets } from "../../src/broadcasts/broadcast-replies.js";

// Monday 2026-11-23 06:30 in China.
const NOW = new Date("2026-11-23T06:30:00+08:00");

const weekly: BroadcastSummary = {
  id: 3,
  schedule: { cron: "0 8 * * 1" },
  targets: [{ kind: "room", topic: "幸福里3号楼居民群" }],
  content: "本周活动预告：{本周活动}",
  paused: false,
};

describe("broadcastReplies", () => {
  it("confirms a schedule in words with the next three runs and the commands to manage it", () => {
    const text = broadcastReplies.scheduled(weekly, NOW);
    expect(text).toContain("广播 #3 已安排");
    expect(text).toContain("时间：每周一 08:00");
    expect(text).toContain("发往：幸福里3号楼居民群");
    expect(text).toContain("接下来：11月23日(周一) 08:00、11月30日(周一) 08:00、12月7日(周一) 08:00");
    expect(text).toContain("「暂停广播 3」");
    expect(text).not.toContain("注意");
  });

  it("passes on parser warnings and names placeholders that will not be filled", () => {
    const text = broadcastReplies.scheduled({ ...weekly, content: "{本月投诉}" }, NOW, ["没有 31 日的月份不会发送"]);
    expect(text).toContain("注意：没有 31 日的月份不会发送");
    expect(text).toContain("注意：{本月投诉} 不是自动填写项");
    expect(text).toContain("{本月受理}");
  });

  it("confirms a one-off with its single run", () => {
    const once = { ...weekly, schedule: { runAt: new Date("2026-11-30T19:00:00+08:00") } };
    const text = broadcastReplies.scheduled(once, NOW);
    expect(text).toContain("时间：2026年11月30日 19:00 (一次)");
    expect(text).toContain("接下来：11月30日(周一) 19:00\n");
  });

  it("lists broadcasts with their state, or says how to add one", () => {
    expect(broadcastReplies.list([], NOW)).toContain("现在没有安排广播");
    const paused = { ...weekly, id: 4, paused: true, targets: [{ kind: "group", group: "residents" }] as const };
    const text = broadcastReplies.list([weekly, paused], NOW);
    expect(text).toContain("共 2 条广播");
    expect(text).toContain("#3 每周一 08:00 → 幸福里3号楼居民群，下次 11月23日(周一) 08:00");
    expect(text).toContain("#4 每周一 08:00 → 所有居民群（已暂停）");
  });

  it("answers pause, resume, delete, preview and not-found with the broadcast number", () => {
    expect(broadcastReplies.paused(weekly)).toContain("#3（每周一 08:00）已暂停");
    expect(broadcastReplies.resumed(weekly, NOW)).toBe("广播 #3 已恢复，下次 11月23日(周一) 08:00 发送。");
    expect(broadcastReplies.deleted(weekly)).toContain("已删除");
    expect(broadcastReplies.notFound(9)).toContain("没有找到广播 #9");
    const preview = broadcastReplies.preview(
      weekly,
      { text: "本周活动预告：义诊 {天气}", used: [], unknown: ["{天气}"] },
      NOW,
    );
    expect(preview).toContain("本周活动预告：义诊");
    expect(preview).toContain("注意：{天气} 不是自动填写项");
  });

  it("refuses non-staff politely, without jargon", () => {
    const text = broadcastReplies.notStaff();
    expect(text).toContain("不好意思");
    expect(text).not.toMatch(/#|cron|error|forbidden/i);
  });

  it("shows a parse error with its example", () => {
    expect(broadcastReplies.error({ message: "没看懂时间「下个月」", example: "广播 每天 07:30 所有群 内容" })).toBe(
      "没看懂时间「下个月」。\n例如：广播 每天 07:30 所有群 内容",
    );
  });
});

describe("describeTargets", () => {
  it("shortens a long list of rooms", () => {
    const rooms = Array.from({ length: 7 }, (_, i) => ({ kind: "room" as const, topic: `${i + 1}号楼群` }));
    expect(describeTargets(rooms)).toBe("1号楼群、2号楼群、3号楼群、4号楼群、5号楼群 等 7 个群");
  });
});
