import { describe, expect, it } from "vitest";
import { isOffTopic } from "../../src/understand/off-topic.js";
import { parseMessage } from "../../src/understand/parse-message.js";

describe("asking whether a service exists", () => {
  it.each([
    "社区医生会到家里来吗",
    "卫生站的护士能上门换药不",
    "小区能不能加个电梯呀 有谁知道",
    "请问居委会有没有上门办证的",
    "老年大学能在小区里开班吗",
  ])("is not a request (no task for volunteers): %s", (text) => {
    expect(parseMessage(text).kind).not.toBe("request");
  });

  it.each([
    "我妈中风了躺在床上 能不能请社区医生上门看一下",
    "我腿摔伤了下不了楼 能不能每天给我送个饭",
    "孩子要办入学证明 社区能帮忙开一下吗",
    "2号楼电梯又坏了 能不能派人来修修",
    "楼下的垃圾三天没人收了 能不能管管",
  ])("asked for oneself, or with something wrong, stays a request: %s", (text) => {
    expect(parseMessage(text).kind).toBe("request");
  });
});

describe("off-topic questions", () => {
  it.each([
    "明儿会不会下雪",
    "这只股票还能拿吗",
    "世界杯决赛几点开始",
    "给我讲笑话",
    "双色球下期买啥号",
  ])("are off-topic: %s", (text) => expect(isOffTopic(text)).toBe(true));
  it.each([
    "明天下雨社区活动还搞吗",
    "下雪了小区的路谁来扫",
    "长者食堂几点开饭",
    "物业费怎么交",
  ])("about the community are not: %s", (text) => expect(isOffTopic(text)).toBe(false));
});
