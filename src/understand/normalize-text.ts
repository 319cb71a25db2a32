// Puts a resident's message into one written form before anything reads it:
// half-width digits and letters, simplified characters, no WeChat emoji codes or
// picture emoji, no @mentions, common input slips fixed, single spaces.
import { traditionalToSimplified } from "./lexicon/traditional-chars.js";
import { typoFixes } from "./lexicon/typos.js";

// WeChat renders its built-in faces as text codes like [捂脸] or [OK].
const emojiCode = /\[[\u4e00-\u9fa5A-Za-z]{1,5}\]/g;
const pictograph = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D/gu;
// A mention ends at a space (WeChat inserts U+2005 after it). Without one we cannot
// tell name from message, so only the "@" goes, unless a title ends the name.
const spacedMention = /@[^\s\u2005@]{1,12}(?=[\s\u2005])/g;
const trailingMention = /@[^\s\u2005@]{1,6}$/;
const titledMention =
  /@[^\s\u2005@]{0,5}?(书记|管家|主任|网格员|物业|社区|居委会|姐|哥|叔|婶|阿姨|大爷|大妈|奶奶|爷爷|师傅|老师|医生)/g;
const typoPattern = new RegExp(typoFixes.map(([wrong]) => wrong).join("|"), "g");
const typoMap = new Map(typoFixes);

export function normalizeText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000 || code === 0x2005 || code === 0xa0) out += " ";
    else out += traditionalToSimplified.get(ch) ?? ch;
  }
  return out
    .replace(emojiCode, " ")
    .replace(pictograph, " ")
    .replace(spacedMention, " ")
    .replace(titledMention, " ")
    .replace(trailingMention, " ")
    .replace(/@/g, " ")
    .replace(typoPattern, (m) => typoMap.get(m) ?? m)
    .replace(/[－—–﹣_]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
