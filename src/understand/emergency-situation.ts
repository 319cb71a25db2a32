// Which emergency an urgent message describes, so the first reply gives advice that fits it:
// telling someone beside a fallen elder to "leave the scene" is wrong. Pure rules, first match wins
// (fire before gas: "煤气着火了" needs 119 first; missing before child: "孩子走丢了" needs 110).
import { normalizeText } from "./normalize-text.js";
import { standardizeDialect } from "./standardize-dialect.js";

export type EmergencySituation =
  | "fire"
  | "gas"
  | "electric"
  | "lift"
  | "flood"
  | "missing"
  | "child"
  | "fall"
  | "unwell"
  | "cold"
  | "other";

const rules: ReadonlyArray<readonly [EmergencySituation, RegExp]> = [
  ["fire", /着火|起火|失火|火灾|火苗|烧起来|冒烟|浓烟|烟很大|好多烟|焦糊味|烧焦|门缝.{0,4}烟|烟(?:出来|冒出来|往外)/],
  ["gas", /煤气|燃气|天然气|液化气|瓦斯|臭鸡蛋/],
  [
    "electric",
    /电线.{0,8}(?:掉|断|垂|耷拉|冒火|打火|火花|裸露|露出|泡水)|火花|漏电|触电|电箱.{0,4}(?:冒|响|烧)|电缆.{0,4}(?:断|掉)|蓝光|短路|滋滋|吱吱|(?:电池|电瓶).{0,24}(?:鼓包|烫手|发烫)|(?:灯|浴霸|插座|电表箱|电箱)[^。!?\s]{0,8}(?:进水|滴水|漏水|渗水|积.{0,3}水|在滴)|(?:漏|渗|滴)水?(?:漏|渗|滴)?(?:到|进)[^。!?\s]{0,8}(?:灯|插座|浴霸)|(?:灯|浴霸)[^。!?]{0,8}(?:亮|开)(?:着|起)[^。!?]{0,16}(?:水|滴)/,
  ],
  ["lift", /(?:困|关|卡)(?:在)?.{0,3}电梯|电梯[^。!！]{0,16}(?:困|关[在着住]|卡[住在着]|出不来)/],
  [
    "flood",
    /爆管|水管.{0,4}(?:爆|裂|断)|(?:水|污水).{0,6}(?:漫|淹|灌|涌|喷)|淹了|止不住|关不住|发大水|水.{0,3}流了?一地/,
  ],
  ["missing", /走丢|走失|丢了|找不到|找不着|不见了|没回来|没回家|联系不上|失联|一直没回|没了人影/],
  [
    "child",
    /(?:孩子|小孩|儿童|宝宝|娃).{0,10}(?:窗台|阳台|窗外|爬|锁在|关在|掉|落水|卡住|危险)|(?:栏杆|护栏).{0,30}(?:孩子|小孩|娃|小朋友)/,
  ],
  ["fall", /摔|跌倒|跌了|倒在地|倒地|滑倒|绊倒|起不来|爬不起来/],
  [
    "unwell",
    /晕倒|晕过去|昏迷|不省人事|抽搐|抽风|中风|胸口|心口|心脏|喘不上|喘不过|呼吸困难|发高烧|高烧|吐血|不舒服|不行了|叫不醒|没反应|出血|流血/,
  ],
  ["cold", /暖气|冻|冷得|太冷|没有?取暖/],
];

export function emergencySituation(text: string): EmergencySituation {
  const t = standardizeDialect(normalizeText(text));
  for (const [situation, pattern] of rules) if (pattern.test(t)) return situation;
  return "other";
}
