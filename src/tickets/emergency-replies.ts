// First advice for an urgent report, by situation: short, warm and in line with standard Chinese
// public-safety guidance (燃气泄漏不开关电器、不在室内打电话; 老人摔倒不急于扶起; 火灾走楼梯不乘电梯;
// 被困电梯不扒门; 走失不用等 24 小时就可报警). Kept apart from ticket-replies so each can change alone.
import type { EmergencySituation } from "../understand/emergency-situation.js";

export const emergencyAdvice: Record<EmergencySituation, string> = {
  fire: "着火冒烟请马上打 119; 用湿毛巾捂住口鼻, 弯腰从楼梯走, 千万别坐电梯, 别回去拿东西。",
  gas: "闻到燃气味: 别开关电灯电器、别点火, 也别在屋里打电话; 轻轻打开门窗, 能关就关上燃气阀门, 人先到室外, 再打燃气公司抢修电话或 119。",
  electric: "离电线远一点, 千万别碰, 也拦住别人别靠近; 有人触电先断电, 别用手直接拉他, 打 120。",
  lift: "被困电梯别慌: 按电梯里的警铃或打轿厢里贴的救援电话, 别扒门、别自己往外爬, 等救援的人来。",
  flood: "先关掉家里的进水总阀; 水碰到插座电器的话, 能安全够到就拉下电闸, 人离插座电器远一点。",
  missing: "找人要趁早: 请马上打 110 (不用等 24 小时), 说清最后在哪里、几点看到的、穿什么衣服, 备好一张近照。",
  child: "请马上打 110 (受伤打 120); 先稳住孩子, 别大声喊吓着他, 大人尽快靠过去护着。",
  fall: "老人摔倒了先别急着扶起来, 也别随意搬动; 问问哪里疼、能不能说话, 头晕、出血或起不来就打 120, 陪在身边等人来。",
  unwell: "情况急请马上打 120, 说清楼号门牌; 让他躺下或坐着别乱动, 身边别离人。",
  cold: "先给老人加衣盖被、喝点热水, 注意保暖; 老人要是不舒服, 马上打 120。",
  other: "请先顾好自己和家人的安全, 必要时拨打 110 / 119 / 120。",
};

export const dutyPhoneLine = (phone: string | undefined) => (phone ? ` 社区值班电话: ${phone}。` : "");

// Asking where, once, when a request names no place and its group names no building.
export const placeReplies = {
  /** Appended to the acknowledgement of an ordinary request. */
  askWhere: () => "在几号楼几单元呀? 说一声, 志愿者好找到您。",
  /** Sent after the alert and card of an urgent one (they never wait for the answer). */
  askWhereUrgent: (id: number) => `#${id} 在几号楼几单元呀? 回一句地点, 我马上告诉志愿者。`,
  noted: (id: number, place: string) => `好的, 记下了: ${place}。已经告诉志愿者 (#${id})。`,
  forVolunteers: (id: number, place: string) => `#${id} 地点补充: ${place} (居民刚回复)`,
};
