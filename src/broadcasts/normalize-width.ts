// Full-width ASCII (`８：００`, `，`, `［］`) is common from Chinese IMEs. Mapping it one
// UTF-16 unit to one keeps every index valid, so parsers can read the normalised text and
// still cut the original (content is sent exactly as staff typed it).

/** Full-width ASCII forms → ASCII, ideographic space → space; same length as the input. */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
