import type { ConsoleAuthStore } from "../people/console-auth.js";
import type { Db } from "./open-database.js";

export function createPrismaConsoleStore(db: Db): ConsoleAuthStore {
  return {
    async addCode(c) {
      await db.consoleLoginCode.create({ data: c });
    },
    async useCode(codeHash, now) {
      // One update with the conditions in it: two tabs racing with one code get one session.
      const { count } = await db.consoleLoginCode.updateMany({
        where: { codeHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const row = await db.consoleLoginCode.findUnique({ where: { codeHash } });
      return row ? { id: row.personId, name: row.personName } : null;
    },
    async addSession(s) {
      await db.consoleSession.create({ data: s });
    },
    async session(tokenHash) {
      return db.consoleSession.findUnique({
        where: { tokenHash },
        select: { personId: true, personName: true, csrfToken: true, expiresAt: true, endedAt: true },
      });
    },
    async endSession(tokenHash, at) {
      await db.consoleSession.updateMany({ where: { tokenHash, endedAt: null }, data: { endedAt: at } });
    },
    async endSessionsOf(personId, at) {
      const { count } = await db.consoleSession.updateMany({
        where: { personId, endedAt: null },
        data: { endedAt: at },
      });
      return count;
    },
    async admin(name) {
      return db.consoleAdmin.findUnique({ where: { name }, select: { name: true, passwordHash: true } });
    },
    async addAdmin(a) {
      const existing = await db.consoleAdmin.findUnique({ where: { name: a.name } });
      if (existing) return false;
      await db.consoleAdmin.create({ data: a });
      return true;
    },
  };
}
