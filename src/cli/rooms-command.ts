// `linli rooms list|bind|unbind`: the administrator's view of room bindings. A room's role comes
// from its binding (never its topic); the running bot reads changes within half a minute.
import { loadConfig } from "../config.js";
import type { Role } from "../core/types.js";
import { createPrismaRoomStore } from "../store/prisma-room-store.js";
import { openDatabase } from "../store/open-database.js";

const usage = `用法: npm run --silent linli -- rooms list
       npm run --silent linli -- rooms bind 群ID staff|volunteer|resident
       npm run --silent linli -- rooms unbind 群ID`;

const roleWords: Record<string, Role> = {
  staff: "staff",
  volunteer: "volunteer",
  resident: "resident",
  工作群: "staff",
  志愿者群: "volunteer",
  居民群: "resident",
};

export async function run(args: string[]): Promise<number> {
  const [verb, id, roleWord] = args;
  const role = roleWord === undefined ? undefined : roleWords[roleWord];
  const valid =
    (verb === "list" && args.length === 1) ||
    (verb === "bind" && id && role && args.length === 3) ||
    (verb === "unbind" && id && args.length === 2);
  if (!valid) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const opened = await openDatabase(config.databaseUrl);
  try {
    const store = createPrismaRoomStore(opened.db);
    const rooms = await store.list();
    if (verb === "list") {
      process.stdout.write("id\ttopic\trole\towner\tbound_by\tbound_at\n");
      for (const r of rooms) {
        const at = r.boundAt ? r.boundAt.toISOString() : "";
        const line = [r.id, r.topic, r.role ?? "unbound", r.ownerId ?? "", r.boundBy ?? "", at];
        process.stdout.write(`${line.join("\t")}\n`);
      }
      return 0;
    }
    const room = rooms.find((r) => r.id === id);
    if (!room) {
      process.stderr.write(`没有 ID 为 ${id} 的群。机器人进群并看到它以后才能绑定; rooms list 列出已知的群。\n`);
      return 1;
    }
    const at = new Date();
    if (verb === "bind" && role) {
      await store.apply({
        action: "bound",
        id: room.id,
        topic: room.topic,
        role,
        ownerId: room.ownerId,
        by: "cli",
        at,
      });
      process.stdout.write(`${room.id}\t${room.topic}\t${role}\n`);
    } else {
      await store.apply({ action: "unbound", id: room.id, topic: room.topic, by: "cli", at });
      process.stdout.write(`${room.id}\t${room.topic}\tunbound\n`);
    }
    process.stderr.write("已保存。运行中的机器人半分钟内生效。\n");
    return 0;
  } finally {
    await opened.close();
  }
}
