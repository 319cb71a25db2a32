// Opens the database named by DATABASE_URL (SQLite file by default, or PostgreSQL),
// migrates it, and returns one Prisma client typed by the SQLite schema (the
// PostgreSQL schema is generated from it, so the two clients have the same shape).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as PgPrismaClient } from "../generated/pg/client.js";
import { PrismaClient } from "../generated/sqlite/client.js";
import { migratePostgres, migrateSqlite } from "./migrate-database.js";

export type Db = PrismaClient;

export interface OpenedDatabase {
  db: Db;
  provider: "sqlite" | "postgres";
  /** Migrations applied by this open (empty when the database was up to date). */
  applied: string[];
  close(): Promise<void>;
}

export function sqlitePathOf(url: string): string {
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export async function openDatabase(url: string): Promise<OpenedDatabase> {
  if (url.startsWith("file:")) {
    const path = sqlitePathOf(url);
    mkdirSync(dirname(path), { recursive: true });
    const raw = new Database(path, { timeout: 10_000 });
    let applied: string[];
    try {
      applied = migrateSqlite(raw);
    } finally {
      raw.close();
    }
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: path, timeout: 10_000 }) });
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    return { db, provider: "sqlite", applied, close: () => db.$disconnect() };
  }
  if (/^postgres(ql)?:/.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let applied: string[];
    try {
      applied = await migratePostgres(client);
    } finally {
      await client.end();
    }
    const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    return { db, provider: "postgres", applied, close: () => db.$disconnect() };
  }
  throw new Error(`DATABASE_URL 应以 file: (SQLite) 或 postgresql: 开头, 现在是 ${url.split(":")[0]}:`);
}
