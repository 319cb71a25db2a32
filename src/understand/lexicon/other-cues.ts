// Messages that need no action: solved problems, thanks, greetings, ads, forwarded
// rumours, attempts to steer the bot, and chat between neighbours or volunteers.
import type { Term } from "../match-terms.js";

/** A clause with one of these says its problem is over; the problem words in it do not count. */
// The lookbehind keeps "不亮了" / "没通了" from reading as fixed.
export const resolvedCues: Term[] = [
  [
    /(?<![不没未])(?<!(?:能|尽快|赶紧|快点|早点|希望|什么时候|啥时候|多久|才能)[^,.!?\s]{0,3})(?:修好|弄好|搞好|整好|通好|换好|装好|补好|清好|清理好|收拾好|修完|已经好了|(?<!(?:要是|如果|能|假如|再|多)[^,.!?]{0,16})就好了|都好了|好使了|能用了|亮了|恢复了|解决了|处理好了|处理完了|搞定|没事了|虚惊)/,
    1,
  ],
  [
    /(?<![不没未])(?:自己(?:把.{0,6})?(?:弄好|修好|关了|关上|处理|搞定|解决)|等.{0,6}(?:师傅|物业|工人|人)(?:来|上门)|不用(?:再)?(?:来|派|修|报|管|麻烦|处理|惦记|操心)|别(?:再)?(?:惦记|操心|报了)|不需要了|不用了|别来了|撤销|取消)/,
    1,
  ],
  [
    /(?<![不没未])(?:通了|捅开了|疏通了|来电了|来水了|有电了|有水了|暖气来了|暖气热了|热乎|不冷了|找着了|找到了|回来了|到家了|(?:暖和|亮堂|干净|安静|清净|顺畅|通畅|好用)(?:多了|了不少|了好多))/,
    1,
  ],
  [
    /(?<![不没未])(?:已经(?:给|帮|把)?.{0,10}(?:送过|送了|去过|看过|处理|安排|修|换了|换过|办好|办完|通知|放出来|救出来))/,
    1,
  ],
  // The danger is over: the fire is out, the person was taken to hospital, nobody hurt.
  [
    /(?<![不没未])已经(?:被)?(?:关掉|关了|灭了|熄了|扑灭|拔掉|拔了|断开|送(?:去|到)?医院|送医|接回|找回)|没(?:有)?人受伤|没什么(?:大)?事/,
    1,
  ],
];

/** Thanks and praise mute their clause too, unless the same clause asks for something. */
export const thanksCues: Term[] = [
  // 暖心卡, 暖心食堂: a service named 暖心 is no thanks.
  [
    /谢谢|感谢|多谢|谢了|辛苦了|辛苦|点赞|点个赞|给力|(?<![想要扬])表扬|真不赖|没得说|好样的|(?<!不)利索|及时|暖心(?![卡餐饭食服驿屋行工计项包])|太好了|多亏|幸亏|幸好/,
    1,
  ],
];

/** Strong signs of a message that is not for the community to act on. */
export const noiseCues: Term[] = [
  // Ads: prices per unit, private chat, delivery, group buys, services for hire.
  [
    /专业.{0,4}(?:疏通|开锁|维修|搬家|保洁|清洗|安装|回收|上门)|家电清洗|价格(?:实惠|公道|优惠|便宜|合理)|欢迎(?:来电|咨询|选购|订购)|量大从优|有需要的?(?:联系|私聊|私信|加)|(?:详情|价格|报价)(?:请)?(?:私聊|私信)|加微信|加我微信|送货上门|包邮|拼团|开团|团购|下单|(?<!点(?:了|开了|进了|过)[^,.!?\s]{0,6})链接|接龙|自提|代购|价格公道|随叫随到|专业(?:疏通|开锁|维修|搬家|保洁)|上门服务.{0,6}电话|招代理|兼职|刷单/,
    5,
  ],
  // A special offer alone is the news a place sells cheap, not yet an ad: with a price, a link or
  // a group buy it adds up to one; "菜站几点开门 听说早上有特价菜" still asks when it opens.
  [/特价|促销/, 3],
  // The lookbehind starts a price only at the first digit: without it a long run of digits is
  // scanned again from every position (quadratic; 20,000 digits took 2 s).
  [
    /(?<![\d两一二三四五六七八九十])[\d两一二三四五六七八九十]+(?:块|元)(?:钱)?(?:一|每)(?:斤|个|箱|袋|份|只)|一斤[\d两一二三四五六七八九十]+/,
    4,
  ],
  [/高价(?:回收|上门)|回收旧|上门回收|收购|[^\s]{0,4}回收.{0,4}电话/, 5],
  // Forwarded articles and rumours.
  [
    /^转发|转发[::]|【转发?】|\[转发?\]|紧急扩散|扩散周知|转发周知|全城|全市|全国|《.{2,40}》|转给(?:家人|亲友|家里(?:人|的?老人)?|老人|爸妈|父母|身边的人)|转起来|扩散周知|震惊|速看|紧急通知!{2,}/,
    5,
  ],
  // A rumour's warning tone, but also how a neighbour warns of a danger on the stairs now
  // ("路过的千万别点火"): alone it does not make a message forwarded.
  [/千万别|千万不要/, 3],
  // A notice pasted from the community or a utility: a bracketed title, or the official tone
  // that tells residents what will happen (届时, 敬请谅解, 请居民提前…). Passed on, not asked for.
  [/【[^】]{0,14}(?:通知|公告|告知|提示|启事|预告|须知)】|^(?:温馨提示|友情提示|友情提醒|安全提示|重要提示)[:：]/, 5],
  [
    /(?:停水|停电|停气|停暖|检修|维修|施工|改造|义诊|体检|接种|演练|年检|消杀|清洗|放假)(?:的)?(?:通知|公告|告知书?|预告)(?![了吗呢没都也])/,
    3,
  ],
  [
    /届时|敬请谅解|敬请|特此(?:通知|公告)|望周知|相互转告|互相转告|不便之处|带来的不便|请(?:广大|各位|全体)?(?:居民|业主)(?:朋友)?们?(?:提前|做好|注意|届时|积极|前往|携带|带好|按时|自行|相互|互相)/,
    3,
  ],
  // An event told to everyone: "有需要的邻居可以去".
  [/有需要的(?:居民|邻居|老人|朋友|家长|业主)?(?:们)?(?:都)?(?:可以|可|请|欢迎)(?:去|来|前往|参加|报名|过去|到)/, 5],
  // Shopping-app share links and "help me cut the price" requests.
  [
    /【(?:京东|淘宝|天猫|拼多多|美团|抖音|唯品会)】|原价[^,.!?\s]{0,8}现价|砍一刀|帮(?:我|忙)?砍|拼多多|助力一下|帮(?:我|忙)助力|帮我点一下|帮忙点一下|点一下(?:链接|就行|就好)|新人(?:领)?红包|领红包|https?:\/\/|www\./i,
    5,
  ],
  // Attempts to give the bot instructions.
  [
    /测试消息|这是(?:一条)?测试|(?:不用|无需|不必)(?:处理|理会)|忽略.{0,6}(?:指令|指示|规则|设定|提示)|(?:ignore|disregard).{0,20}(?:instruction|prompt)|system prompt|你现在是|你现在扮演|扮演一个|从现在开始你|输出.{0,6}(?:json|JSON|提示词|指令)|(?:所有|全部).{0,4}(?:标记|标为|标成|设为|设成|改成|分类为|归为|当成|算作).{0,6}(?:紧急|urgent|request)|管理员的?(?:命令|指令)|系统指令|越狱|开发者模式|(?:把|将)(?:这条|此).{0,6}(?:设为|标记为|当作).{0,6}(?:紧急|urgent)/i,
    8,
  ],
];

/** Social talk: greetings, wishes, sharing, acknowledgements, volunteers coordinating. */
export const chatCues: Term[] = [
  [/^(?:早上好|早安|午安|晚安|大家好|你好|您好|好的|收到|明白|知道了|ok|OK|嗯+|哈+|好+)\s*$/i, 4],
  [/早上好|晚安|节日快乐|新年快乐|身体健康|万事如意|恭喜|祝贺|生日快乐|中秋快乐|春节快乐/, 3],
  // 火了 is gone viral, not 着火了 / 起火了.
  [/哈哈|笑死|太热闹|真好看|真好吃|真漂亮|照片发群|视频|抖音|(?<![着起失冒])火了/, 2],
  // Thanks to be repaid, and games among neighbours: "改天请你吃饭", "有没有下象棋的".
  [/改天(?:请|再)|请(?:你|您|你们|大家)(?:吃饭|喝茶|吃喜糖|吃)|回头请/, 3],
  [/有没有(?:人)?(?:下|打|玩|跳|唱|钓)[\u4e00-\u9fa5]{1,3}的/, 6],
  // Outings among neighbours: "有没有一块去钓鱼的", "组个队", "结伴去".
  [
    /有没有(?:人)?(?:一块儿?|一起|一道)?(?:去)?[\u4e00-\u9fa5]{1,4}的(?:[,.!?\s]|$)|组个?队|组团|搭个?伴|结伴|约起来/,
    5,
  ],
  [/(?:杀|来|下|打)(?:两|几|一)盘|打(?:两|几)圈|三缺一|凑(?:一)?桌/, 6],
  // Lost and found among neighbours: "捡到一串钥匙 谁丢的去拿".
  [/(?:捡到|拾到|捡了)[\s\S]{0,24}(?:来认|来领|去拿|来拿|去领|谁丢的|谁家丢)/, 8],
  // ...told by who lost it: "谁丢了一串钥匙 放门卫室了 丢的去认领".
  [/(?:谁(?:家)?丢了|谁丢的|失主)[\s\S]{0,30}(?:认领|来拿|来取|来领|来认|去拿|去取|去领|去认)/, 8],
  // Something of a neighbour's found, the owner told to come for it: "谁家的衣服掉下来了 快来收".
  [/谁(?:家)?[^,.!?\s]{0,6}的[\s\S]{0,30}(?:来拿|来取|来领|来认|来收|去拿|去取|去领|拿走|收走)/, 8],
  // Gossip about a neighbour's household (老张家儿子是不是离了, 听说5号楼李家两口子闹离婚): nobody is
  // to act on it, and it must not reach the volunteers as a task. The asker's own (我家儿子离婚了 孙子归谁)
  // is their matter.
  [
    /(?:[他她]|人|[老小][\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,3}(?:大妈|大爷|阿姨|大姐|大哥|大婶|奶奶|爷爷|婶子?|叔)|\d+号楼[^,.!?\s]{0,6}|(?![我俺咱自们])[\u4e00-\u9fa5])家的?(?:两口子|小两口|儿子|闺女|女儿|姑娘|媳妇|儿媳妇?|女婿|老公|老婆|孩子)?[^,.!?]{0,10}(?:离婚|离了|闹离婚|二婚|再婚|出轨|外遇|分居|怀孕|怀上|相亲|彩礼|分手|找对象)/,
    8,
  ],
  [/玩得|开心|高兴|圆满|热热闹闹|好热闹/, 2],
  [/集合|值班|到齐|签到|打卡|我这边|我马上过去|替我一下|排班|分组|带好|别忘了/, 3],
  [/^(?:我也是这么想|我也这么想|我也这么觉得|我也觉得|同意|赞同|说得对|说的对|就是就是|是啊|对呀|对啊|确实)/, 4],
  [/发错群|发错了|不好意思|打扰了|撤回/, 3],
  [/大家(?:放心|多穿|早点休息)|提醒大家|温馨提示/, 3],
  [/大家(?:注意|小心)/, 1],
  // A warning or advice to everyone, asking nothing of the community: "大家出门慢点", "各位当心路滑".
  [
    /(?:大家|各位|邻居们|街坊们)(?:出门|走路|开车|下楼|上下楼|骑车)?(?:都)?(?:慢点|慢一点|小心|当心|注意安全|注意脚下|多穿|别出门|少出门|关好窗)/,
    3,
  ],
  [/以后大家|(?:请)?大家(?:以后|都)?(?:别|不要)/, 3],
  [/便宜|打折|好吃|天气|降温|下雨了|出太阳/, 1],
  // Grumbling about life that asks nothing: "物价一个劲涨 日子难过".
  [/日子(?:难过|不好过|没法过|难熬)|物价|一个劲儿?(?:涨|地涨)/, 3],
  [
    /我也(?:听见|看见|遇到|是这样|觉得|是这么想|这么想)|同意|赞同|说得对|说的对|确实|就是就是|是啊|对呀|对啊|不用急|别着急|没事的|正常的|我家也是|我们家也是/,
    2,
  ],
  // Advice to a neighbour: "你家…拧开就好了".
  [/^你家|^你们家|^你那|你(?:得|要|可以|去)(?:找|打|拧|关|开|问)/, 3],
  [/就行|就可以了|(?<!(?:要是|如果|能|假如|再|多)[^,.!?]{0,16})就好了|这么弄|这样弄|试试/, 2],
  // Neighbours arranging things among themselves: rides, outings, giveaways.
  [/有没有人(?:一起|要|想|拼|顺路)|谁(?:一起|要不要|想去|顺路)|一起(?:去|拼|走|玩|跳)|拼车|顺路|搭个?车|顺风车/, 5],
  // Talking to a named neighbour: "张姐 你明天去不去".
  [/^(?:老|小)?[\u4e00-\u9fa5]{1,2}(?:姐|哥|叔|婶|姨|大爷|大妈|奶奶|爷爷)[\s,,]*你(?!们?社区|们?物业)/, 4],
  [/太负责|负责任|真好|真棒|好人|热心|贴心|点赞|赞一个/, 2],
  // Praise for a talk or an event, and telling neighbours to go next time: "讲座挺实用 大家下次都去听听".
  [
    /(?:挺|很|真|特别|非常|太)(?:有用|实用|有意思|精彩|受用|有收获)|受益匪浅|大家(?:下回|下次|以后|有空)?(?:都)?(?:去|来)(?:听听|看看|参加|试试|报名)/,
    3,
  ],
  [/人(?:真|很|特别|挺|太|可)好|好邻居|热心肠|每次都(?:帮|给)我/, 4],
  // Passing on news, a notice or a reminder for everyone to read.
  [/看新闻|新闻(?:说|里|上)|报道|电视上|视频里|网上(?:说|看到)/, 6],
  [
    /(?:大家|家长们?|各位|邻居们|家人们)(?:都)?(?:看一下|看看|注意一下|了解一下|知悉|留意一下)|(?:发了?|出了?|转发?|贴了?)(?:个|一个|一份|条)?.{0,8}(?:通知|公告|倡议书|提醒)/,
    4,
  ],
];
