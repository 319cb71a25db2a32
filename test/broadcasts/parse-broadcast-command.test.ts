import { describe, expect, it } from "vitest";
import { type BroadcastCommand, parseBroadcastCommand } from "../../src/broadcasts/parse-broadcast-command.js";

// Monday 2026-11-23 06:30 in China (still Sunday in UTC).
const NOW = new Date("2026-11-23T06:30:00+08:00");

function cn(wall: string): Date {
  return new Date(`${wall.replace(" ", "T")}:00+08:00`);
}

function parse(text: string, knownTopics?: string[]): BroadcastCommand | null {
  return parseBroadcastCommand(text, NOW, knownTopics ? { knownTopics } : {});
}

function scheduled(text: string, knownTopics?: string[]) {
  const command = parse(text, knownTopics);
  if (command?.type !== "schedule") throw new Error(`expected a schedule, got ${JSON.stringify(command)}`);
  return command;
}

function cronOf(text: string): string {
  const { schedule } = scheduled(text);
  if (!("cron" in schedule)) throw new Error("expected a cron schedule");
  return schedule.cron;
}

function runAtOf(text: string): string {
  const { schedule } = scheduled(text);
  if (!("runAt" in schedule)) throw new Error("expected a one-off schedule");
  return schedule.runAt.toISOString();
}

function errorOf(text: string, knownTopics?: string[]): string {
  const command = parse(text, knownTopics);
  if (command?.type !== "error") throw new Error(`expected an error, got ${JSON.stringify(command)}`);
  expect(command.example).toMatch(/^(广播|暂停|恢复|删除|取消|预览|立即|马上|表扬)/);
  return command.message;
}

describe("广播 <when> <targets> <content>", () => {
  it("reads the contract's example", () => {
    expect(scheduled("广播 每周一 08:00 幸福里3号楼居民群 本周活动预告……")).toEqual({
      type: "schedule",
      schedule: { cron: "0 8 * * 1" },
      when: "每周一 08:00",
      targets: [{ kind: "room", topic: "幸福里3号楼居民群" }],
      content: "本周活动预告……",
      warnings: [],
    });
  });

  it.each([
    ["广播 每天 7:30 所有居民群 天冷了，注意保暖", "30 7 * * *"],
    ["广播 每日 07:30 所有居民群 早安", "30 7 * * *"],
    ["广播 每月1日 09:00 所有群 本月通报", "0 9 1 * *"],
    ["广播 每月1日、15日 09:00 所有群 通报", "0 9 1,15 * *"],
    ["广播 每月1号 9点 所有群 通报", "0 9 1 * *"],
    ["广播 工作日 08:30 所有群 上班提醒", "30 8 * * 1-5"],
    ["广播 每周一至周五 08:30 所有群 上班提醒", "30 8 * * 1-5"],
    ["广播 周末 10:00 所有群 周末活动", "0 10 * * 0,6"],
    ["广播 每周一、三、五 18:00 所有群 跳操", "0 18 * * 1,3,5"],
    ["广播 每周一三五 18:00 所有群 跳操", "0 18 * * 1,3,5"],
    ["广播 每周六,周日 9:00 所有群 义诊", "0 9 * * 0,6"],
    ["广播 每周五至周日 9:00 所有群 集市", "0 9 * * 0,5,6"],
    ["广播 每星期日 20:00 所有群 晚安", "0 20 * * 0"],
    ["广播 每周1,3 8:00 所有群 提醒", "0 8 * * 1,3"],
    ["广播 每周一7点 所有群 提醒", "0 7 * * 1"],
    ["广播 每天 早上七点半 所有群 早操", "30 7 * * *"],
    ["广播 每周五 晚上7点 所有群 广场舞", "0 19 * * 5"],
    ["广播 每天 下午3点一刻 所有群 下午茶", "15 15 * * *"],
    ["广播 每天 中午12点 所有群 午饭", "0 12 * * *"],
    ["广播 每年10月1日 08:00 所有群 国庆快乐", "0 8 1 10 *"],
    ["广播 cron(0 8 * * 1) 所有群 周一好", "0 8 * * 1"],
    ['广播 "0 8 * * 1" 所有群 周一好', "0 8 * * 1"],
    ["广播 “0 8 * * 1” 所有群 周一好", "0 8 * * 1"],
    ["广播每天8:00 所有群 连写也认", "0 8 * * *"],
  ])("%s → cron %s", (text, cron) => {
    expect(cronOf(text)).toBe(cron);
  });

  it.each([
    ["广播 明天下午3点 所有群 停水通知", "2026-11-24 15:00"],
    ["广播 明天 15:00 所有群 停水通知", "2026-11-24 15:00"],
    ["广播 今晚8点 所有群 看电影", "2026-11-23 20:00"],
    ["广播 今天 09:00 所有群 开会", "2026-11-23 09:00"],
    ["广播 后天 9点 所有群 体检", "2026-11-25 09:00"],
    ["广播 11月30日 19:00 所有群 晚会", "2026-11-30 19:00"],
    ["广播 11月30号 晚上7点 所有群 晚会", "2026-11-30 19:00"],
    ["广播 11月1日 19:00 所有群 明年的事", "2027-11-01 19:00"],
    ["广播 2026-12-01 10:00 所有群 消防检查", "2026-12-01 10:00"],
    ["广播 2026/12/1 10:00 所有群 消防检查", "2026-12-01 10:00"],
    ["广播 2026年12月1日 10:00 所有群 消防检查", "2026-12-01 10:00"],
    ["广播 下周三 9点 所有群 义诊", "2026-12-02 09:00"],
    ["广播 本周日 20:00 所有群 电影", "2026-11-29 20:00"],
  ])("%s → once at %s (China)", (text, wall) => {
    expect(runAtOf(text)).toBe(cn(wall).toISOString());
  });

  it("reads full-width digits, colon and spaces but keeps the content as typed", () => {
    const command = scheduled("广播\u3000每天\u3000８：００\u3000所有居民群\u3000今天１８：００停水，请储水。");
    expect(command.schedule).toEqual({ cron: "0 8 * * *" });
    expect(command.content).toBe("今天１８：００停水，请储水。");
  });

  it("keeps placeholders and line breaks in the content", () => {
    const command = scheduled("广播 每月1日 09:00 所有群 上月受理{本月受理}件\n谢谢大家");
    expect(command.content).toBe("上月受理{本月受理}件\n谢谢大家");
  });

  it("does not list every time form when only the hour is missing", () => {
    expect(errorOf("广播 明天 所有群 内容")).toBe("「明天」后面要写几点，比如 08:00 或 下午3点");
  });

  it("warns that 每月31日 skips short months", () => {
    expect(scheduled("广播 每月31日 09:00 所有群 月底通报").warnings).toEqual([
      "没有 31 日的月份（比如 2 月）那天不会发送",
    ]);
  });
});

describe("targets", () => {
  it.each([
    ["所有居民群", [{ kind: "group", group: "residents" }]],
    ["所有志愿者群", [{ kind: "group", group: "volunteers" }]],
    ["所有群", [{ kind: "group", group: "all" }]],
    [
      "3号楼群,5号楼群",
      [
        { kind: "room", topic: "3号楼群" },
        { kind: "room", topic: "5号楼群" },
      ],
    ],
    [
      "3号楼群，5号楼群、所有志愿者群",
      [
        { kind: "room", topic: "3号楼群" },
        { kind: "room", topic: "5号楼群" },
        { kind: "group", group: "volunteers" },
      ],
    ],
  ])("without known topics, the first word %s names the targets", (words, targets) => {
    const command = scheduled(`广播 每天 8:00 ${words} 内容`);
    expect(command.targets).toEqual(targets);
    expect(command.content).toBe("内容");
  });

  it("lets an alias run straight into the content", () => {
    for (const known of [undefined, ["3号楼群"]]) {
      const command = scheduled("广播 每天 8:00 所有居民群明天停水", known);
      expect(command.targets).toEqual([{ kind: "group", group: "residents" }]);
      expect(command.content).toBe("明天停水");
    }
  });

  it("accepts an explicit bracket list, with spaces in topics", () => {
    const command = scheduled("广播 每天 8:00 [幸福里 3号楼, 幸福里 5号楼] 停电通知");
    expect(command.targets).toEqual([
      { kind: "room", topic: "幸福里 3号楼" },
      { kind: "room", topic: "幸福里 5号楼" },
    ]);
    expect(command.content).toBe("停电通知");
    expect(scheduled("广播 每天 8:00 【3号楼群、5号楼群】停电通知").targets).toHaveLength(2);
    expect(scheduled("广播 每天 8:00 ［3号楼群］停电通知").targets).toEqual([{ kind: "room", topic: "3号楼群" }]);
  });

  const known = ["幸福里3号楼", "幸福里3号楼居民群", "幸福里 5号楼群", "幸福里（6号楼）", "志愿者服务队"];

  it("with known topics, takes the longest known topic", () => {
    expect(scheduled("广播 每天 8:00 幸福里3号楼居民群 内容", known).targets).toEqual([
      { kind: "room", topic: "幸福里3号楼居民群" },
    ]);
    expect(scheduled("广播 每天 8:00 幸福里3号楼 内容", known).targets).toEqual([
      { kind: "room", topic: "幸福里3号楼" },
    ]);
  });

  it("with known topics, finds a topic that contains a space", () => {
    const command = scheduled("广播 每天 8:00 幸福里 5号楼群、志愿者服务队 今晚停电", known);
    expect(command.targets).toEqual([
      { kind: "room", topic: "幸福里 5号楼群" },
      { kind: "room", topic: "志愿者服务队" },
    ]);
    expect(command.content).toBe("今晚停电");
  });

  it("matches a known topic typed with other-width brackets and returns it as configured", () => {
    expect(scheduled("广播 每天 8:00 幸福里(6号楼)：今晚停电", known).targets).toEqual([
      { kind: "room", topic: "幸福里（6号楼）" },
    ]);
  });

  it("names the unknown room when known topics are given", () => {
    expect(errorOf("广播 每天 8:00 幸福里9号楼 内容", known)).toContain("没找到叫「幸福里9号楼」的群");
    expect(errorOf("广播 每天 8:00 幸福里3号楼,幸福里9号楼 内容", known)).toContain("「幸福里9号楼」");
    expect(errorOf("广播 每天 8:00 [幸福里9号楼] 内容", known)).toContain("「幸福里9号楼」");
  });
});

describe("mistakes get a precise message and an example", () => {
  it.each([
    ["广播", "写上时间"],
    ["广播 下个月 所有群 内容", "没看懂时间「下个月」。可以写：每天 07:30"],
    ["广播 8:00 所有群 内容", "「8:00」前面要写哪天"],
    ["广播 凌晨12点 所有群 内容", "「凌晨12点」前面要写哪天"],
    ["广播 每周一 所有群 内容", "「每周一」后面要写几点"],
    ["广播 每周 8:00 所有群 内容", "「每周」后面要写星期几"],
    ["广播 每周一 25:00 所有群 内容", "「25:00」不是有效的时间"],
    ["广播 每天 8:75 所有群 内容", "「8:75」不是有效的时间"],
    ["广播 每天 晚上12点 所有群 内容", "23:59"],
    ["广播 每月 9:00 所有群 内容", "「每月」后面要写几号"],
    ["广播 每月32日 9:00 所有群 内容", "1–31"],
    ["广播 每月1 9:00 所有群 内容", "每月1日"],
    ["广播 2月30日 10:00 所有群 内容", "「2月30日」这个日期不存在"],
    ["广播 今天 06:00 所有群 内容", "已经过去了"],
    ["广播 2025-12-01 10:00 所有群 内容", "已经过去了"],
    ["广播 周五 9点 所有群 内容", "每周五"],
    ["广播 cron(0 25 * * *) 所有群 内容", "cron 表达式「0 25 * * *」有误：小时"],
    ["广播 cron(0 8 * *) 所有群 内容", "5 段"],
    ["广播 每天 8:00", "没写发给哪些群"],
    ["广播 每天 8:00 所有群", "没写广播内容"],
    ["广播 每天 8:00 [] 内容", "括号里没有写群名"],
  ])("%s → %s", (text, words) => {
    expect(errorOf(text)).toContain(words);
  });
});

describe("management commands", () => {
  it.each([
    ["广播列表", { type: "list" }],
    ["查看广播", { type: "list" }],
    ["暂停广播 3", { type: "pause", id: 3 }],
    ["暂停广播#3", { type: "pause", id: 3 }],
    ["暂停广播 ＃３", { type: "pause", id: 3 }],
    ["恢复广播 3", { type: "resume", id: 3 }],
    ["删除广播 12", { type: "delete", id: 12 }],
    ["取消广播 12", { type: "delete", id: 12 }],
    ["预览广播 4", { type: "preview", id: 4 }],
    ["立即广播 5", { type: "send-now", id: 5 }],
  ])("%s", (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it("asks for the number when it is missing or not a number", () => {
    expect(errorOf("暂停广播")).toContain("「暂停广播」后面要写广播的编号");
    expect(errorOf("删除广播 那条")).toContain("编号");
  });

  it("reads a praise note and a draft request", () => {
    expect(parse("表扬 3号楼王阿姨连续一个月帮独居的李大爷买菜")).toEqual({
      type: "praise",
      text: "3号楼王阿姨连续一个月帮独居的李大爷买菜",
    });
    expect(parse("表扬：小刘修好了路灯")).toEqual({ type: "praise", text: "小刘修好了路灯" });
    expect(errorOf("表扬")).toContain("表扬谁");
    expect(parse("帮我写一条防汛的广播稿")).toEqual({ type: "draft", topic: "防汛" });
    expect(parse("帮我写一条关于冬季防火的广播稿")).toEqual({ type: "draft", topic: "冬季防火" });
    expect(parse("帮我写一条广播稿，主题是垃圾分类")).toEqual({ type: "draft", topic: "垃圾分类" });
  });

  it.each([
    "你好",
    "3号楼下水道又堵了",
    "广播里说明天停水吗",
    "明天广播吗",
    "表扬信在哪里领",
    "暂停一下",
  ])("leaves ordinary chat alone: %s", (text) => {
    expect(parse(text)).toBeNull();
  });
});
