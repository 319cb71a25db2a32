// What residents wrote, made safe to broadcast: a typed `@所有人` must not read as a notice to
// everyone from the community, and `{…}` must not read as a live field to fill.

const MENTION_ALL = /[@＠]\s*(所有人|全体成员|全体|all|everyone)/gi;

export function neutralizeBroadcastText(text: string): string {
  return text.replace(MENTION_ALL, "$1").replace(/[{｛]/g, "（").replace(/[}｝]/g, "）");
}
