// What a YAML parse error means, in words staff can act on (knowledge-base and word files).
export const yamlHints: Record<string, string> = {
  BAD_INDENT: "缩进不对",
  BLOCK_AS_IMPLICIT_KEY: "缩进或冒号不对",
  DUPLICATE_KEY: "同一条目里有重复的字段",
  MISSING_CHAR: "缺少配对的符号(引号或括号)",
  MULTILINE_IMPLICIT_KEY: "字段名后缺少冒号或缩进不对",
  TAB_AS_INDENT: "不能用 Tab 缩进,请用空格",
  UNEXPECTED_TOKEN: "有多余或错位的符号",
};
