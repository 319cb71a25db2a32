import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/understand/parse-message.js";

// The tie-break rules of docs/taxonomy.md, in sentences written for these tests: a request is
// filed under the main problem someone must act on, not the loudest word, the symptom or the
// person affected.
describe("parseMessage: the main problem decides the category", () => {
  const cases: Array<[string, string, string, string | null]> = [
    // [why, text, category, urgency when it matters]
    [
      "a broken stair light where an old person nearly fell",
      "楼梯间的灯坏了一个多礼拜 昨天隔壁老太太摸黑下楼差点踩空",
      "repair",
      null,
    ],
    [
      "a corridor light, and someone tripped",
      "5栋2单元过道灯不亮 我家老头晚上上楼绊了一跤 赶紧派人换个灯泡吧",
      "repair",
      null,
    ],
    ["water dripping from a ceiling for days", "卧室天花板一直在滴水 都滴了四五天了 盆都接满了", "repair", null],
    ["a van blocking the entrance", "不知道谁的面包车把单元门口堵死了 我们推婴儿车出不去", "parking", null],
    ["a taxi across the gate", "有辆出租车横在小区北门 快递车都开不进来", "parking", null],
    [
      "a power cut stopping an oxygen machine",
      "小区里停电了 我妈在家吸着氧 制氧机一停她就喘不上气 快想办法",
      "utilities",
      "urgent",
    ],
    ["rats coming in from a restaurant", "一楼那家烧烤店后厨的老鼠天天往我们楼道里钻", "sanitation", null],
    [
      "cockroaches coming up from a noodle shop",
      "楼下面馆的蟑螂顺着管道爬到我家厨房了 一晚上打死十几只",
      "sanitation",
      null,
    ],
    [
      "a neighbour's private parking lock on common ground",
      "楼前的公共车位被3楼那户用地锁圈起来了 谁都停不了",
      "parking",
      null,
    ],
    ["a neighbour's lock in a shared place", "对门在楼道公共位置装了个私人车位锁 说是他家的车位", "parking", null],
    ["a fire lane blocked by bikes and junk", "楼后消防通道被电动车和杂物占满了 能不能清一清", "safety", null],
    [
      "a leaking roof tank whose water reaches the meter box",
      "楼顶的水管爆了 水顺着楼梯往下淌 电箱也进水了 快来人",
      "repair",
      "urgent",
    ],
    [
      "a wish for something new, not the parcels it mentions",
      "小区能不能弄个存快递的柜子 现在都扔在门卫室",
      "suggestion",
      null,
    ],
    ["sewage that smells awful (得要命 is no emergency)", "下水道堵了 污水漫到楼道里 臭得要命", "repair", "normal"],
    ["a parcel locker that will not open", "快递柜坏了 取件码输了打不开", "repair", null],
    ["meals for someone who cannot walk after surgery", "做完手术下不了床 能不能每天给我送个饭", "elderly", null],
    [
      "a fall, walking again, and a doctor asked to come",
      "我爸前天在小区里滑了一跤 现在能走 就是手腕肿得厉害 想请社区医生来家里看看",
      "medical",
      "normal",
    ],
    ["a fall that drew blood", "奶奶在楼道里摔了一跤 额头磕破了 一直在流血", "medical", "urgent"],
    ["water dripping into a light that is on", "次卧顶灯的灯罩里一直在滴水 灯还亮着 楼上家里没人", "repair", "urgent"],
    ["sewage coming up a floor drain into a home", "卫生间地漏往上冒脏水 已经漫到门口了", "repair", "urgent"],
    ["a loose railing with only a fix asked", "楼梯栏杆有点松 不急 哪天来拧紧一下螺丝就行", "repair", "normal"],
    ["a gas stove whose igniter fails", "煤气灶点了好几次都打不着 可能是电池没电了", "repair", null],
    ["a light out in the garage", "地库B区的灯全黑了 晚上停车什么都看不见", "repair", null],
    [
      "a neighbour's cigarette smoke coming in",
      "楼下老抽烟 烟从窗户缝飘进我家 一屋子烟味 孩子咳嗽",
      "dispute",
      "normal",
    ],
    ["a torn sheet roof on a bike shed", "楼后车棚的彩钢瓦被风刮跑了两块 下雨车座全湿 找人来补一下", "repair", null],
    ["a hornets' nest in a bike shed", "车棚角上挂着个黄蜂窝 好几个孩子被蛰了 能不能来人弄掉", "sanitation", null],
    [
      "shared bikes lying across the way an old man uses",
      "几辆共享单车横七竖八堵在楼门口 我爸拄拐进不去",
      "parking",
      null,
    ],
    ["renovation rubble at an entrance", "不知道哪家把装修拆下来的碎砖堆在单元门口 好几天了", "sanitation", null],
    ["an old mattress dumped on the stairs", "有人把旧床垫扔在三楼楼梯口 一直没人管 麻烦清走", "sanitation", null],
    ["a manhole overflowing outdoors", "小区东边的下水井往外冒脏水 整条路都是 臭得很", "repair", "normal"],
    [
      "a quarrel past mediating, a lawyer asked for",
      "楼上邻居跟我吵了一架 调解了也没用 我想起诉他 能帮我找个律师吗",
      "legal",
      null,
    ],
    ["a child shut in a car in a car park", "小区停车场有辆车里关着个孩子 车窗都关着 一直在哭", "safety", "urgent"],
    ["mosquito bites, not a dog's", "楼下绿化带蚊子太多 孩子被咬得满腿包 能不能打药", "sanitation", "normal"],
    ["建议 asking for a check, not proposing", "楼顶的太阳能支架被风吹歪了 建议赶紧派人检查一下", "safety", null],
    ["a pipe spraying hot water is a leak", "地下室暖气管往外喷热水 全是白气", "repair", "urgent"],
    [
      "people freed from a lift, a lasting fix asked",
      "上午电梯关人 已经救出来了 可这个月都第二回了 麻烦好好修修",
      "repair",
      "normal",
    ],
    ["a knock to the head in a fall", "我妈在楼梯上摔了 后脑勺磕了个包 现在有点迷糊", "medical", "urgent"],
    [
      "a streetlight out where people have fallen before",
      "小区北门的路灯一到晚上就不亮 黑灯瞎火的 老人摔了好几个",
      "repair",
      "normal",
    ],
    ["a frozen pipe spraying now", "水管冻裂了 现在到处喷水 6号楼1单元302", "repair", "urgent"],
    ["a cistern that will not stop running", "家里马桶水箱一直哗哗响 水停不住 水费得多少钱啊", "repair", null],
    [
      "door-to-door callers who do not look right",
      "有人在小区里挨家挨户发传单 说是免费体检 看着不像正规的",
      "safety",
      null,
    ],
    ["a cable run to charge an e-bike", "二楼有人从窗户甩下一根插线板给电瓶车充电 天天这样", "safety", null],
  ];
  it.each(cases)("%s", (_why, text, category, urgency) => {
    const parsed = parseMessage(text);
    expect(parsed).toMatchObject({ kind: "request", category });
    if (urgency) expect(parsed.urgency).toBe(urgency);
  });

  it("does not take a bottle smashed on the ground, nearly hitting a child, for a person down", () => {
    expect(parseMessage("楼上刚才扔下个酒瓶子 摔得粉碎 差一点砸着孩子 能不能查一下")).toMatchObject({
      kind: "request",
      category: "safety",
      urgency: "normal",
    });
  });
  it("does not take a car stopped in the middle of a gate for a lift stuck between floors", () => {
    expect(parseMessage("谁的越野车停在大门正中间 车都进不来 赶紧挪一下")).toMatchObject({
      category: "parking",
      urgency: "normal",
    });
  });
});

// The same rules, told in other words: each mechanism, not one sentence, must decide.
describe("parseMessage: tie-break mechanisms", () => {
  const cases: Array<[string, string, string, string | null]> = [
    // A denied danger does not pull towards safety, nor make it urgent.
    [
      "a stove that will not light, no smell",
      "煤气灶左边那个眼点不着了 没闻到什么味 估计是电池的事",
      "repair",
      "normal",
    ],
    ["a hob that will not light, no gas smell", "灶具点不着火 没有燃气味 能派师傅看看吗", "repair", "normal"],
    [
      "a detector beeping, no smoke, no fire",
      "楼道里的烟雾报警器半夜一直叫 没冒烟也没着火 估计是电池不行了",
      "repair",
      "normal",
    ],
    ["a detector false-alarming, no smoke", "卧室的烟感乱报警 也没有烟 能来个人看看吗", "repair", "normal"],
    ["a doorbell with a flat battery is no power cut", "门铃不响了 估计是没电了 谁能帮我看看", "repair", null],
    // No gas at all is the supply.
    ["the gas gone, money left on the card", "家里燃气突然没了 灶一点火都打不出 表里还有余额", "utilities", "normal"],
    ["not a flame on the hob", "灶上连个火苗都没有 是不是整栋楼没气了", "utilities", "normal"],
    // A fire lane told as blocked is a hazard whatever blocks it.
    ["a fire lane taken by tricycles", "5号楼西边的消防通道被好几辆电动三轮占了", "safety", null],
    ["a fire lane full of private cars", "消防车道上停满了私家车 大车根本进不来", "safety", null],
    ["an emergency exit piled with parcels", "安全出口被快递包裹堆死了", "safety", null],
    // The thing, not the place: a light out in a garage or a shed.
    ["lights out at a garage entrance", "车库入口那几盏灯坏了好几天 开车进出什么也看不清", "repair", null],
    ["a shed light that stays dark", "自行车棚里的灯一直不亮 晚上取车摸黑", "repair", null],
    ["tubes out in a car park", "地下停车场C区灯管全黑了 停车太费劲", "repair", null],
    // The thing, not the person: a fault in the home of someone old or alone.
    [
      "a dripping tap of a woman living alone",
      "楼下王奶奶一个人住 她家水龙头一直滴水 能不能找人给修修",
      "repair",
      null,
    ],
    [
      "a blocked toilet of a man who cannot manage",
      "独居的老李家马桶堵了 他腿脚不好弄不了 帮忙找个师傅",
      "repair",
      null,
    ],
    ["a tube out that an old mother cannot reach", "我妈八十多了 家里灯管不亮 她够不着 谁能帮换一下", "repair", null],
    [
      "carrying someone down the stairs is help, not a fix",
      "我爸坐轮椅 楼里没有电梯 每周去医院得有人背他下楼",
      "elderly",
      null,
    ],
    // A bracket or rack that may fall on people below.
    ["a rusted-through outdoor-unit bracket", "三楼那家空调外机的支架都锈穿了 底下是小区的主路", "safety", null],
    ["a loose window-guard frame", "隔壁的防盗窗架子松了 一刮风就晃", "safety", null],
    ["a rusting flower rack leaning out", "楼上花架锈得厉害 歪向外面 下边天天有人走", "safety", null],
    // A fall: bleeding or a split head is medical; unable to get up, no injury, stays elderly.
    ["a trip that split the forehead", "我爸在厨房绊倒了 额头撞破了 血止不住", "medical", "urgent"],
    ["a fall on steps, a bleeding hand", "老太太下台阶跌倒了 手上流了不少血", "medical", "urgent"],
    ["a fall, no injury, cannot get up", "爷爷在客厅滑倒了 起不来 没磕着也没流血 我抱不动他", "elderly", "urgent"],
    // Something new asked for, where nothing exists yet: a proposal.
    ["a handrail to be added", "单元门口能不能加个扶手 老人上台阶费劲", "suggestion", null],
    ["streetlights where there are none", "后院那条小路能不能安几盏路灯 晚上太黑", "suggestion", null],
    ["a camera for a shed after thefts", "楼后车棚想请物业装个摄像头 前阵子好几家丢了车筐", "suggestion", null],
    // ...but speed bumps against speeding are a traffic measure.
    ["speed bumps where cars speed", "小区门口没有减速带 车开得太快 能不能给装一个", "parking", null],
    // Changing a rule or a schedule is a proposal, whatever service it is about.
    ["opening hours of a room", "活动室开放时间能不能调一调 晚上也开一会儿", "suggestion", null],
    ["when the rubbish lorry comes", "垃圾车收运的时间能不能改到早一点", "suggestion", null],
    ["a parking-fee rule", "停车收费的规定能不能改一改 对老住户太不公平", "suggestion", null],
    // Ads stuck on something: the ad is the matter, not the door or what the ad offers.
    ["ads on a building door", "单元门上又被贴了一堆办证的广告", "sanitation", null],
    ["a drain-clearing number sprayed on a wall", "楼道墙上喷满了通下水道的电话", "sanitation", null],
    ["removal ads in a lift", "电梯里贴满了搬家公司的广告", "sanitation", null],
    // A lawsuit not wanted: mediation is still what is asked for.
    ["no court wanted", "跟楼上吵了好几年 不想闹到法院 请社区出面调解一下", "dispute", null],
    ["no lawyer wanted", "家里兄弟为老人的房子吵翻了 不打算请律师 想让社区给评评理", "dispute", null],
    // Minding a child is not help for the old.
    ["a child with no one to mind it", "暑假孩子没人带 社区有没有人能帮忙看半天", "other", null],
    ["collecting a child from school", "想找个人下午帮我接孩子放学", "other", null],
    ["a found pet, its owner sought", "捡到一只走丢的小花猫 谁家的 麻烦物业在群里问问", "other", "normal"],
  ];
  it.each(cases)("%s", (_why, text, category, urgency) => {
    const parsed = parseMessage(text);
    expect(parsed).toMatchObject({ kind: "request", category });
    if (urgency) expect(parsed.urgency).toBe(urgency);
  });
});

describe("parseMessage: requests, notices and share links", () => {
  it.each([
    "阳台那根水管前年就报过修 到现在还是滴滴答答漏",
    "去年反映过一次 卫生间顶上还在渗水 一直没人来",
  ])("an old fault still there is a request: %s", (text) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", category: "repair" });
  });
  it.each([
    "【停暖通知】因管道抢修 明日8:00-20:00 暂停供暖 请居民做好保暖 敬请谅解",
    "关于本周六开展免费义诊活动的通知:届时社区医院专家坐诊 请有需要的居民带好医保卡",
    "停气通知 明天上午9点到12点5号楼燃气管道改造 请居民提前做好准备",
    "周日上午卫生站在东门广场免费测血压 有需要的老人可以去",
  ])("a pasted community notice is not a request: %s", (text) => {
    expect(parseMessage(text).kind).toBe("other");
  });
  it("keeps the place a notice names", () => {
    expect(parseMessage("【停电通知】本周五9:00-15:00 8号楼2单元线路检修 届时停电 敬请谅解")).toMatchObject({
      kind: "other",
      building: "8",
      unit: "2",
    });
  });
  it("still reads a complaint about a missing notice as a request", () => {
    expect(parseMessage("停水了也不提前发个通知 现在家里一滴水都没有")).toMatchObject({
      kind: "request",
      category: "utilities",
    });
  });
  it.each([
    "麻烦大家帮我在拼多多砍一刀 谢谢大家了",
    "帮忙助力一下 点开链接就行 https://y.example/zz",
    "姐妹们帮我点一下 就差一个人了",
  ])("a shopping share link is not a request: %s", (text) => {
    expect(parseMessage(text).kind).toBe("other");
  });
  it.each([
    ["@老王 前天谢谢你帮我搬柜子 回头请你喝茶", "other"],
    ["有没有打乒乓球的 下午活动室来两盘", "other"],
    ["社区的快递点搬到哪去了", "question"],
    ["健康小屋称体重收钱不", "question"],
  ])("%s → %s", (text, kind) => {
    expect(parseMessage(text).kind).toBe(kind);
  });
  // Gossip is no task: it must not reach the volunteers' room with a neighbour's family in it.
  it.each([
    ["7号楼刘大爷家闺女是不是离婚了 好久没见她女婿", "other"],
    ["听说对门老孙家儿子二婚了", "other"],
    ["人家小两口闹离婚关你啥事", "other"],
    // The asker's own family matter stays theirs.
    ["我家闺女离婚了 外孙的户口咋办 想找律师问问", "request"],
    ["俺家儿子离婚了 社区能帮着调解调解不", "request"],
  ])("%s → %s", (text, kind) => {
    expect(parseMessage(text).kind).toBe(kind);
  });
});

// Tie-breaks a resident writing apart hit (apart-17), in sentences written for these tests.
describe("parseMessage: more tie-breaks of docs/taxonomy.md", () => {
  it.each([
    ["sewage coming up a kitchen floor drain", "厨房地漏往上反臭水 一股下水道味", "repair"],
    ["a manhole overflowing onto a path", "小区东门那个井盖往外涌污水 路上全是 走路都得绕", "repair"],
    [
      "e-bike charged on the stairs, the owner will not listen",
      "楼上那户天天在楼梯间充电瓶车 说过他好几次就是不听",
      "safety",
    ],
    ["a cable hung from a balcony to charge", "三楼把插线板从阳台吊下来给电动车充电 跟她讲了照样", "safety"],
    ["a doorbell beeping all night", "门铃半夜自己滴滴叫 吵得全家睡不着 是不是坏了", "repair"],
    ["a loose handrail, a fix asked", "二单元楼梯扶手晃得厉害 螺丝松了 有空来紧一紧", "repair"],
    ["a loose railing told as a danger to children", "楼梯栏杆松了一大截 小孩跑上跑下太危险了 来紧一紧吧", "safety"],
    ["a ceiling leak, the upstairs flat not answering", "厨房顶上一直往下滴水 上去敲门没人 好几天了", "repair"],
    ["abandoned bikes taking the shed", "车棚里好多破自行车好几年没人骑 我的车没地方放", "parking"],
    ["birds fouling a doorstep", "阳台底下的台阶鸟粪一层一层的 走上去滑 能不能冲一冲", "sanitation"],
    ["a clinic's doctor asked to call", "闺女刚生完孩子 卫生室能派人上门给看看不", "medical"],
    ["a bathroom drain", "卫生间地漏老往上返味儿 师傅能来看看不", "repair"],
  ])("%s → %s", (_why, text, category) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", category });
  });
});

describe("parseMessage: a supply said to be working is not the matter", () => {
  it.each([
    ["对门王奶奶一个人过 她家暖气倒是热乎 就是想请志愿者常去看看她", "elderly"],
    ["我家水电都正常 就是楼道灯坏了一个礼拜", "repair"],
  ])("%s → %s", (text, category) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", category });
  });
  it("still reads heating that is not warm as utilities", () => {
    expect(parseMessage("我家暖气倒是开了 就是一点都不热").category).toBe("utilities");
  });
});

describe("parseMessage: help given, a fault fixed, a worry or a warning need no action", () => {
  it.each([
    ["praise for a neighbour who carried things up", "7号楼的小孙 前天帮我把一袋面两箱水扛上五楼 好小伙"],
    ["a like for a plumber who came at night", "物业的张师傅大年三十晚上还来给我们换水管 忙到十点多 给他点个大大的赞"],
    ["thanks to a grid worker for paperwork done", "谢谢网格员小王 帮我爸把残疾证办下来了 还亲自送上门"],
    ["a smell gone since the pipes were changed", "前几年俺家厨房下水老有味儿 今年物业把管道换了 一点味儿都没了"],
    ["a worry about a power cut some day", "我老伴晚上得用呼吸机 心里总不踏实 万一哪天赶上停电咋整"],
    ["advice to everyone on icy paths", "昨晚下了冻雨 台阶滑得很 老人小孩下楼都当心点"],
  ])("%s → other", (_why, text) => {
    expect(parseMessage(text).kind).toBe("other");
  });
  it("still reads an ask closed with thanks as a request", () => {
    expect(parseMessage("我腿脚不好 能不能帮我把米扛上楼 谢谢").kind).toBe("request");
  });
  it("still reads a flower idiom of waiting as no thanks", () => {
    expect(parseMessage("维修队到底啥时候来 我家洗衣机坏了一个月 等得花儿都谢了").kind).not.toBe("other");
  });
});

describe("parseMessage: the person affected, a pet, a lawsuit and a traffic measure", () => {
  it.each([
    [
      "droppings an old man slipped on",
      "8号楼后门口的水泥地上全是鸟屎 刚才有个大爷差点摔了 找人来刷一刷吧",
      "sanitation",
    ],
    ["bikes a wheelchair cannot pass", "单元门口的无障碍通道被几辆电动车堵死了 我妈坐轮椅出不去", "parking"],
    ["a bulb a lone old woman cannot reach", "我岁数大了一个人过 厨房灯泡憋了 我踩不了凳子 能派人来换个不", "repair"],
    ["a cat stuck on a shed roof", "我家的花猫溜出去了 现在蹲在自行车棚顶上 下不来 谁能搭把手", "other"],
    ["a parrot landed on a roof", "家里的八哥飞出去了 停在隔壁楼的楼顶 能不能帮忙开一下天台", "other"],
    [
      "a lawyer sought over leak damage",
      "楼上跑水把我家吊顶泡坏了 让他赔他装糊涂 物业调了两回没用 我想起诉他 谁能介绍个律师",
      "legal",
    ],
    [
      "a lawsuit sought over a dog bite",
      "对门的狗把我闺女腿咬破了 医药费他们不认 调解也没谈拢 我准备走法律程序",
      "legal",
    ],
    ["speed bumps asked for", "后门那条路电动车骑得贼快 差点撞到孩子 建议装两道减速带", "parking"],
    ["a child home alone in the holidays", "放寒假了孩子一个人在家 我和他爸都上班 能不能有人白天帮着照看照看", "other"],
    [
      "a leak from upstairs, nobody answering",
      "楼上往我家卫生间顶上漏下来了 敲了半天门没人开 咋整 6号楼2单元401",
      "repair",
    ],
    ["a neighbour's boiler humming", "隔壁的壁挂炉一烧起来就轰轰响 也没漏水 吵得我半夜睡不着", "dispute"],
    [
      "a parcel carried up for someone who cannot walk",
      "我腿脚不好住顶楼 快递在驿站拿不上来 谁能帮我捎上楼",
      "elderly",
    ],
  ])("%s → %s", (_why, text, category) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", category });
  });
  it("keeps help for an old person whose grown children live away", () => {
    expect(parseMessage("我下礼拜要去医院拿药 孩子们都不在身边 能不能找个人陪我").category).toBe("elderly");
  });
});
