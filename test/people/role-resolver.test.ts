import { describe, expect, it } from "vitest";
import { createRoleResolver, type Directory } from "../../src/people/role-resolver.js";
import { RoomRegistry } from "../../src/people/room-registry.js";
import { createFakeClock } from "../helpers/fake-clock.js";

/** A directory over plain member lists that counts how often the channel would be asked. */
function fakeDirectory(members: Record<string, string[]>) {
  const asked: string[] = [];
  const directory: Directory = {
    async memberIds(roomId) {
      asked.push(roomId);
      return [...(members[roomId] ?? [])];
    },
    async nameOf() {
      return null;
    },
    async findMember() {
      return null;
    },
  };
  return { directory, asked, members };
}

function setup() {
  const rooms = new RoomRegistry({ resident: [], volunteer: ["志愿者群"], staff: ["工作群"] });
  rooms.register("r-res", "3号楼居民群");
  rooms.register("r-vol", "志愿者群");
  rooms.register("r-staff", "工作群");
  rooms.bindFirstStart();
  const fake = fakeDirectory({ "r-res": ["zhang", "zhao"], "r-vol": ["liu", "zhao"], "r-staff": ["zhao"] });
  const clock = createFakeClock(new Date("2026-11-20T01:00:00Z"));
  const resolver = createRoleResolver({ rooms, directory: fake.directory, clock, ttlMs: 60_000 });
  return { resolver, clock, ...fake };
}

describe("the role resolver", () => {
  it("gives roles from membership: volunteers' room → volunteer, staff room → staff, everyone a resident", async () => {
    const { resolver } = setup();
    expect([...(await resolver.rolesOf("zhang"))]).toEqual(["resident"]);
    expect([...(await resolver.rolesOf("liu"))]).toEqual(["resident", "volunteer"]);
    expect([...(await resolver.rolesOf("zhao"))]).toEqual(["resident", "volunteer", "staff"]);
  });

  it("asks the channel for a room's members once within the cache time", async () => {
    const { resolver, asked } = setup();
    await resolver.rolesOf("zhang");
    await resolver.rolesOf("liu");
    await resolver.rolesOf("zhao");
    expect(asked.sort()).toEqual(["r-staff", "r-vol"]);
  });

  it("sees a volunteer who left only after the cache time has passed", async () => {
    const { resolver, clock, members, asked } = setup();
    expect((await resolver.rolesOf("liu")).has("volunteer")).toBe(true);
    members["r-vol"] = ["zhao"];
    clock.advance(59_000);
    expect((await resolver.rolesOf("liu")).has("volunteer")).toBe(true);
    clock.advance(1_000);
    expect((await resolver.rolesOf("liu")).has("volunteer")).toBe(false);
    expect(asked.filter((id) => id === "r-vol")).toHaveLength(2);
  });

  it("forgets a room's members at once when told its membership changed", async () => {
    const { resolver, members } = setup();
    expect((await resolver.rolesOf("zhang")).has("staff")).toBe(false);
    members["r-staff"] = ["zhao", "zhang"];
    resolver.invalidate("r-vol");
    expect((await resolver.rolesOf("zhang")).has("staff")).toBe(false);
    resolver.invalidate("r-staff");
    expect((await resolver.rolesOf("zhang")).has("staff")).toBe(true);
    members["r-vol"] = ["liu", "zhao", "zhang"];
    resolver.invalidate();
    expect((await resolver.rolesOf("zhang")).has("volunteer")).toBe(true);
  });
});
