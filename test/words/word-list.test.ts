import { describe, expect, it } from "vitest";
import { normalizeText as normalizeQuestion } from "../../src/faq/normalize-text.js";
import { segment } from "../../src/text/segment.js";
import { normalizeText as normalizeMessage } from "../../src/understand/normalize-text.js";
import { builtInWords, useCommunityWords } from "../../src/words/active-words.js";
import { emptyWordList, mergeWordLists, parseWordList } from "../../src/words/word-list.js";

describe("word lists", () => {
  it("reads the built-in lists from src/words/*.yaml", () => {
    const words = builtInWords();
    expect(words.synonyms.长者食堂).toContain("老年食堂");
    expect(words.dialect.俺).toBe("我");
    expect(words.typos.下水到).toBe("下水道");
    expect(words.related.银行).toContain("取钱");
    expect(words.words).toContain("助餐 v");
  });

  it("joins a community's groups to the built-in ones and lets its forms win", () => {
    const extra = parseWordList("synonyms:\n  长者食堂: [老饭堂]\ndialect:\n  俺: 我们\n", "words.yaml");
    expect(extra.problems).toEqual([]);
    const merged = mergeWordLists(builtInWords(), extra.words);
    expect(merged.synonyms.长者食堂).toEqual([...builtInWords().synonyms.长者食堂!, "老饭堂"]);
    expect(merged.dialect.俺).toBe("我们");
  });

  it("names the line of every problem, duplicate words included", () => {
    const { problems } = parseWordList("typos:\n  电提: 电梯\n  电提: 电题\nwords:\n  - 幸福 里 区\n", "words.yaml");
    expect(problems.map((p) => p.line)).toEqual([3]);
    const second = parseWordList("words:\n  - 幸福里\n  - 幸福 里 区\nsynonyms:\n  夜市: [大排档, '']\n", "words.yaml");
    expect(second.problems.map((p) => [p.line, p.message])).toEqual([
      [3, "words 里每一项应是一个词(可在空格后加词性,如 “助餐 v”)"],
      [5, "synonyms 的每一项应是 “词: [说法, 说法]”,说法不能是空的"],
    ]);
  });

  it("puts a community's slips, dialect forms and place names to work in the parser and the FAQ", () => {
    expect(normalizeMessage("电提坏了")).toBe("电提坏了");
    expect(segment("去春晖里打球")).not.toContain("春晖里");
    useCommunityWords({
      ...emptyWordList(),
      typos: { 电提: "电梯" },
      dialect: { 搞么子: "干什么" },
      words: ["春晖里"],
    });
    try {
      expect(normalizeMessage("电提坏了")).toBe("电梯坏了");
      expect(normalizeQuestion("搞么子")).toBe(normalizeQuestion("干什么"));
      expect(segment("去春晖里打球")).toContain("春晖里");
    } finally {
      useCommunityWords(emptyWordList());
    }
    expect(normalizeMessage("电提坏了")).toBe("电提坏了");
  });
});
