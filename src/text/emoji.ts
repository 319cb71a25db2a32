// WeChat renders its built-in faces as text codes ("[捂脸]", "[OK]", "[Facepalm]"), and phones
// send picture emoji; neither says anything a parser or the FAQ should read.

const emojiCode = /\[(?:[\u4e00-\u9fa5]{1,6}|[A-Za-z]{1,10})\]/g;
const pictograph = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D/gu;

/** Replaces every emoji code and picture emoji by `replacement` (a space unless told). */
export function stripEmoji(text: string, replacement = " "): string {
  return text.replace(emojiCode, replacement).replace(pictograph, replacement);
}
