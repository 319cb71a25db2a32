// What the last process knew of its link to WeChat, kept across restarts: when it last saw
// the link up (refreshed while up) and, if the link was down when it stopped or died, since
// when. A new process reads it before writing its own, so a gap spanning a restart (killed
// during an outage, or simply stopped for a while) is not forgotten.
import type { Db } from "./open-database.js";

const KEY = "link:watch";

export interface LinkWatchRow {
  /** Last time the link was seen up. */
  aliveAt: Date;
  /** Set while the link is down; null when it was up. */
  downSince: Date | null;
}

export interface LinkWatchStore {
  read(): Promise<LinkWatchRow | null>;
  write(row: LinkWatchRow): Promise<void>;
}

export function createPrismaLinkWatchStore(db: Db): LinkWatchStore {
  return {
    async read() {
      const row = await db.setting.findUnique({ where: { key: KEY } });
      if (!row) return null;
      try {
        const v = JSON.parse(row.value) as { aliveAt?: string; downSince?: string | null };
        const aliveAt = v.aliveAt ? new Date(v.aliveAt) : null;
        if (!aliveAt || Number.isNaN(aliveAt.getTime())) return null;
        const downSince = v.downSince ? new Date(v.downSince) : null;
        return { aliveAt, downSince: downSince && !Number.isNaN(downSince.getTime()) ? downSince : null };
      } catch {
        return null;
      }
    },
    async write(row) {
      const value = JSON.stringify({
        aliveAt: row.aliveAt.toISOString(),
        downSince: row.downSince?.toISOString() ?? null,
      });
      await db.setting.upsert({
        where: { key: KEY },
        create: { key: KEY, value, updatedAt: row.aliveAt },
        update: { value, updatedAt: row.aliveAt },
      });
    },
  };
}

/**
 * The gap a new process must report, if any: from the stored down-since, or from the last
 * time the link was seen up when that is older than `staleMs`; to `now`.
 */
export function gapSinceLastRun(row: LinkWatchRow | null, now: Date, staleMs: number): { from: Date; to: Date } | null {
  if (!row) return null;
  if (row.downSince && row.downSince < now) return { from: row.downSince, to: now };
  if (now.getTime() - row.aliveAt.getTime() > staleMs) return { from: row.aliveAt, to: now };
  return null;
}
