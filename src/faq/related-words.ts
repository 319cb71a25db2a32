// Words that point at a concept without meaning the same thing: a resident who wants to "取钱" is
// asking about the bank, one whose "电吹风" broke is asking about the repair team. An entry that names
// the concept is indexed with these words too, so a question in everyday words still finds it.
// Keys are written as the knowledge base writes them after synonym folding (see synonym-groups.ts).
import { normalizeText } from "./normalize-text.js";

const relatedWords: Record<string, string[]> = {
  // Around the neighbourhood
  银行: ["取钱", "取款", "存钱", "存款", "取款机", "转账"],
  超市: ["买东西", "日用品", "便利店", "商店"],
  药店: ["买药"],
  公交: ["公交车", "坐车", "公共汽车"],
  医院: ["大医院", "住院"],
  便民菜站: ["蔬菜", "菜价", "青菜"],
  快递: ["寄东西", "收件", "寄件", "包裹", "取件", "网购"],
  送餐: ["饭", "吃饭", "盒饭"],
  医保: ["保险", "报销"],
  文明实践站: ["菜单", "移风易俗"],
  网格员: ["管片", "包楼", "片区"],
  // Health
  卫生服务站: ["开药", "拿药", "配药", "取药", "头疼脑热", "感冒", "不舒服", "发烧", "咳嗽", "头疼", "拉肚子"],
  血压: ["降压药", "血压计"],
  血糖: ["糖尿病", "降糖药"],
  体检: ["检查", "化验", "抽血"],
  心理咨询: ["聊聊", "倾诉", "压力", "焦虑", "想不通", "憋屈", "难受", "哭"],
  // Family and law
  婆媳: ["婆婆", "公婆", "儿媳妇"],
  婚姻家庭: ["离婚", "夫妻", "家务事", "家庭矛盾"],
  律师: ["法律", "官司", "合同", "工资", "遗产", "赔偿", "欠钱", "懂法", "财产", "工钱", "老板"],
  // Children
  四点半学校: ["放学", "作业", "接孩子", "没人接", "没人管", "小学生"],
  // Help and money
  低保: ["困难", "生活困难", "没收入", "收入低", "日子难", "救济", "穷", "贫困"],
  高龄补贴: ["80岁", "90岁", "100岁", "补贴", "每月发钱", "给钱"],
  老年证: ["60岁", "公园", "门票", "景区", "逛公园"],
  独生子女: ["独生子女奖励", "退休"],
  // Civic life
  志愿者: ["做好事", "献爱心", "帮助别人", "做公益"],
  时间银行: ["时间币", "积分", "兑换", "钟点", "小时", "攒", "存"],
  微心愿: ["心愿", "愿望", "许愿", "圆梦", "帮一把", "圆愿"],
  议事会: ["开会", "商量", "提议", "提案"],
  组织关系: ["党员", "转党组织"],
  党费: ["交党费"],
  // Culture and sport
  合唱队: ["唱歌", "练歌", "红歌", "老歌"],
  舞蹈队: ["跳舞", "扭秧歌", "秧歌"],
  模特队: ["走秀", "模特", "走猫步"],
  京剧: ["听戏", "戏迷", "胡琴", "京胡", "拉琴", "唱段"],
  太极拳: ["八段锦", "拳"],
  书法: ["写字"],
  国画: ["画画", "学画"],
  书画: ["画画", "学画", "书法", "国画", "写字"],
  阅览室: ["看书", "看报", "报纸", "杂志", "上网"],
  红色影院: ["放电影", "电影", "放映"],
  讲座: ["健康知识", "养生", "大课"],
  防诈骗: ["骗子", "被骗", "上当", "保健品"],
  红色广播站: ["喇叭", "广播", "点歌"],
  消夏晚会: ["晚会", "节目", "演出", "文艺"],
  邻居节: ["百家宴", "聚餐"],
  百家宴: ["拿手菜", "带菜", "聚餐", "每家", "每户"],
  重阳节: ["重阳糕", "敬老"],
  // Home, repairs, waste, vehicles
  小家电: ["微波炉", "吹风机", "电吹风", "电熨斗", "收音机", "台灯", "电暖气", "电热毯", "豆浆机", "电磁炉"],
  磨剪子: ["磨刀", "菜刀", "剪刀"],
  补胎: ["车胎", "打气"],
  入户小修: ["水龙头", "灯泡", "插座", "下水", "下水道", "马桶", "堵"],
  公共部位: ["楼道", "楼梯", "电梯", "单元门", "楼道灯", "路灯", "水管"],
  垃圾分类: ["剩饭", "剩菜", "菜叶", "果皮", "电池", "纸箱", "塑料瓶", "瓶子", "垃圾桶", "桶"],
  装修垃圾: ["砖头", "渣子", "水泥", "瓷砖", "装修"],
  有害垃圾: ["电池", "废电池", "旧电池", "灯管", "过期药", "温度计", "油漆"],
  厨余垃圾: ["剩饭", "剩菜", "菜叶", "果皮", "湿垃圾"],
  可回收物: ["纸箱", "纸壳", "纸板", "塑料瓶", "瓶子", "易拉罐", "旧衣服"],
  其他垃圾: ["干垃圾"],
  大件垃圾: ["大件", "旧家具"],
  停车证: ["停车", "车位", "停车位", "停车费", "新车"],
  充电棚: ["充电桩", "充电"],
};

// Keys as normalized text writes them ("入户小修" reads "上门小修" once synonyms are folded).
const byKey = Object.entries(relatedWords).map(([key, words]) => [compact(normalizeText(key)), words] as const);

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The everyday words pointing at concepts that the (already normalized) text names. */
export function findRelatedWords(normalized: string): string[] {
  const text = compact(normalized);
  return byKey.filter(([key]) => text.includes(key)).flatMap(([, words]) => words);
}

/** The concepts' keys as the index sees them, for checking that each one can ever match. */
export function listRelatedKeys(): string[] {
  return byKey.map(([key]) => key);
}
