// Rewrites dialect words to the standard words the lexicons are written in,
// so 俺家暖气咋不热 and 我家暖气怎么不热 score the same. The forms are data:
// src/words/dialect.yaml and a community's words.yaml.
import { escapeWord, fromActiveWords } from "../words/active-words.js";

const compiled = fromActiveWords((words) => {
  const forms = new Map(Object.entries(words.dialect));
  const pattern = new RegExp(
    [...forms.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeWord)
      .join("|"),
    "g",
  );
  return { forms, pattern };
});

export function standardizeDialect(text: string): string {
  const { forms, pattern } = compiled();
  return text.replace(pattern, (m) => forms.get(m) ?? m);
}
