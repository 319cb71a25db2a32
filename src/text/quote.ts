// WeChat quote-replies arrive from real puppets as plain text (see FINDINGS.md):
//   「显示名：被引用的内容」\n- - - - - - - - - - - - - - -\nreply
// This splits such a text into the quoted part and the reply.

export interface QuoteReply {
  /** Display name of the quoted message's sender. */
  quotedName: string;
  /** Text of the quoted message (media shows as words like 图片). */
  quotedText: string;
  /** What the person wrote under the quote. */
  reply: string;
}

const quotePattern = /^「([^：:\n]{1,64})[：:]([\s\S]*?)」\s*\n\s*(?:-\s*){3,}\n?([\s\S]*)$/;

export function parseQuoteReply(text: string): QuoteReply | null {
  const m = quotePattern.exec(text.trim());
  if (!m) return null;
  return { quotedName: m[1]!.trim(), quotedText: m[2]!.trim(), reply: m[3]!.trim() };
}

/** Builds the text a real puppet would deliver for a quote-reply (for the simulator and tests). */
export function formatQuoteReply(quotedName: string, quotedText: string, reply: string): string {
  return `「${quotedName}：${quotedText}」\n${"- ".repeat(15).trim()}\n${reply}`;
}
