// PostgreSQL for tests: the server on 127.0.0.1:5432 (trust auth, database `test`), one
// fresh schema per test file. Tests skip with a clear message where none runs.
import { randomUUID } from "node:crypto";
import pg from "pg";

export const postgresBase = process.env.LINLI_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresBase, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    console.warn(`PostgreSQL tests skipped: no server at ${postgresBase} (start one, or set LINLI_TEST_POSTGRES_URL).`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A connection string to a new, empty schema, and a function that drops it. */
export async function freshPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `linli_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: postgresBase });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const sep = postgresBase.includes("?") ? "&" : "?";
  return {
    url: `${postgresBase}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: postgresBase });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    },
  };
}
