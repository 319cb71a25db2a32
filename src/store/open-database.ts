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
import { openSqlite, type Sqlite } from "./sqlite-connection.js";

export type Db = PrismaClient;

export interface OpenedDatabase {
  db: Db;
  provider: "sqlite" | "postgres";
  /** SQLite only: a direct connection for the hot path (see sqlite-connection.ts). */
  sqlite?: Sqlite;
  /** Migrations applied by this open (empty when the database was up to date). */
  applied: string[];
  close(): Promise<void>;
}

export function sqlitePathOf(url: string): string {
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export function postgresSchemaOf(url: string): string {
  const params = new URL(url).searchParams;
  const fromOptions = /search_path\s*=\s*([\w$]+)/.exec(params.get("options") ?? "")?.[1];
  return params.get("schema") ?? fromOptions ?? "public";
}

/** `?schema=` is Prisma's, not PostgreSQL's: the driver must not send it to the server. */
function withoutSchemaParam(url: string): string {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.toString();
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
    await db.$queryRawUnsafe("PRAGMA cache_size = -2000");
    const sqlite = openSqlite(path);
    return {
      db,
      provider: "sqlite",
      sqlite,
      applied,
      close: async () => {
        sqlite.close();
        await db.$disconnect();
      },
    };
  }
  if (/^postgres(ql)?:/.test(url)) {
    const schema = postgresSchemaOf(url);
    const driverUrl = withoutSchemaParam(url);
    const client = new pg.Client({ connectionString: driverUrl });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    let applied: string[];
    try {
      applied = await migratePostgres(client);
    } finally {
      await client.end();
    }
    // Prisma qualifies table names with a schema: take it from `?schema=` or the search_path
    // option (`options=-c search_path=x`), as psql users write it; `public` otherwise.
    const db = new PgPrismaClient({
      adapter: new PrismaPg({ connectionString: driverUrl }, { schema }),
    }) as unknown as Db;
    return { db, provider: "postgres", applied, close: () => db.$disconnect() };
  }
  throw new Error(`DATABASE_URL 应以 file: (SQLite) 或 postgresql: 开头, 现在是 ${url.split(":")[0]}:`);
}
