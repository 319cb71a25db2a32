import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { openDatabase, postgresSchemaOf } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/grpc-harness.js";
import { postgresAvailable, postgresBase } from "../helpers/postgres.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const pgUp = await postgresAvailable();

it("creates and migrates a SQLite file at start, and migrates nothing the second time", async () => {
  const url = `file:${tmp.dir}/nested/dir/linli.db`;
  const first = await openDatabase(url);
  expect(first.applied.length).toBeGreaterThan(0);
  await first.db.ticket.count();
  await first.close();
  const second = await openDatabase(url);
  expect(second.applied).toEqual([]);
  await second.close();
});

it("refuses a database URL it cannot use, in words that say what to write", async () => {
  await expect(openDatabase("mysql://localhost/x")).rejects.toThrow(/file:.*postgresql:/);
});

it("reads the PostgreSQL schema from ?schema= or the search_path option", () => {
  expect(postgresSchemaOf("postgresql://h/db")).toBe("public");
  expect(postgresSchemaOf("postgresql://h/db?schema=linli")).toBe("linli");
  expect(postgresSchemaOf(`postgresql://h/db?options=${encodeURIComponent("-c search_path=abc")}`)).toBe("abc");
});

it.skipIf(!pgUp)("migrates a PostgreSQL schema named with ?schema=", async () => {
  const schema = `linli_t_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresBase });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  try {
    const opened = await openDatabase(`${postgresBase}?schema=${schema}`);
    expect(opened.applied.length).toBeGreaterThan(0);
    await opened.db.ticket.create({
      data: {
        residentId: "p",
        residentName: "n",
        text: "t",
        summary: "t",
        category: "repair",
        urgency: "normal",
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    expect(await opened.db.ticket.count()).toBe(1);
    await opened.close();
    const r = await admin.query(`SELECT count(*)::int AS n FROM "${schema}"."Ticket"`);
    expect(r.rows[0].n).toBe(1);
  } finally {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  }
});
