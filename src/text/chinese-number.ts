// Numbers as residents write them: in addresses ("12", "十二", "二十一", "五零一"), in times
// ("八点半"), in ages, dates and money ("八十岁", "十五号", "两块钱").
const digitOf: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const chineseNumeral = "零〇一幺二两三四五六七八九十百";

/** Digits of a numeral; null when it is not one. "五零一" reads digit by digit (room style). */
export function readNumber(raw: string): string | null {
  if (/^\d+$/.test(raw)) return String(Number(raw));
  if (!/^[零〇一幺二两三四五六七八九十百]+$/.test(raw)) return null;
  if (!/[十百]/.test(raw)) return [...raw].map((c) => digitOf[c]).join("");
  let total = 0;
  let current = 0;
  for (const c of raw) {
    if (c === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = digitOf[c] ?? 0;
    }
  }
  return String(total + current);
}

/** `8`, `八`, `十`, `十二`, `二十三`, `三十` → number; up to 99. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  // Without 十 only a single digit is a number here: `二三` reads as a room number, not a time.
  if (!/^(?:[零〇一二两三四五六七八九]?十[零〇一二两三四五六七八九]?|[零〇一二两三四五六七八九])$/.test(text))
    return null;
  const n = readNumber(text);
  return n === null ? null : Number(n);
}

// Tens said in words ("八十", "十五", "二十一"); single digits alone stay words ("一起", "三楼").
const chineseTens = /([二三四五六七八九])?十([一二三四五六七八九])?/g;
// Money the way people say it ("一块钱", "两块"), as written notices write it ("1元").
// A spelled digit needs 钱 or 元 to be money: "一块去" is "going together".
const money = /(\d+)(?:块钱|块|元钱)|([一两二三四五六七八九])(?:块钱|元钱|元)/g;

/** Ages, dates and sums said in words, written in digits: "八十岁" → "80岁", "两块钱" → "2元". */
export function writeNumbersInDigits(text: string): string {
  return text
    .replace(chineseTens, (whole, tens?: string, ones?: string) =>
      tens || ones ? `${tens ? digitOf[tens] : 1}${ones ? digitOf[ones] : 0}` : whole,
    )
    .replace(money, (_whole, amount?: string, spelled?: string) => `${amount ?? digitOf[spelled ?? ""] ?? ""}元`);
}
