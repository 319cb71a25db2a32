// Rewrites dialect words to the standard words the lexicons are written in,
// so 俺家暖气咋不热 and 我家暖气怎么不热 score the same.
import { dialectForms } from "./lexicon/dialect.js";

const forms = new Map(dialectForms);
const pattern = new RegExp([...forms.keys()].sort((a, b) => b.length - a.length).join("|"), "g");

export function standardizeDialect(text: string): string {
  return text.replace(pattern, (m) => forms.get(m) ?? m);
}
