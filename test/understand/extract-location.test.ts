import { describe, expect, it } from "vitest";
import { extractLocation } from "../../src/understand/extract-location.js";

describe("extractLocation", () => {
  it.each([
    ["3号楼2单元501", "3", "2", "501"],
    ["住在6-1-302 谢谢", "6", "1", "302"],
    ["三号楼二单元五零一", "3", "2", "501"],
    ["十二栋楼下", "12", null, null],
    ["二十三号楼四单元", "23", "4", null],
    ["5#楼门口", "5", null, null],
    ["我家5#", "5", null, null],
    ["东区7号楼3门601", "7", "3", "601"],
    ["７号楼", "7", null, null],
    ["2单元602室", null, "2", "602"],
    ["8栋1102", "8", null, "1102"],
    ["九号楼一单元的七零三", "9", "1", "703"],
    ["3号2单元", "3", "2", null],
    ["八单元的", null, "8", null],
    ["405室卫生间", null, null, "405"],
    ["隔壁502的老太太", null, null, "502"],
    ["楼下301家漏水", null, null, "301"],
    // A flat named by its door.
    ["602门口堆了一堆垃圾", null, null, "602"],
    ["闻到烟味 好像是1203家门那边", null, null, "1203"],
    ["701门缝底下一直渗水", null, null, "701"],
  ])("%s", (text, building, unit, room) => {
    expect(extractLocation(text)).toEqual({ building, unit, room });
  });

  it("does not take a floor for a room", () => {
    expect(extractLocation("4号楼18楼的楼道")).toEqual({ building: "4", unit: null, room: null });
    expect(extractLocation("住十六楼 电梯坏了")).toEqual({ building: null, unit: null, room: null });
  });

  it("never takes a phone number for a room", () => {
    expect(extractLocation("电话13912345678 3号楼")).toEqual({ building: "3", unit: null, room: null });
    expect(extractLocation("有事打13800001111")).toEqual({ building: null, unit: null, room: null });
  });

  it("does not take dates, money or emergency numbers for an address", () => {
    expect(extractLocation("5号去医院 花了300块 打了120")).toEqual({ building: null, unit: null, room: null });
  });
});
