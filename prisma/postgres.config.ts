// Prisma CLI configuration for the PostgreSQL schema (generated from prisma/schema.prisma).
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://postgres@127.0.0.1:5432/test";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("postgres", "schema.prisma"), // relative to this file
  migrations: { path: path.join("postgres", "migrations") },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: url }),
});
