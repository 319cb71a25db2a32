// Emergencies: safety, health or a home at risk now. Missing one is the worst error
// this parser can make, so these are broad; hypothetical and past wording is
// filtered separately (see detect-urgency.ts). Each cue names the category it implies.
import type { Category } from "../taxonomy.js";

export interface UrgentCue {
  pattern: RegExp;
  category: Category;
}

const cue = (pattern: RegExp, category: Category): UrgentCue => ({
  pattern: new RegExp(pattern.source, "g"),
  category,
});

export const urgentCues: UrgentCue[] = [
  // Life-support equipment without power comes before the breathing words it shares.
  cue(
    /(?:制氧机|呼吸机|透析机|氧气机).{0,20}(?:停电|没电|断电)|(?:停电|没电|断电).{0,20}(?:制氧机|呼吸机|透析机|氧气机)/,
    "utilities",
  ),
  cue(
    /(?:煤气|燃气|天然气|液化气).{0,6}(?:味|泄漏|泄露|漏了|漏气)|臭鸡蛋味|不敢(?:开灯|点火|开火)|漏气|一股.{0,4}(?:煤气|燃气|天然气|气味)|气味.{0,4}(?:冲|呛|大)|闻到.{0,4}(?:煤气|燃气)/,
    "safety",
  ),
  cue(
    /烟雾|焦糊|糊味|烧焦|烧东西|(?<![打点]不?)着火|自燃|起火|失火|火灾|火苗|火光|冒火|火星|冒烟|冒黑烟|浓烟|烟很大|烧起来|烧着了|119(?![\d平米元块])|爆炸/,
    "safety",
  ),
  cue(/电线.{0,8}(?:断|掉|冒|打火|着了|裸露|垂)|漏电|触电|电着了|电到人/, "safety"),
  cue(
    /被困|困在|困人|关在(?:电梯|里面)|卡在电梯|电梯.{0,10}(?:卡住|困|出不去|出不来)|(?:卡|困|关)在.{0,8}(?:电梯|里面|中间|半空)|里面.{0,4}出不去|锁在(?:屋|家|里)/,
    "safety",
  ),
  cue(/(?:孩子|小孩|儿子|女儿|孙子|孙女).{0,6}(?:丢了|走丢|找不到|不见了|没回来)/, "safety"),
  cue(/打人|打起来了|动刀|拿刀|持刀|家暴|要打/, "dispute"),
  cue(
    /淹了|淹水|水漫(?:进|到)?(?:屋|家|房间|一屋|一地)|漫出来|漫进|倒灌|(?:水管|管子|管道|暖气片|水龙头|水箱).{0,3}(?:爆|裂开|崩)|爆管|往下哗哗|哗哗(?:往|地往)(?:下|外|屋里|我家)|满屋子?(?:都是)?水|满地.{0,2}水|进水了|发大水|往外冒.{0,2}水|水往下(?:流|淌|漏)|顺着.{0,6}往下(?:流|淌|滴)/,
    "repair",
  ),
  cue(/走丢|走失|人不见了|失联|(?:出门|出去|遛弯|买菜).{0,12}(?:没回|还没回|没到家)/, "elderly"),
  cue(
    /(?:老人|老太太|老爷子|老大爷|老头|老太|大爷|大妈|奶奶|爷爷|我妈|我爸|我娘|我爹|老伴|他|她).{0,10}(?:没回来|联系不上|找不到了|不见了|没动静|敲门不开|敲门没人|电话不接|电话没人接|不接电话)/,
    "elderly",
  ),
  cue(/(?:两|三|几|好几|一)天(?:都)?没(?:动静|见|出门|露面|开门)|敲门(?:不开|没人应|不应|没反应)/, "elderly"),
  cue(/摔倒|摔了|跌倒|摔伤|摔在|摔地上|倒在地|起不来|爬不起来/, "elderly"),
  cue(
    /晕倒|昏倒|昏迷|不省人事|抽搐|胸口(?:疼|痛|闷)|胸闷|心口疼|喘不上气|喘不过气|喘气.{0,3}(?:费劲|困难|不上来)|呼吸困难|满头大汗|嘴唇发紫|说话不清|口齿不清|嘴歪|口眼歪斜|半边身子|半身不遂|突然.{0,8}(?:说不出|不清|动不了|倒|晕|疼|抽|不行|没了意识)|脸色发白|脸都白了|口吐白沫|心脏病犯|犯病了|突发|中风了|脑梗了|吐血|大出血|流血不止|血流不止|高烧|烧到.{0,2}(?:39|40)|叫不醒|(?:叫|喊|人).{0,3}没反应|(?:人|老人|我妈|我爸|快)不行了|误吃|误服|吃错药|迷迷糊糊|神志不清|意识不清|中毒|120(?![\d平米元块斤度])|救护车|急救|中毒/,
    "medical",
  ),
  cue(/想不开|轻生|自杀|不想活|跳楼|寻短见/, "medical"),
  cue(/救命|快来人|快救|十万火急|急!|急急|紧急(?!通知|扩散)/, "other"),
];

/** An old or frail person alone, for the "alone without heat in winter" rule. */
export const frailAlone =
  /一个人住|一个人在家|独居|自己住|孤寡|空巢|(?:七|八|九)十多?岁?|[789]\d岁|岁数大|老人|老太太|老爷子|老大爷|我妈|我爸|我娘|我爹|瘫痪|卧床/;
export const noHeat = /暖气.{0,6}(?:不热|没|坏|停|冰凉|不来)|没暖气|没有暖气|停暖|冻得|冻死|冻坏|零下|冰冷|冰凉/;

/** Wording that makes a danger hypothetical, narrowly avoided, past or a worry. */
export const notNow =
  /万一|要是|如果|假如|假设|真要|真的?$|真要|怕|担心|生怕|容易|会不会|以防|防止|小心|差点|差一点|险些|预防|避免|可能会|别|上次|上回|以前|之前|去年|前年|曾经|演练|培训|知识|宣传/;
