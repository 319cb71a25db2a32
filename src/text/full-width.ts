// Full-width ASCII (`８：００`, `，`, `［］`) is common from Chinese IMEs. Mapping one UTF-16 unit
// to one keeps every index valid, so parsers can read the normalised text and still cut the
// original (broadcast content is sent exactly as staff typed it).

const offset = 0xfee0;

/** Full-width ASCII forms → ASCII; ideographic, mention (U+2005) and no-break spaces → space. Same length. */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2005\u00A0]/g, (ch) =>
    ch >= "\uFF01" && ch <= "\uFF5E" ? String.fromCharCode(ch.charCodeAt(0) - offset) : " ",
  );
}

/** Only the full-width digits `０`–`９` → `0`–`9`, for grammars that keep the rest as typed. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - offset));
}
