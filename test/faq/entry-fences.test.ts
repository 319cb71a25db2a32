import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/faq-index.js";
import { lintKb } from "../../src/faq/lint-kb.js";
import { loadKb } from "../../src/faq/load-kb.js";
import { formatKbProblem } from "../../src/words/kb-problem.js";

function writeKb(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "linli-kb-"));
  writeFileSync(join(dir, "services.yaml"), text);
  return dir;
}

const now = new Date("2026-11-27T02:00:00Z");

const kb = `- id: parking
  title: 小区停车
  questions: [小区停车怎么收费, 月租车位怎么办]
  answer: 地面车位按月租, 每月 150 元, 在物业服务中心办理停车证, 带行驶证和房产证或租房合同。
  tags: [停车, 车位]
  not:
    - 买车位
    - 车位产权
- id: property-office
  title: 物业服务中心
  questions: [物业在哪, 物业电话多少]
  answer: 物业服务中心在 2 号楼一楼, 电话 0000-1000003, 管停车证、门禁卡和报修。
  tags: [物业]
- id: garage-sale
  title: 地下车库
  questions: [地下车库几点关门]
  answer: 地下车库 24 小时开放。车库的车位由开发商出售, 想买车位请到 1 号楼售楼处问价。
  tags: [车库]
- id: canteen
  title: 长者食堂
  questions: [长者食堂几点开饭]
  answer: 长者食堂每天 11:00-12:30 开午饭, 一份 12 元。
  tags: [助餐]
  not: [包桌]
`;

describe("not: what an entry does not cover", () => {
  it("hands a question about a fenced thing to a person", () => {
    const index = createFaqIndex(loadKb(writeKb(kb)).entries);
    const answer = index.answer("中午想给老爷子过生日 长者食堂能包桌吗", now);
    expect(answer.entry).toBeNull();
    expect(answer).toMatchObject({ handover: "fenced", fence: "包桌" });
  });

  it("still answers what the entry covers, and a fence said only in the story", () => {
    const index = createFaqIndex(loadKb(writeKb(kb)).entries);
    expect(index.answer("长者食堂中午几点开饭 一份多少钱", now).entry?.id).toBe("canteen");
    expect(index.answer("上回包桌吃得不错 长者食堂平时几点开饭", now).entry?.id).toBe("canteen");
    expect(index.answer("小区停车一个月多少钱", now).entry?.id).toBe("parking");
  });

  it("never falls back on the fenced entry's sibling unless that one states the fenced thing", () => {
    const index = createFaqIndex(loadKb(writeKb(kb)).entries);
    // No sibling states 车位产权: a person answers, not the office or the garage.
    expect(index.explain("小区车位产权能办下来吗")[0]?.id).toBe("parking");
    expect(index.answer("小区车位产权能办下来吗", now)).toMatchObject({ entry: null, fence: "车位产权" });
    // The garage entry says where to buy one: it takes the fenced entry's place, and the decision weighs it
    // as the best match (not a fenced hand-over).
    expect(index.explain("小区的车位能买吗 去哪买车位")[0]?.id).toBe("parking");
    const fallback = index.answer("小区的车位能买吗 去哪买车位", now);
    expect(fallback.handover).toBeUndefined();
    expect(fallback.candidates[0]?.id).toBe("garage-sale");
    expect(fallback.candidates.map((c) => c.id)).not.toContain("parking");
    expect(index.answer("车库车位能买吗", now).entry?.id).toBe("garage-sale");
  });

  it("keeps the fences as written, in the entry's other fields", () => {
    const entry = loadKb(writeKb(kb)).entries.find((e) => e.id === "parking");
    expect(entry?.extra.not).toEqual(["买车位", "车位产权"]);
  });

  it("lints an empty, a too long and a repeated fence, each on its own line", () => {
    const text = `- id: canteen
  title: 长者食堂
  answer: 每天开午饭
  not:
    - 包桌
    - ""
    - 给老人办八十大寿的时候能不能在食堂包桌请客
    - 包桌
`;
    expect(lintKb(writeKb(text)).map(formatKbProblem)).toEqual([
      "services.yaml 第6行: 条目 canteen: not 第2项是空的",
      "services.yaml 第7行: 条目 canteen: not 第3项太长: 写一件事的短语,不超过12个字",
      "services.yaml 第8行: 条目 canteen: not 第4项 “包桌” 重复了",
    ]);
    const notAList = "- id: canteen\n  title: 长者食堂\n  answer: 每天开午饭\n  not: 包桌\n";
    expect(lintKb(writeKb(notAList)).map(formatKbProblem)).toEqual([
      "services.yaml 第4行: 条目 canteen: not 应是列表(每项一行,以 “- ” 开头,写这一条不管的事)",
    ]);
  });
});
