// Questions clearly outside what a community bot is for: markets, the weather forecast, sport and
// shows, lottery, homework, shopping online, travel tickets, general knowledge. They get a kind
// "this I cannot help with" instead of a hand-over that would flood staff. A question that also
// names something of the community ("明天下雨活动还办吗") is the community's and is handed over.

const offTopicRules: RegExp[] = [
  // Money markets.
  /股票|炒股|股市|大盘|A股|港股|美股|涨停|跌停|补仓|割肉|抄底|牛市|熊市|基金|理财产品|比特币|虚拟币|数字货币|黄金.{0,3}(?:价|涨|跌)|汇率|美元/,
  // The forecast.
  /天气|(?:今天|明天|后天|周末|这几天|下午|晚上|夜里|待会儿?|会不会|会|要)[^,，。]{0,6}(?:下.{0,2}[雨雪]|刮.{0,2}风|降温|升温|出太阳|晴天|阴天)|气温|几度|温度多少|台风|雾霾|空气质量/,
  // Sport, shows, celebrities.
  /球赛|比分|足球|篮球|NBA|世界杯|奥运|国足|明星|电视剧|综艺|电影.{0,4}(?:好看|上映|推荐)|追剧|八卦/,
  // Luck and games.
  /彩票|双色球|大乐透|中奖号码|星座|运势|算命|风水|游戏.{0,4}(?:攻略|怎么过|充值)|斗地主/,
  // School work and general knowledge.
  /作业|数学题|这道题|英语怎么说|翻译成|用英语|首都是|多少公里|历史上|谁发明|为什么天是|宇宙|地球/,
  // Online shopping, parcels from afar, tickets for travel.
  /淘宝|京东|拼多多|网购|哪个牌子|什么牌子|手机.{0,4}(?:推荐|哪款|好用)|机票|火车票|高铁票|旅游攻略|去哪.{0,2}旅游|景点/,
  // Talking to the bot about itself rather than the community.
  /讲个笑话|讲笑话|你几岁|你多大|你是男|你是女|你喜欢|你会唱|给我唱|谈恋爱|你结婚/,
];

// Words that tie a question to the community, its services, the building or life here.
const communityAnchor =
  /社区|小区|居委|物业|楼|单元|院里|院子|门口|活动|食堂|助餐|志愿|报名|办理|证明|补贴|低保|书记|网格|停车|快递柜|垃圾|业主|邻居|居民|老人|养老|卫生站|服务站|我们这|咱们这|咱这/;

/** True when the question is clearly not about the community and nothing ties it to it. */
export function isOffTopic(question: string): boolean {
  return offTopicRules.some((r) => r.test(question)) && !communityAnchor.test(question);
}
