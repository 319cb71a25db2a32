// Messages that need no action: solved problems, thanks, greetings, ads, forwarded
// rumours, attempts to steer the bot, and chat between neighbours or volunteers.
import type { Term } from "../match-terms.js";

/** A clause with one of these says its problem is over; the problem words in it do not count. */
// The lookbehind keeps "不亮了" / "没通了" from reading as fixed.
export const resolvedCues: Term[] = [
  [
    /(?<![不没未])(?:修好|弄好|搞好|整好|修完|已经好了|(?<!(?:要是|如果|能|假如).{0,10})就好了|都好了|好使了|能用了|亮了|恢复了|解决了|处理好了|处理完了|搞定|没事了|虚惊)/,
    1,
  ],
  [/(?<![不没未])(?:不用(?:再)?(?:来|派|修|报|管|麻烦|处理)|不需要了|不用了|别来了|撤销|取消)/, 1],
  [
    /(?<![不没未])(?:通了|捅开了|疏通了|来电了|来水了|有电了|有水了|暖气来了|暖气热了|热乎|不冷了|找着了|找到了|回来了|到家了)/,
    1,
  ],
  [/(?<![不没未])(?:已经(?:给|帮|把)?.{0,10}(?:送过|送了|去过|看过|处理|安排|修|办好|办完|通知))/, 1],
];

/** Thanks and praise mute their clause too, unless the same clause asks for something. */
export const thanksCues: Term[] = [[/谢谢|感谢|多谢|谢了|辛苦了|辛苦|点赞|点个赞|给力|利索|及时|暖心|太好了/, 1]];

/** Strong signs of a message that is not for the community to act on. */
export const noiseCues: Term[] = [
  // Ads: prices per unit, private chat, delivery, group buys, services for hire.
  [
    /专业.{0,4}(?:疏通|开锁|维修|搬家|保洁|清洗|安装|回收)|价格(?:实惠|公道|优惠|便宜|合理)|欢迎(?:来电|咨询|选购|订购)|量大从优|有需要的?(?:联系|私聊|加)|私聊|私信|加微信|加我微信|送货上门|包邮|拼团|开团|团购|下单|链接|优惠|特价|促销|代购|价格公道|随叫随到|专业(?:疏通|开锁|维修|搬家|保洁)|上门服务.{0,6}电话|招代理|兼职|刷单/,
    5,
  ],
  [/[\d两一二三四五六七八九十]+(?:块|元)(?:钱)?(?:一|每)(?:斤|个|箱|袋|份|只)|一斤[\d两一二三四五六七八九十]+/, 4],
  // Forwarded articles and rumours.
  [/^转发|转发[::]|【转发】|《.{2,40}》|转给家人|转给亲友|转起来|扩散周知|震惊|千万别|速看|紧急通知!{2,}/, 5],
  // Attempts to give the bot instructions.
  [
    /忽略.{0,6}(?:指令|指示|规则|设定|提示)|(?:ignore|disregard).{0,20}(?:instruction|prompt)|system prompt|你现在是|你现在扮演|扮演一个|从现在开始你|输出.{0,6}(?:json|JSON|提示词|指令)|(?:所有|全部).{0,4}(?:标记|设为|改成|分类为|归为).{0,6}(?:紧急|urgent|request)|越狱|开发者模式|(?:把|将)(?:这条|此).{0,6}(?:设为|标记为|当作).{0,6}(?:紧急|urgent)/i,
    8,
  ],
];

/** Social talk: greetings, wishes, sharing, acknowledgements, volunteers coordinating. */
export const chatCues: Term[] = [
  [/^(?:早上好|早安|午安|晚安|大家好|你好|您好|好的|收到|明白|知道了|ok|OK|嗯+|哈+|好+)\s*$/i, 4],
  [/早上好|晚安|节日快乐|新年快乐|身体健康|万事如意|恭喜|祝贺|生日快乐|中秋快乐|春节快乐/, 3],
  [/哈哈|笑死|太热闹|真好看|真好吃|真漂亮|照片发群|视频|抖音|火了/, 2],
  [/集合|值班|到齐|签到|打卡|我这边|我马上过去|替我一下|排班|分组|带好|别忘了/, 3],
  [/发错群|发错了|不好意思|打扰了|撤回/, 3],
  [/大家(?:放心|多穿|早点休息)|提醒大家|温馨提示/, 3],
  [/大家(?:注意|小心)/, 1],
  [/便宜|打折|好吃|天气|降温|下雨了|出太阳/, 1],
  [/我也(?:听见|看见|遇到|是这样|觉得)|不用急|别着急|没事的|正常的|我家也是|我们家也是/, 2],
  // Advice to a neighbour: "你家…拧开就好了".
  [/^你家|^你们家|^你那|你(?:得|要|可以|去)(?:找|打|拧|关|开|问)/, 3],
  [/就行|就可以了|就好了|这么弄|这样弄|试试/, 2],
  [/太负责|负责任|真好|真棒|好人|热心|贴心|点赞|赞一个/, 2],
];
