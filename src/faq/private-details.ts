// A question about a person's private life (age, family, home, private phone or WeChat, pay) is never
// answered from the knowledge base, even when an entry names that person: a person on the staff
// decides what may be said. A duty phone number an entry states ("网格员王建国电话多少") stays
// answerable: asking for "电话" alone is asking for the public one.
import { tagWords } from "../text/segment.js";
import { commonSurname } from "../text/surnames.js";
import { normalizeText } from "./normalize-text.js";

// Someone in particular: a role, or (below) a name jieba recognises.
const someone =
  /队长|社长|会长|团长|主任|网格员|经理|书记|站长|医生|大夫|律师|委员|老师|师傅|保安|管家|阿姨|大姐|大哥|大爷|大妈/u;

// What is private about them.
const privateDetail = new RegExp(
  [
    // age
    "多大岁数|多大年纪|年纪多大|多大了|今年多大|岁数|年龄|几岁了|属啥|属什么",
    // family
    "成家|结婚|结过婚|有对象|家里几口|老伴是|爱人是|家属是|家人是|孩子多大|几个孩子|有孩子",
    // someone's family ("物业经理的老婆是干啥的"), not the asker's own ("医生能给我的儿子看看吗")
    "(?<![我俺咱])的(?:老婆|老公|媳妇|丈夫|妻子|儿子|女儿|家里人|亲戚)",
    // ... or told by a pronoun ("杨队长她儿子在哪上班")
    "[他她](?:家)?(?:老婆|老公|媳妇|丈夫|妻子|儿子|女儿|闺女|对象|家里人|亲戚)",
    // ... or by their household ("李大妈家儿媳妇是干啥的"), not the asker's own ("俺家儿子")
    "(?<![我俺咱自])家的?(?:老婆|老公|媳妇|儿媳妇?|丈夫|妻子|儿子|女儿|闺女|对象|孩子)",
    // home and origin
    "家住|住哪|住在哪|住几号楼|住几楼|住哪栋|家在哪|住址|是哪里人|是哪儿人|老家是|老家在",
    // private contact
    "手机号|私人电话|私人号码|私人|私下|家里电话|家里座机|座机|(?:加|给|要|留|推)(?:个|一下|下)?(?:他|她|您|你)?(?:的|个人的?)?微信|个人微信|微信号|微信多少|微信是多少|的微信(?!群|公众号|小程序|支付|扫)",
    // pay
    "(?<![欠拖讨要])工资|挣多少|月薪|待遇",
  ].join("|"),
  "u",
);

// How to reach someone or where they live: asked in the clause after the one naming them.
const contactOrHome =
  /手机号|私人|私下|座机|微信号|微信多少|微信是多少|(?:加|给|要|留|推)(?:个|一下|下)?(?:他|她|您|你)?(?:的|个人的?)?微信|个人微信|家住|住哪|住在哪|住几|家在哪|住址|哪里人|哪儿人|老家/u;

const nameTags = new Set(["nr", "nrfg", "nrt"]);
// A member named right after their team ("舞蹈队陈美华"), which jieba does not always read as a name.
const namedMember = new RegExp(`(?:队|社|站|组|团|会|物业)${commonSurname}\\p{Script=Han}{1,2}$`, "u");

/**
 * Whether the question (normalized) asks for private details of a person: the person is named before
 * the detail in the same clause ("网格员李娜家住哪栋楼"), not the asker's own story ("俺家住十五号楼
 * 网格员是谁", "老板拖了我工资 有律师吗"). Read as written too: folding words for search turns a private
 * "手机号" into "电话".
 */
export function asksPrivateDetails(question: string): boolean {
  // The bot's own name ends in a role word ("管家").
  const asked = question.replace(/@?邻里管家/gu, " ");
  return [asked, normalizeText(asked)].some(asksInClauses);
}

function asksInClauses(text: string): boolean {
  const clauses = text.split(/[\s,，。!！?？;；、]+/u);
  return clauses.some((clause, i) => {
    const detail = privateDetail.exec(clause);
    if (!detail) return false;
    const before = clause.slice(0, detail.index);
    if (someone.test(before) || namedMember.test(before) || tagWords(before).some(({ tag }) => nameTags.has(tag))) {
      return true;
    }
    // "物业经理叫啥 手机号多少": the person is named in the clause before, the detail asked after. Not
    // when the detail is the asker's own ("我的手机号换了").
    return (
      contactOrHome.test(detail[0]) &&
      !/[我俺咱]的?$/u.test(before) &&
      clauses.slice(Math.max(0, i - 2), i).some((c) => someone.test(c))
    );
  });
}
