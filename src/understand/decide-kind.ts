// Turns a message's signals into kind, category, urgency and a confidence.
import type { Signals } from "./analyze-message.js";
import { isServiceInquiry } from "./service-inquiry.js";
import type { Category, Kind, Parsed } from "./taxonomy.js";

const noLocation = { building: null, unit: null, room: null };

export function decideParsed(s: Signals): Parsed {
  if (s.empty) return { kind: "other", category: null, urgency: null, confidence: 0.95, ...noLocation };
  const { kind, confidence } = decideKind(s);
  // A place is read whatever the kind: "6号楼3单元602的 想问问…" still says where the asker lives.
  if (kind !== "request") return { kind, category: null, urgency: null, confidence, ...s.location };
  const category = decideCategory(s);
  const { top, second } = s.categories;
  // Sure of the category when its lexicon clearly leads; unsure when nothing matched.
  const categoryConfidence = top === 0 ? 0.45 : 0.55 + 0.45 * Math.min(1, top / 6) * ((top - second) / top);
  return {
    kind,
    category,
    urgency: s.urgency.urgent ? "urgent" : "normal",
    confidence: round(Math.min(confidence, s.urgency.urgent ? 0.95 : categoryConfidence + 0.15)),
    ...s.location,
  };
}

function decideKind(s: Signals): { kind: Kind; confidence: number } {
  if (s.urgency.urgent && s.noise < 5) return { kind: "request", confidence: 0.9 };
  if (s.noise >= 5) return { kind: "other", confidence: 0.9 };
  // Thanks or praise for help already given, with nothing wrong now and nothing asked.
  if (s.helpPraised) return { kind: "other", confidence: 0.8 };
  const top = s.topicTop;
  const question = s.question;
  const chat =
    s.chat + (s.mentionsNeighbour && !s.mentionsStaff ? 5 : 0) + (s.settled ? 2 : 0) + (s.thanksOnly ? 6 : 0);
  // A message squarely about something the community looks after, neither a question nor chat.
  const onTopic = top >= 5 && question < 2 && chat === 0;
  // A problem about something the community looks after is a request even with no explicit ask:
  // residents state the nuisance ("草坪上全是狗屎") and expect the community to act on it.
  const request = Math.max(s.problem + 1.2 * s.ask + (top >= 3 ? 1 : 0) + (top >= 6 ? 1 : 0), onTopic ? 3 : 0);
  const grounded = s.problem >= 2 || s.ask >= 2 || onTopic;
  // Whether a service exists, asked for no one in particular and with nothing wrong: a question.
  if (grounded && request >= 3 && s.problem < 2 && isServiceInquiry(s.text)) {
    return { kind: "question", confidence: round(sure(Math.max(question, 3) - chat) * 0.9) };
  }
  if (grounded && request >= 3 && request >= question && request > chat) {
    return { kind: "request", confidence: sure(request - Math.max(question, chat)) };
  }
  if (question >= 3 && question > chat)
    return { kind: "question", confidence: sure(question - Math.max(request, chat)) };
  if (grounded && request >= 3 && request > chat) return { kind: "request", confidence: sure(request - chat) * 0.8 };
  return { kind: "other", confidence: sure(3 + chat - Math.max(request, question)) };
}

// A lawyer or a lawsuit asked for: the quarrel is past mediating, the resident wants legal help
// ("不想打官司" wants none).
const lawSought =
  /(?<!不想|不愿|不愿意|不打算|不要|没想)(?:律师|起诉|打官司|诉状|法律援助|法援|仲裁|告到法院|告他|告她|走法律|法律程序|法律途径)/;
// A fire lane told as blocked is a hazard whatever blocks it (cars, tricycles, junk); "那辆车挡着
// 消防车道" tells the car first and stays with the car (parking).
const fireLaneBlocked =
  /(?:消防通道|消防车道|安全通道|逃生通道|安全出口|疏散通道)[^,.!?\s]{0,14}(?:堵|占|挡|堆|锁|停满)/;
// A thing at fault: what the repair team fixes, wherever it is and whoever it troubles.
const thingFault =
  /(?:灯|灯泡|灯管|水龙头|水管|马桶|门锁|锁|窗户?|插座|开关|下水道?|地漏|电梯|门禁|单元门|热水器|排风扇|彩钢瓦|彩钢板|铁皮|石棉瓦|棚顶|顶棚)[^,.!?\s]{0,6}(?:坏|不亮|灭|黑了|全黑|憋了|烧了|漏|堵|不通|打不开|关不上|锁不上|松|掉了|不转|失灵|掀|刮|吹|耷拉)/;
// ...unless the parking matter itself needs acting on: a vehicle in the way, a space taken, a theft.
const parkingMatter = /占|挡|堵(?!塞)|乱停|挪车|挪一下|地锁|车位锁|停不|没(?:地方|处|车位)|被偷|丢了|偷/;
// ...or an old or disabled person needs a service, not a fix: meals, shopping, company, carrying.
const careService =
  /送(?:个|点|份|一份|顿)?(?:饭|餐|菜|药|上来|上楼|下楼)|买菜|代买|跑腿|取药|拿药|陪|聊天|说说话|看望|探望|照看|照顾|助浴|洗澡|理发|扛|搬|抬|背(?:下|上)|拎|搀|扶(?!手)/;

// A pet lost or stuck, wherever it is (a car park, a shed roof): an animal's trouble is `other`,
// not the place's category nor a person trapped. A dog that bit someone is still a danger.
const petInTrouble =
  /(?:猫|狗|宠物|鹦鹉|八哥|兔子|泰迪|金毛|柯基)[^,.!?]{0,16}(?:跑丢|走丢|跑出去|溜出去|飞出去|飞走|不见|找不到|下不来|出不来|卡在|卡住|困在)/;
// ...a child at home, not grown children who live away (孩子都不在身边).
const childNamed = /(?:孩子|小孩|娃|宝宝)(?![们都也]{0,2}(?:不在|在外))|上幼儿园|上小学/;
const frailNamed =
  /老人|老太|老头|老伴|大爷|大妈|奶奶|爷爷|姥姥|姥爷|外婆|外公|我妈|我爸|父母|残疾|轮椅|瘫|腿脚|病|医院|复查|岁数|年纪|[五六七八九]十(?:多)?岁|独居|空巢/;
const trafficMeasure = /减速带|减速坎|限速/;
const carryFor = /捎|(?:拿|带|送|扛|拎|搬)(?:上|到)?(?:楼|家)/;
const frail = /腿脚|走不动|行动不便|上不了楼|下不了楼|岁数大|年纪大|残疾|轮椅|拄拐|老人/;
// Categories a person affected may hide: the thing to clean, move or fix.
const besideElderly = ["sanitation", "parking", "repair", "safety"] as const;
function mainProblemBesideElderly(scores: Partial<Record<Category, number>>, elderly: number): Category | null {
  let best: Category | null = null;
  let top = 0;
  for (const c of besideElderly) {
    const v = scores[c] ?? 0;
    if (v > top) {
      top = v;
      best = c;
    }
  }
  return best && top >= 3 && top >= elderly - 1 ? best : null;
}
const bite = /咬|扑人|扑过来/;
// An e-bike charged in the stairwell or by a cable from a window is a fire risk, even told as a
// neighbour who will not listen.
const indoorCharging =
  /(?:楼道|楼梯间?|过道|走廊|家里|屋里)[^,.!?\s]{0,3}充电|(?:线|插排|插线板|接线板|排插)[^,.!?\s]{0,4}从(?:窗户?|楼上|阳台)|从(?:窗户?|楼上|阳台)[^,.!?\s]{0,6}(?:拉|扯|接|牵|甩|吊|顺)[^,.!?\s]{0,10}(?:充电|线|插排|插线板|接线板)|飞线/;
// A detector or a doorbell beeping is a device to fix, however loud: the noise is its symptom.
const deviceBeeping = /(?:报警器|烟感|探测器|门铃|感应器)[^,.!?\s]{0,8}(?:嘀|滴滴|叫|响个不停|乱响|乱报|误报)/;
// A railing or handrail loose, a fix asked and no danger told: a fixing job.
const railingFix =
  /(?:扶手|栏杆|护栏)[\s\S]{0,30}(?:紧一紧|紧一下|拧紧|焊一下|焊一焊|钉一下|钉一钉|加固一下|修一下|修修)/;
const dangerTold = /危险|隐患|不安全|吓人|差点|差一点|险些|掉下去|摔下去|小孩|孩子|(?<!没)伤着?人/;

function decideCategory(s: Signals): Category {
  const { best, top, scores } = s.categories;
  const hinted = s.urgency.category;
  // An emergency names what is at stake: its cue's category gets a head start.
  if (hinted && hinted !== "other" && (scores[hinted] ?? 0) + 6 >= top) return hinted;
  if (scores.safety && fireLaneBlocked.test(s.text)) return "safety";
  if (scores.other && !s.urgency.urgent && petInTrouble.test(s.text) && !bite.test(s.text)) return "other";
  if (scores.safety && best !== "safety" && indoorCharging.test(s.text)) return "safety";
  if (scores.repair && best !== "repair" && !hinted && deviceBeeping.test(s.text)) return "repair";
  if (best === "safety" && scores.repair && railingFix.test(s.text) && !dangerTold.test(s.text)) return "repair";
  // A lawyer or a lawsuit sought is what the resident asks for, whatever the quarrel was about (a
  // leak's damage, a dog bite): mediation is over.
  if (best !== "legal" && scores.legal && lawSought.test(s.text)) return "legal";
  // Speed bumps are a traffic measure, not a wish for a new facility.
  if (best === "suggestion" && scores.parking && trafficMeasure.test(s.text)) return "parking";
  // An old or disabled person affected (slipping on droppings, a wheelchair blocked by bikes) is
  // who suffers; with no care service asked, a problem close behind is the main one.
  if (best === "elderly" && !careService.test(s.text)) {
    const main = mainProblemBesideElderly(scores, scores.elderly ?? 0);
    if (main) return main;
  }
  // Minding a child is no help for the old, ill or disabled: with no such person named, it is other.
  if (best === "elderly" && childNamed.test(s.text) && !frailNamed.test(s.text)) return "other";
  // A carrying errand for someone who cannot manage (a parcel up to the 18th floor) is help for them.
  if (best === "other" && scores.elderly && carryFor.test(s.text) && frail.test(s.text)) return "elderly";
  // The thing to fix, not the place it is in (a garage light) or the person it troubles (a bulb
  // an old man living alone cannot reach).
  if (scores.repair && thingFault.test(s.text)) {
    if (best === "parking" && !parkingMatter.test(s.text)) return "repair";
    if (best === "elderly" && !careService.test(s.text)) return "repair";
  }
  return top > 0 ? best : "other";
}

/** Maps a score margin to 0.5..0.95. */
function sure(margin: number): number {
  return round(0.5 + 0.45 * Math.min(1, Math.max(0, margin) / 6));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
