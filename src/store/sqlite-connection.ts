// A direct better-sqlite3 connection for the hot path (inbox, outbox, tickets) on SQLite.
// Prisma's Wasm query compiler costs about a millisecond a query; prepared statements here
// cost microseconds, which is what lets a burst of messages be handled at hundreds a
// second. Prisma still owns the schema and migrations and serves every other query.
//
// Statements here never wait for SQLite's lock synchronously (timeout 0): a busy database
// is retried asynchronously, so Prisma's own connection, which may hold the lock across
// awaits, can always finish first. Each write is one synchronous call, so it is atomic
// with respect to everything else in this process.
import Database from "better-sqlite3";

export type Sqlite = Database.Database;

export function openSqlite(path: string): Sqlite {
  const db = new Database(path, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // better-sqlite3 is built with a 16 MB page cache per connection; the bot's working set
  // is small, and SQLite's usual 2 MB keeps the process inside its memory budget.
  db.pragma("cache_size = -2000");
  return db;
}

const isBusy = (err: unknown) => {
  const code = (err as { code?: string })?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
};

/** Runs a synchronous database step, retrying later while another connection holds the lock. */
export async function withRetry<T>(step: () => T, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return step();
    } catch (err) {
      if (!isBusy(err) || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, Math.min(50, 1 + attempt) + Math.random() * 3));
    }
  }
}

/** The text form Prisma uses for DateTime in SQLite, so both read each other's rows. */
export function toSqlDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export function fromSqlDate(v: unknown): Date {
  return new Date(typeof v === "string" ? v : Number(v));
}

export function fromSqlDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : fromSqlDate(v);
}
