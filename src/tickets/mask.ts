// Privacy: volunteers see masked names and numbers until they claim a ticket.

const phone = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const landline = /(?<!\d)(0\d{2,3})[-\s]?\d{3,4}(\d{4})(?!\d)/g;

export function maskPhones(text: string): string {
  return text.replace(phone, "$1****$2").replace(landline, "$1-****$2");
}

// A phone number with the words that name it and the comma before it: ", 电话13900000001".
const phoneWithLabel = new RegExp(
  `[,，;；、\\s]*(?:联系)?(?:电话|手机号?|号码)?[:：\\s]*(?:${phone.source}|${landline.source})`,
  "g",
);

/** The text with no phone number at all, masked or not (for a line that needs only the gist). */
export function withoutPhones(text: string): string {
  return text
    .replace(phoneWithLabel, "")
    .replace(/^[,，;；、\s]+/, "")
    .trim();
}

/** 张秀英 → 张**, Tom → T** */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "居民";
  return `${chars[0]}**`;
}

/** The first mobile or landline number in a text, for the claimer's private message. */
export function findPhone(text: string): string | null {
  const m = /(?<!\d)1[3-9]\d{9}(?!\d)/.exec(text) ?? /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/.exec(text);
  return m ? m[0] : null;
}

/** One line for a card: whitespace collapsed, phones masked, cut with an ellipsis. */
export function summarize(text: string, max = 40): string {
  const line = maskPhones(text.replace(/\s+/g, " ").trim());
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max).join("")}…`;
}
