// Numbers as residents write them in addresses: "12", "十二", "二十一", "五零一".
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
