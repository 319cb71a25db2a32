// Community vocabulary: the words residents say, folded onto the word the knowledge base uses.
// Applied to both entries and questions, so either side may use any variant.
// Keep it general (how people in any 社区 talk), never tuned to particular questions.
const synonymGroups: Record<string, string[]> = {
  长者食堂: ["老年食堂", "老人食堂", "老年饭堂", "长者饭堂", "老人饭堂", "助餐点", "助老餐厅", "爱心食堂"],
  食堂: ["饭堂", "餐厅", "伙房"],
  吃饭: ["就餐", "用餐", "开饭", "打饭", "供餐", "吃午饭", "吃晚饭"],
  送餐: ["送饭", "外送餐"],
  上门: ["入户", "到家里", "来家里", "送家里", "送到家", "到府"],
  失能: ["瘫痪", "瘫在床", "卧床不起", "卧床", "生活不能自理", "不能自理"],
  反映: ["投诉", "提意见", "意见箱"],
  兑换: ["换东西", "兑东西", "换礼品"],
  老年证: ["老人卡", "老年卡", "老人证", "老年优待证", "老年人优待证", "敬老卡", "敬老证", "老年人证"],
  电动车: ["电瓶车", "电动自行车", "电单车", "小电驴", "电驴子", "电驴"],
  医生: ["大夫", "郎中", "医师"],
  卫生服务站: ["卫生站", "卫生室", "卫生所", "社区诊所", "社区医院", "社区门诊", "诊所", "医务室"],
  看病: ["瞧病", "就诊", "就医", "看医生"],
  快递驿站: ["菜鸟驿站", "快递站", "快递点", "代收点", "收发室", "快递驿站点"],
  快递: ["包裹", "邮件", "取件"],
  物业: ["物管", "物业公司"],
  业委会: ["业主委员会", "业主大会"],
  社区: ["居委会", "居委", "村委会"],
  居住证明: ["住址证明", "居住地证明", "住房证明", "在住证明"],
  低保: ["最低生活保障", "低保户", "救济金"],
  高龄补贴: ["高龄津贴", "长寿金", "高龄金", "老龄补贴", "老年补贴"],
  四点半学校: [
    "四点半课堂",
    "四点半学堂",
    "4点半学校",
    "4点半课堂",
    "430课堂",
    "四点半托管",
    "4点半学堂",
    "4点半班",
    "四点半班",
  ],
  托管: ["看孩子", "带孩子", "照看孩子"],
  孩子: ["小孩", "娃娃", "小朋友", "孩儿", "小娃", "儿童"],
  志愿者: ["义工", "志愿服务者", "自愿者"],
  心理咨询: ["心理医生", "心理辅导", "心理疏导", "心理老师", "心理咨询师"],
  疫苗: ["预防针", "疫苗针"],
  合唱队: ["合唱团", "唱歌队", "歌咏队"],
  舞蹈队: ["广场舞队", "跳舞队", "舞蹈团"],
  广场舞: ["跳广场舞", "坝坝舞"],
  京剧: ["京戏", "国粹"],
  戏曲: ["唱戏", "戏剧", "票戏"],
  太极拳: ["太极", "打太极"],
  药店: ["药房", "药铺"],
  停车证: ["停车卡", "车位证", "停车许可"],
  门禁卡: ["门卡", "出入卡", "门禁"],
  电话: ["联系方式", "手机号", "号码", "电话号"],
  周: ["礼拜", "星期"],
  周日: ["周天", "礼拜天", "星期天", "礼拜日", "星期日"],
  党群服务中心: ["党群中心", "党群活动中心", "党建中心"],
  便民服务大厅: ["服务大厅", "办事大厅", "政务大厅", "便民大厅"],
  网格员: ["网格长", "片长", "片区管理员"],
  费用: ["多少钱", "收费", "收钱", "要钱", "花钱", "掏钱", "价钱", "价格", "交钱", "付费"],
  免费: ["不要钱", "不收钱", "不花钱", "白送"],
  开放: ["营业", "开门", "开张", "上班", "办公", "开着"],
  关门: ["下班", "打烊", "关张"],
  维修: ["修理", "修一修", "修修", "报修"],
  垃圾分类: ["分垃圾"],
  扔垃圾: ["倒垃圾", "丢垃圾", "扔掉垃圾", "投放垃圾"],
  家具: ["衣柜", "柜子", "书柜", "书架", "餐桌", "桌椅", "床架", "床垫", "沙发", "茶几"],
  买菜: ["卖菜", "菜市场", "菜场"],
  讲座: ["讲课", "宣讲", "课堂"],
  电影: ["影片", "片子"],
  报名: ["报个名", "登记报名", "参加报名"],
  老人: ["老年人", "老人家", "长辈", "老同志"],
  律师: ["法律顾问", "打官司"],
  体检: ["查体", "健康检查", "身体检查"],
  借书: ["借阅", "借本书"],
  补办: ["重办", "再办"],
  丢失: ["丢了", "弄丢", "遗失", "掉了"],
};

const variantToCanonical = new Map<string, string>();
for (const [canonical, variants] of Object.entries(synonymGroups)) {
  variantToCanonical.set(canonical, canonical);
  for (const variant of variants) variantToCanonical.set(variant, canonical);
}
// Longest first so that "老年人优待证" wins over "老年人", and a canonical word is never re-expanded.
const pattern = new RegExp([...variantToCanonical.keys()].sort((a, b) => b.length - a.length).join("|"), "g");

/** Replaces every known variant by its canonical word. */
export function replaceSynonyms(text: string): string {
  return text.replace(pattern, (word) => variantToCanonical.get(word) ?? word);
}

/** Every variant with the word it folds to, so a slip in a variant ("心里医生") can still be recognised. */
export function listSynonymVariants(): [variant: string, canonical: string][] {
  return [...variantToCanonical.entries()].filter(([variant, canonical]) => variant !== canonical);
}
