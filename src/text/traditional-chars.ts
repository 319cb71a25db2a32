// Traditional → simplified for the characters residents actually type about homes,
// services and neighbours (Hong Kong / Taiwan relatives, phones set to traditional).
// Two strings of equal length: the i-th traditional char maps to the i-th simplified one.
// A compact map on purpose: a full OpenCC table would dwarf the parser for little gain.
const traditional =
  "樓單號門燈壞電氣開關來這們個裡裏為麼嗎沒說話請謝幫區陽東車場臺戶廁衛熱滅燒煙險醫藥護證辦補貼問題時間點錢費買賣飯機壓濕報趕緊幾兒媽爺歲獨鄰舊發髮麵專業務義診療隊員鑰鎖牆頂蓋線斷聲響鬧糾紛調劃處環衝廣蟲髒亂過還進運動認識讓給會從後頭腳腦體檢導師長聽見覺現實應當將與邊廳紙帶結婦孫爭執訴訟資產繼遺囑離騙詐貸養殘輪攙暈災爐鍋閥錶鐘錯壺凍溫涼風颳雲雜雙樣讀書記學習課參團購價優轉據傳謠聞滿積異蒼蠅樹葉綠園廢棄傢櫃遞驛庫輛佔擋擠錄權寫愛願網預約營館驗農貧窮總廚順齊層擾嚴盞龍歡禮節鐵銀術碼掃視筆屬標準織組劉張陳趙楊黃吳鄭馮蔣韓羅啟窩漲貨誤況頓飽餓針瘡傷癢膽醒濟協頁鑑滷鬆麗廈礎歷曆擊陸憑僅償兌軟硬雞鴨鵝豬貓狗鳥蟑螂蝨鬥؟樂畫該對誰難蘭黨達週親";
const simplified =
  "楼单号门灯坏电气开关来这们个里里为么吗没说话请谢帮区阳东车场台户厕卫热灭烧烟险医药护证办补贴问题时间点钱费买卖饭机压湿报赶紧几儿妈爷岁独邻旧发发面专业务义诊疗队员钥锁墙顶盖线断声响闹纠纷调划处环冲广虫脏乱过还进运动认识让给会从后头脚脑体检导师长听见觉现实应当将与边厅纸带结妇孙争执诉讼资产继遗嘱离骗诈贷养残轮搀晕灾炉锅阀表钟错壶冻温凉风刮云杂双样读书记学习课参团购价优转据传谣闻满积异苍蝇树叶绿园废弃家柜递驿库辆占挡挤录权写爱愿网预约营馆验农贫穷总厨顺齐层扰严盏龙欢礼节铁银术码扫视笔属标准织组刘张陈赵杨黄吴郑冯蒋韩罗启窝涨货误况顿饱饿针疮伤痒胆醒济协页鉴卤松丽厦础历历击陆凭仅偿兑软硬鸡鸭鹅猪猫狗鸟蟑螂虱斗?乐画该对谁难兰党达周亲";

export const traditionalToSimplified: ReadonlyMap<string, string> = buildMap();

/** The text with every known traditional character in its simplified form. */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += traditionalToSimplified.get(ch) ?? ch;
  return out;
}

function buildMap(): Map<string, string> {
  const from = [...traditional];
  const to = [...simplified];
  if (from.length !== to.length) throw new Error(`traditional map out of step: ${from.length} vs ${to.length}`);
  const map = new Map<string, string>();
  from.forEach((ch, i) => {
    if (ch !== to[i]) map.set(ch, to[i]!);
  });
  return map;
}
