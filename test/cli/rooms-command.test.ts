// `linli rooms list|bind|unbind` as an administrator runs it: a spawned CLI on a real SQLite file,
// and the running bot's registry picking the change up when it reads bindings again.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RoomRegistry } from "../../src/people/room-registry.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaRoomStore } from "../../src/store/prisma-room-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const patterns = { resident: ["/居民群$/"], volunteer: ["志愿者服务群"], staff: ["社区工作群"] };

let tmp: ReturnType<typeof tempDir>;
let database: OpenedDatabase;
beforeEach(async () => {
  tmp = tempDir();
  database = await openDatabase(`file:${tmp.dir}/linli.db`);
});
afterEach(async () => {
  await database.close();
  tmp.cleanup();
});

function linli(...args: string[]) {
  return spawnSync(tsx, ["src/cli/main.ts", "rooms", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: `file:${tmp.dir}/linli.db` },
  });
}

describe("linli rooms", () => {
  it("lists rooms with their bindings, binds a room id the bot then serves as such, and unbinds it", async () => {
    const registry = new RoomRegistry(patterns, { store: createPrismaRoomStore(database.db) });
    await registry.load();
    registry.register("r-staff", "社区工作群", "u-zhao");
    registry.register("r-3", "幸福里3号楼居民群");
    registry.bindFirstStart();
    registry.register("r-new", "志愿者服务群", "u-liu");
    await registry.flush();
    expect(registry.get("r-new")).toMatchObject({ role: "resident", bound: null, proposed: "volunteer" });

    const list = linli("list");
    expect(list.status).toBe(0);
    const lines = list.stdout.trim().split("\n");
    expect(lines[0]).toBe("id\ttopic\trole\towner\tbound_by\tbound_at");
    expect(lines.slice(1).map((l) => l.split("\t").slice(0, 5))).toEqual([
      ["r-3", "幸福里3号楼居民群", "resident", "", "auto"],
      ["r-new", "志愿者服务群", "unbound", "", ""],
      ["r-staff", "社区工作群", "staff", "u-zhao", "first-start"],
    ]);

    const bind = linli("bind", "r-new", "volunteer");
    expect(bind.status).toBe(0);
    await registry.load();
    expect(registry.get("r-new")).toMatchObject({ role: "volunteer", bound: "volunteer", boundBy: "cli" });
    expect(registry.idsByRole("volunteer")).toEqual(["r-new"]);
    // The CLI knows no owner for a room never bound; the bot that saw it records the owner.
    await registry.flush();
    const listed = linli("list").stdout.trim().split("\n");
    expect(
      listed
        .find((l) => l.startsWith("r-new\t"))
        ?.split("\t")
        .slice(0, 5),
    ).toEqual(["r-new", "志愿者服务群", "volunteer", "u-liu", "cli"]);

    expect(linli("unbind", "r-staff").status).toBe(0);
    await registry.load();
    expect(registry.idsByRole("staff")).toEqual([]);
    const events = await database.db.roomEvent.findMany({ where: { by: "cli" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.roomId, e.action, e.role])).toEqual([
      ["r-new", "bound", "volunteer"],
      ["r-staff", "unbound", null],
    ]);
  });

  it("refuses an unknown room id and a wrong role, changing nothing", () => {
    const unknown = linli("bind", "r-nowhere", "staff");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("没有 ID 为 r-nowhere 的群");
    const wrong = linli("bind", "r-nowhere", "admin");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("用法");
  });
});
