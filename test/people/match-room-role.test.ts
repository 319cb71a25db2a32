import { describe, expect, it } from "vitest";
import { matchRoomRole, matchTopic, type RoomPatterns } from "../../src/people/match-room-role.js";

const configured: RoomPatterns = {
  resident: ["幸福里3号楼居民群", "/^幸福里.*居民群$/"],
  volunteer: ["幸福里志愿者服务群"],
  staff: ["/工作群$/"],
};

describe("matchTopic", () => {
  it("matches an exact topic only as a whole", () => {
    expect(matchTopic("幸福里3号楼居民群", "幸福里3号楼居民群")).toBe(true);
    expect(matchTopic("幸福里3号楼居民群", "幸福里3号楼居民群2")).toBe(false);
  });

  it("reads /regex/flags", () => {
    expect(matchTopic("/^幸福里.*居民群$/", "幸福里12号楼居民群")).toBe(true);
    expect(matchTopic("/volunteers/i", "Xingfu VOLUNTEERS")).toBe(true);
    expect(matchTopic("/volunteers/", "Xingfu VOLUNTEERS")).toBe(false);
  });

  it("takes a topic with slashes that is not a pattern literally", () => {
    expect(matchTopic("3/4号楼群", "3/4号楼群")).toBe(true);
  });
});

describe("matchRoomRole", () => {
  it.each([
    ["幸福里3号楼居民群", "resident"],
    ["幸福里5号楼居民群", "resident"],
    ["幸福里志愿者服务群", "volunteer"],
    ["幸福里社区工作群", "staff"],
    ["广场舞队", "none"],
  ] as const)("%s → %s", (topic, role) => {
    expect(matchRoomRole(topic, configured)).toBe(role);
  });

  it("puts staff before volunteers before residents when a topic matches several lists", () => {
    const overlapping: RoomPatterns = { resident: ["/群$/"], volunteer: ["/群$/"], staff: ["/工作群$/"] };
    expect(matchRoomRole("社区工作群", overlapping)).toBe("staff");
    expect(matchRoomRole("志愿者群", overlapping)).toBe("volunteer");
  });

  it("treats every other room as residents' when no residents' rooms are configured", () => {
    const open: RoomPatterns = { resident: [], volunteer: ["幸福里志愿者服务群"], staff: [] };
    expect(matchRoomRole("广场舞队", open)).toBe("resident");
    expect(matchRoomRole("幸福里志愿者服务群", open)).toBe("volunteer");
  });
});
