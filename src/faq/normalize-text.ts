// Removes chat noise residents add around a question and folds spelling variants, so the
// knowledge base and the question are compared on the same characters.
import { standardizeDialect } from "../understand/standardize-dialect.js";
import { replaceSynonyms } from "./synonyms.js";

// Traditional characters seen in residents' phones set to 繁體; the common ones are enough.
const traditional =
  "證证辦办來来麼么嗎吗時时間间點点開开門门醫医區区車车電电費费們们個个這这裡里為为會会東东號号樓楼單单長长飯饭錢钱問问題题請请務务療疗衛卫診诊戶户記记義义愛爱買买賣卖樂乐書书畫画寫写學学歲岁幾几該该沒没還还過过兒儿園园補补貼贴報报員员約约險险電电關关從从對对處处識识讓让誰谁說说聽听話话險险驛驿遞递線线隊队診诊藥药療疗護护雜杂難难體体檢检預预龍龙蘭兰習习鄰邻黨党員员業业達达週周禮礼親亲滿满歡欢";
const traditionalMap = new Map<string, string>();
for (let i = 0; i + 1 < traditional.length; i += 2) traditionalMap.set(traditional[i]!, traditional[i + 1]!);

const mention = /@[^\s\u2005@]+[\s\u2005]?/g;
const emojiCode = /\[[\u4e00-\u9fa5A-Za-z]{1,6}\]/g;
const pictograph = /\p{Extended_Pictographic}|\u200d|\ufe0f/gu;
// Sentence particles and spoken question words that jieba would glue onto content words ("周几嘛", "证咋整").
const particles = /[呀啊呢嘛呗啦咯哦噢哇吧咋啥俺]|哪(?:里|儿|个|些|天|家|位)?/g;
// Ages and dates said in words ("八十岁", "十五号") are written in digits in the knowledge base.
const chineseTens = /([二三四五六七八九])?十([一二三四五六七八九])?/g;
const digitOf: Record<string, string> = {
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

// Money the way people say it ("一块钱", "两块") the way the knowledge base writes it ("1元").
// A spelled digit needs 钱 or 元 to be money: "一块去" is "going together".
const money = /(\d+)(?:块钱|块|元钱)|([一两二三四五六七八九])(?:块钱|元钱|元)/g;

function writeNumbersInDigits(text: string): string {
  return text
    .replace(chineseTens, (whole, tens?: string, ones?: string) =>
      tens || ones ? `${tens ? digitOf[tens] : "1"}${ones ? digitOf[ones] : "0"}` : whole,
    )
    .replace(money, (_whole, amount?: string, spelled?: string) => {
      const n = amount ?? spelled ?? "";
      return `${/\d/.test(n) ? n : n === "两" ? "2" : (digitOf[n] ?? n)}元`;
    });
}

/**
 * Lower-cased, half-width, simplified, noise-free text with dialect words in standard Mandarin (the
 * message parser's table: 俺 → 我, 娃 → 孩子, 几时 → 什么时候) and synonyms folded to one word.
 */
export function normalizeText(text: string): string {
  const cleaned = text
    .replace(mention, " ")
    .replace(emojiCode, " ")
    .replace(pictograph, " ")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/./gu, (ch) => traditionalMap.get(ch) ?? ch);
  return replaceSynonyms(writeNumbersInDigits(standardizeDialect(cleaned))).replace(particles, " ");
}
