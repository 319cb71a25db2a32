import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/understand/parse-message.js";

// Emergencies described in everyday words rather than the textbook ones, and
// everyday messages that share a word with an emergency. Missing the first kind is
// the worst error the parser can make; raising the second kind wears staff out.
const emergencies = [
  "屋里全是烟,呛得睁不开眼",
  "水从楼上哗哗地流下来,家里都成河了",
  "老人吃东西噎着了,脸都紫了",
  "有人晕在电梯里了",
  "家里老人被开水烫伤了,起了好大的泡",
  "狗把小孩咬了,流了好多血",
  "电动车在楼道里炸了",
  "井盖没了,有个小孩掉下去了",
  "有个小孩爬到窗户外面了,就在空调外机上",
  "家里进贼了,人还在屋里",
  "闻到一股焦味,不知道哪家的",
  "我妈发烧四十度,烧得说胡话",
  "隔壁老大爷家里的电视开了一整天了,敲门一直没人开",
  "我家老人吃错了药,现在一直吐",
  "楼顶上有个人站在边上,看着要往下跳",
  "电梯停在两层中间不动了,里面有个老太太在喊",
  "有个老太太倒在单元门口了,叫她也不应",
];

const calm = [
  "今晚要跳广场舞吗",
  "楼下野猫天天晚上打架,吵死了",
  "门口堵车堵得一动不动",
  "钥匙掉下去了,谁帮我捡一下",
  "小区的路上好多坑,一下雨全是水洼",
  "我妈的老年卡过期了,她卧床起不来,能不能上门给办",
  "希望多组织点健康讲座,比如防诈骗、防跌倒的",
  "昨天有人从高层往下扔了一个酒瓶子,就摔在我脚边",
  "孩子的疫苗本丢了,麻烦帮忙查一下接种记录",
];

describe("emergencies in everyday words", () => {
  it.each(emergencies)("%s is an urgent request", (text) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", urgency: "urgent" });
  });
  it.each(calm)("%s raises no alarm", (text) => {
    expect(parseMessage(text).urgency).not.toBe("urgent");
  });
});
