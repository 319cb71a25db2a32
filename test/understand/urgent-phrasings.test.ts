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
  // 倒起 is Sichuan for lying there, but not in 滑倒起不来: the fall must still be read.
  "对门老爷子在厨房滑倒起不来了 一直在喊",
  // A warning to neighbours is not a forwarded rumour.
  "2单元的注意 一楼过道一股煤气味 进出的千万不要开灯",
  // A person missing with a pet is still a person missing.
  "我妈下午出去遛狗 到现在没回来 电话也不接",
  // Trapped told as who is inside; days without food; Cantonese 未返; not waking after a fall.
  "电梯卡住了 我和老伴在里面 按铃没人理",
  "独居的刘大爷三天没吃饭了 说话都没力气",
  "阿婆今朝出门到而家都未返 佢记性唔好",
  "我爸倒在客厅叫不醒",
  // A dog named in it does not make a person's injury the animal's trouble.
  "我被楼下的狗扑倒了 手上全是血 止不住",
  "外墙瓷砖哗哗往下掉 底下还有人走",
  "地下车库水漫到小腿了 还在涨",
  "楼下一个大爷躺在地上 喊他没反应",
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
  // A pet that ran off, a boss who stops answering, someone asked to come and look.
  "我家泰迪下午跑出去了 到现在还没回家 谁看见了说一声",
  "包工头欠了我们八千块工钱 现在电话打不通 能帮忙找个律师吗",
  "楼里停电了 快来人看看是不是总闸的事",
  // Steam and droplets are no flood; a fall already treated; a fire only supposed; a flat named 120.
  "浴室排气扇坏了 洗完澡满墙都是水珠",
  "上个月我爸摔伤了 现在已经出院了 想申请个助行器",
  "电动车老在楼道充电 哪天着火了谁负责",
  "我家住7栋120 楼道灯坏了",
  // 帮帮忙 is politeness, not alarm.
  "客厅墙皮一块块往下掉 麻烦帮帮忙叫师傅来看看",
  "我家的猫卡在空调外机后面出不来了 急死了",
  "最近好多煤气爆炸的新闻 能不能组织个安全讲座",
  // Over: better now, put out, the smell gone; and a swindler who stops answering.
  "前几天头晕得厉害 现在好多了 想找家庭医生查查",
  "锅里的油刚才着了 已经用湿毛巾盖灭了 人没事",
  "早上楼道有点煤气味 开窗通风后味道就散了 想找人查查",
  "被一个理财公司骗了十万 现在电话打不通 想维权",
];

describe("emergencies in everyday words", () => {
  it.each(emergencies)("%s is an urgent request", (text) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", urgency: "urgent" });
  });
  it.each(calm)("%s raises no alarm", (text) => {
    expect(parseMessage(text).urgency).not.toBe("urgent");
  });
});

// Emergencies told by a symptom or a situation rather than by name (stroke, heart,
// swallowed objects, fumes, drowning, lifts falling, weapons, loose fixtures, a child
// not home after dark), and everyday talk that shares their words.
const bySituation = [
  "我婆婆刚才吃着饭筷子掉了 说话也含含糊糊的",
  "老公胸口憋得慌 一直出冷汗",
  "外孙把一颗磁珠咽下去了",
  "楼道里哧哧响 一股天然气味",
  "家里烧炭取暖 老两口都头疼想吐",
  "有个男孩在河里扑腾 看着要沉下去了",
  "电梯往下溜了好几层 我们被关在里面",
  "孩子从滑梯上摔下来 胳膊骨头好像断了",
  "楼下有人拿着砖头追着人打",
  "对门喝醉了扬言要烧房子",
  "隔壁的广告牌被风吹得只剩一个角挂着",
  "我爸血压飙到两百了 头晕得站不住",
  "小区后面的鱼塘里有个孩子在挣扎",
  "闺女出去买东西 这么晚了还联系不上",
  "地下车库积了一层水 还在往里灌 配电箱就在边上",
];

const sharesWords = [
  "他说得含含糊糊的 我也没听明白",
  "门禁反应很慢 要刷好几次",
  "手没劲 拧不开瓶盖 能不能帮我买点菜送上来",
  "吓得我直冒冷汗 还好没摔",
  "喊了物业半天没反应 楼道灯还是不亮",
  "牙疼得受不了 想约个医生",
  "遥控器的电池卡住了拿不出来",
  "油烟大得不敢开窗 楼下饭店能不能管管",
  "空调水从外机往下流 滴到我家窗台上",
  "地上积了一层灰 好久没人打扫了",
  "马上要断水了 大家赶紧接点水",
  "钥匙忘带了 被锁在门外了 谁有物业电话",
  "水龙头卡住了 关不上",
  "我爸有点老年痴呆 不能一个人出门 想请人陪陪他",
  "明天要烧烤 谁一起",
  "湖边有人钓鱼 挺多人的",
  "手机掉河里了 真倒霉",
  "药吃了好几天不见好 想请医生上门看看",
  "我家孩子说话还说不利索 想问问有没有语言训练班",
  "我爸心脏不好 平时胸口有点闷 想约医生做个心电图",
  "刚才闻到焦味 原来是我家锅烧干了 虚惊一场",
  "上周楼下电动车起火那次 消防来得很快 谢谢大家",
];

describe("emergencies told by symptom or situation", () => {
  it.each(bySituation)("%s is an urgent request", (text) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", urgency: "urgent" });
  });
  it.each(sharesWords)("%s raises no alarm", (text) => {
    expect(parseMessage(text).urgency).not.toBe("urgent");
  });
});

describe("the fallback for emergencies told in words no cue knows", () => {
  it.each([
    "快来人啊 我家老爷子刚才在厨房突然就瘫那不动了 叫他也没反应",
    "楼道里刚刚一直有股怪味 我婆婆现在头晕得站不起来",
    "阿拉爷爷刚刚跌跤了 爬勿起来",
  ])("%s is urgent", (text) => {
    expect(parseMessage(text).urgency).toBe("urgent");
  });

  it.each([
    "门砰砰地摔 吓人一跳 闭门器该修了",
    "现在献血车在小区门口 大家可以去看看",
    "要是老人在家摔了怎么办 有没有紧急呼叫器",
  ])("%s is not urgent", (text) => {
    expect(parseMessage(text).urgency).not.toBe("urgent");
  });
});

describe("emphasis is not a hedge", () => {
  it("reads 我真的… as meant, and 真着火了…进不来 as a worry", () => {
    expect(parseMessage("我真的撑不下去了 药都准备好了").urgency).toBe("urgent");
    expect(parseMessage("消防通道天天堵着 真着火了消防车都开不进来 管管吧").urgency).not.toBe("urgent");
  });
});

describe("written Cantonese", () => {
  it("understands a fall, a missing child and water coming in", () => {
    expect(parseMessage("阿爷喺厕所跌亲 起唔到身 快啲嚟人").urgency).toBe("urgent");
    expect(parseMessage("我个女唔见咗 着红色衫 大家帮手睇下").urgency).toBe("urgent");
    expect(parseMessage("屋企入水啦 地板浸到脚眼 快啲派人嚟").urgency).toBe("urgent");
  });
  it("does not take 我私聊你 for an advertisement", () => {
    expect(parseMessage("5号楼2单元电梯坏了 门禁密码我私聊物业").kind).toBe("request");
  });
});

// Hazards that combine: water with a live light or socket, a broken railing someone nearly
// went through, a gas smell however it is put, smoke, sparks, a door nobody answers.
describe("hazard combinations told indirectly", () => {
  it.each([
    ["客厅吸顶灯里面在滴水 灯一直开着没敢关", "repair"],
    ["楼上渗水渗到我家浴霸上了 浴霸还亮着", "repair"],
    ["卧室插座那里渗水 还吱吱地响", "safety"],
    ["跟邻居们说一声 二单元一楼好大一股燃气的味道 路过别抽烟", "safety"],
    ["不知道是不是我闻错了 厨房总有点像天然气的味儿", "safety"],
    ["走廊那个护栏断了两根 今天楼下小孩差点从中间钻出去 现在还没人来弄", "safety"],
    ["楼下那个配电箱刚才闪了一下蓝光 还啪的一声", "safety"],
    ["电动车电瓶充着充着鼓包了 摸着滚烫", "safety"],
    ["对门的烟是从门缝底下冒出来的 敲门没人", "safety"],
    ["隔壁独居的阿姨三天没出过门了 敲门也没有人应", "elderly"],
    ["我家厕所马桶里黑水一直往外冒 卫生间地上全是", "repair"],
    ["楼上漏水 顺着我家厨房的射灯往下流 灯没关", "repair"],
    ["餐厅吊灯的罩子里装了小半碗水 现在还亮着", "repair"],
    ["厕所下水道在往外返脏东西 已经流到客厅了", "repair"],
    ["娃儿把手指头伸到插座里头去了 哭得凶", "safety"],
  ])("%s is urgent (%s)", (text, category) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", urgency: "urgent", category });
  });

  it.each([
    "插座有点松 插头老掉 没冒火也没冒烟",
    "楼下天天有人抽烟 烟从窗户飘进来 满屋子烟味",
    "今天小区搞消防演习 楼道里烟很大 大家别慌",
    "想提前了解一下 万一闻到煤气味应该先干什么",
    "阳台栏杆有点松 不着急 有空来紧一下",
    "灯罩里有几只小飞虫 想拆下来擦擦",
  ])("%s raises no alarm", (text) => {
    expect(parseMessage(text).urgency).not.toBe("urgent");
  });
});

describe("written Cantonese, Sichuanese and Wu", () => {
  it("understands sewage coming up, a fall, a door nobody answers and a stroke", () => {
    expect(parseMessage("厕所啲屎水倒返出嚟 成地都系").urgency).toBe("urgent");
    expect(parseMessage("阿嫲喺客厅跌低咗 唔郁得")).toMatchObject({ urgency: "urgent", category: "elderly" });
    expect(parseMessage("楼下阿伯成两日冇出门 拍门冇人应").urgency).toBe("urgent");
    expect(parseMessage("阿爷讲嘢唔清楚 半边手冇力")).toMatchObject({ urgency: "urgent", category: "medical" });
    expect(parseMessage("我妈在梯坎上跶了一跤 倒起爬不起来").urgency).toBe("urgent");
    expect(parseMessage("阿拉姆妈刚刚掼了一跤 爬勿起来").urgency).toBe("urgent");
  });
});

// A danger told as what happens whenever it rains is a standing fault, not an emergency now.
describe("parseMessage: habitual water is not an emergency", () => {
  it.each([
    "建议在单元门口铺块防滑垫 一下雨门厅里全是水 滑得很",
    "车库入口一到雨天就满地是水 能不能修个排水沟",
  ])("%s is normal", (text) => {
    expect(parseMessage(text)).toMatchObject({ kind: "request", urgency: "normal" });
  });
  it("still reads water all over the floor now as urgent", () => {
    expect(parseMessage("楼上漏下来的水 我家客厅现在满地都是水").urgency).toBe("urgent");
  });
});
