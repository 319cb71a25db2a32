import { describe, expect, it } from "vitest";
import { buildingOfRoomTopic, placeUnknown } from "../../src/tickets/infer-place.js";
import { formatLocation } from "../../src/tickets/ticket-replies.js";

const none = { building: null, unit: null, room: null };

describe("a building-named group", () => {
  it.each([
    ["阳光苑12号楼业主群", "12"],
    ["和平里七栋邻里群", "7"],
    ["幸福里居民群", null],
    ["幸福里1-3号楼居民群", null],
    [null, null],
  ])("%s names building %s", (topic, building) => {
    expect(buildingOfRoomTopic(topic)).toBe(building);
  });

  it("gives the building when the resident said none, marked as inferred", () => {
    expect(formatLocation({ ...none, roomTopic: "阳光苑12号楼业主群" })).toBe("12号楼 (按所在群推断)");
    expect(formatLocation({ ...none, unit: "2", roomTopic: "阳光苑12号楼业主群" })).toBe(
      "12号楼2单元 (楼号按所在群推断)",
    );
    expect(formatLocation({ ...none, building: "5", roomTopic: "阳光苑12号楼业主群" })).toBe("5号楼");
    expect(formatLocation({ ...none, roomTopic: "幸福里居民群" })).toBe("未说明");
    expect(placeUnknown({ ...none, roomTopic: "阳光苑12号楼业主群" })).toBe(false);
    expect(placeUnknown({ ...none, roomTopic: null })).toBe(true);
  });
});
