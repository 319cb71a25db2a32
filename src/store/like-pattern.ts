// A `LIKE ... ESCAPE '\'` pattern that finds the words as written: `%` and `_` in a search are
// not wildcards. Prisma's `contains` does not escape them, so stores use this where they occur.

export const hasLikeWildcard = (text: string) => /[\\%_]/.test(text);

/** `\`, `%` and `_` each preceded by a backslash, PostgreSQL's default LIKE escape. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const likeContaining = (text: string) => `%${escapeLike(text)}%`;
