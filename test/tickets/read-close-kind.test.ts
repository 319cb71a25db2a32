import { describe, expect, it } from "vitest";
import { readCloseKind } from "../../src/tickets/read-close-kind.js";

describe("readCloseKind", () => {
  it.each([
    ["同一次停水", null],
    ["重复", null],
    ["和#3是一件事", 3],
    ["已合并", null],
    ["与 #12 重复", 12],
    ["并入#7处理", 7],
    ["同一个问题, 一并处理", null],
  ])("%s is a duplicate", (reason, sameAs) => {
    expect(readCloseKind(reason)).toEqual({ kind: "duplicate", sameAs });
  });

  it.each(["已由物业处理", "居民已自行解决", "换了灯泡", "", "水管修好了, 居民确认"])("%s is resolved", (reason) => {
    expect(readCloseKind(reason)).toEqual({ kind: "resolved", sameAs: null });
  });
});
