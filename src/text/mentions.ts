// @-mentions as WeChat writes them: "@name" followed by U+2005 (a four-per-em space), or by
// nothing at all when typed by hand. Without a space we cannot tell name from message, so a
// name is taken only up to a title that ends it ("@张姐", "@王书记") or at the end of the text.

const titles = "书记|管家|主任|网格员|物业|社区|居委会|姐|哥|叔|婶|阿姨|大爷|大妈|奶奶|爷爷|师傅|老师|医生";
const spacedMention = /@[^\s\u2005@]{1,12}(?=[\s\u2005])/g;
const trailingMention = /@[^\s\u2005@]{1,6}$/;
const titledMention = new RegExp(`@[^\\s\\u2005@]{0,5}?(?:${titles})`, "g");
const namedMention = new RegExp(`@([^\\s\\u2005@]{1,12})(?=[\\s\\u2005])|@([^\\s\\u2005@]{0,5}?(?:${titles}))`, "g");

/** Every mention's name (without "@"), spaced or ended by a title. */
export function listMentionedNames(text: string): string[] {
  return [...text.matchAll(namedMention)].map((m) => m[1] ?? m[2] ?? "");
}

/** Replaces every @mention by a space; a lone "@" whose name cannot be told from the text loses the "@" only. */
export function stripMentions(text: string): string {
  return text.replace(spacedMention, " ").replace(titledMention, " ").replace(trailingMention, " ").replace(/@/g, " ");
}

/** Removes @mentions of the bot only (WeChat puts U+2005 after a mention). */
export function stripBotMention(text: string, botName: string): string {
  return text
    .split(`@${botName}`)
    .join(" ")
    .replace(/\u2005/g, " ")
    .trim();
}

/** "@" and the name after it, as long as a name may be (for masking, where a longer cut is safe). */
export const anyMention = /@[^\s\u2005@]{1,12}/g;
