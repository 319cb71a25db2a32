// Applies prisma/**/migrations at start, recording them in Prisma's own
// `_prisma_migrations` table, so `prisma migrate deploy` and this agree.
// It runs in-process (no CLI spawn), which keeps start-up and tests fast.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

const root = fileURLToPath(new URL("../../prisma/", import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(provider: "sqlite" | "postgres"): Migration[] {
  const dir = provider === "sqlite" ? `${root}migrations` : `${root}postgres/migrations`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^\d/.test(d) && existsSync(`${dir}/${d}/migration.sql`))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const sqliteLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

/** Migrates a SQLite file; returns the names applied. Safe with two processes at once. */
export function migrateSqlite(db: BetterSqlite3.Database): string[] {
  const applied: string[] = [];
  db.pragma("journal_mode = WAL");
  // IMMEDIATE takes the write lock first, so a second process waits instead of racing.
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(sqliteLedger);
    const done = new Set(
      (
        db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`).all() as {
          migration_name: string;
        }[]
      ).map((r) => r.migration_name),
    );
    for (const m of readMigrations("sqlite")) {
      if (done.has(m.name)) continue;
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
      ).run(randomUUID(), m.checksum, m.name);
      applied.push(m.name);
    }
    db.exec("COMMIT");
  } catch (err) {
    db.exec("ROLLBACK");
    throw err;
  }
  return applied;
}

const pgLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
  migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`;

/** Migrates a PostgreSQL database (within its search_path schema); returns the names applied. */
export async function migratePostgres(client: pg.Client): Promise<string[]> {
  const applied: string[] = [];
  await client.query("BEGIN");
  try {
    // One migrator at a time per database, across processes.
    await client.query("SELECT pg_advisory_xact_lock(724270001)");
    await client.query(pgLedger);
    const rows = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Set(rows.rows.map((r) => r.migration_name));
    for (const m of readMigrations("postgres")) {
      if (done.has(m.name)) continue;
      await client.query(m.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      applied.push(m.name);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
  return applied;
}
