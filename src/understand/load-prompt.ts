// Prompts are files so they can be read and changed without touching code.
import { readFileSync } from "node:fs";

const cache = new Map<string, string>();

export function loadPrompt(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../../prompts/${name}.md`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  return text;
}
