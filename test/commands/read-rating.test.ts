// The rating reader: the first word(s) of a resident's reply are the rating, the rest its comment.
import { describe, expect, it } from "vitest";
import { readRating } from "../../src/commands/read-rating.js";

const rated = (text: string) => {
  const r = readRating(text);
  return r?.kind === "rating" ? [r.rating, r.comment] : (r?.kind ?? null);
};

describe("readRating", () => {
  it.each([
    ["满意", 5, ""],
    ["满意!", 5, ""],
    ["不满意", 1, ""],
    ["非常满意", 5, ""],
    ["很满意", 5, ""],
    ["不太满意", 2, ""],
    ["比较满意", 4, ""],
    ["5", 5, ""],
    ["3分", 3, ""],
    ["五星", 5, ""],
    ["5星", 5, ""],
    ["★★★★", 4, ""],
    ["👍", 5, ""],
    ["👎", 1, ""],
    ["[强]", 5, ""],
    ["好评", 5, ""],
    ["差评", 1, ""],
    ["还行", 3, ""],
    ["一般", 3, ""],
    ["挺好的", 4, ""],
  ])("reads %s alone as %i", (text, rating, comment) => {
    expect(rated(text)).toEqual([rating, comment]);
  });

  it.each([
    ["不满意 等了好久才来", 1, "等了好久才来"],
    ["5分 小刘手艺不错 谢谢啦", 5, "小刘手艺不错 谢谢啦"],
    ["满意 谢谢小刘", 5, "谢谢小刘"],
    ["满意，谢谢小刘", 5, "谢谢小刘"],
    ["满意谢谢小刘", 5, "谢谢小刘"],
    ["非常满意!师傅很耐心", 5, "师傅很耐心"],
    ["不太满意 弄得一地水", 2, "弄得一地水"],
    ["一般 来得太晚了", 3, "来得太晚了"],
    ["五星好评 小伙子真热心", 5, "小伙子真热心"],
    ["4 修好了但是有点慢", 4, "修好了但是有点慢"],
    ["👍👍 辛苦了", 5, "辛苦了"],
    ["给5分", 5, ""],
    ["评价：满意", 5, ""],
    ["挺满意的，就是来晚了点", 5, "就是来晚了点"],
  ])("reads %s as %i with its comment", (text, rating, comment) => {
    expect(rated(text)).toEqual([rating, comment]);
  });

  it.each([
    "不好了 家里着火了",
    "不行了 老伴摔倒起不来",
    "不好了，楼道里全是烟",
  ])("does not take a cry for help (%s) as a one-star rating", (text) => {
    expect(readRating(text)?.kind).not.toBe("rating");
  });

  it("takes the ticket a rating names", () => {
    expect(readRating("#12 满意 很快")).toMatchObject({ rating: 5, ticketId: 12, comment: "很快" });
    expect(readRating("12 不满意")).toMatchObject({ rating: 1, ticketId: 12 });
  });

  it("marks a classic rating alone as bare, and one with words or everyday words as not", () => {
    expect(readRating("满意")).toMatchObject({ bare: true });
    expect(readRating("满意 谢谢")).toMatchObject({ bare: false });
    expect(readRating("还行")).toMatchObject({ bare: false });
  });

  it.each([
    "3号楼2单元楼道灯坏了",
    "一般几点来收垃圾",
    "不好意思再问一下",
    "5分钟前楼道灯又灭了",
    "还好吗",
    "厨房水管又漏了 麻烦再来看看",
    "满意度调查什么时候做",
    "谢谢小刘",
    "2单元门口的路灯不亮",
  ])("does not take %s for a rating", (text) => {
    expect(rated(text)).toBeNull();
  });

  it.each(["6分", "0", "10分", "3.5分", "评价一下", "打几分"])("finds %s an unclear attempt to rate", (text) => {
    expect(rated(text)).toBe("unclear");
  });
});
