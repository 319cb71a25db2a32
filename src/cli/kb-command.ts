// `linli kb lint PATH` checks a knowledge base for staff; `linli kb import PATH` loads it into the database
// (DATABASE_URL), updating entries by id, so importing again never duplicates.
import { loadConfig } from "../config.js";
import { importKb } from "../faq/import-kb.js";
import { formatKbProblem } from "../words/kb-problem.js";
import { KbInvalidError } from "../faq/lint-kb.js";
import { loadKb } from "../faq/load-kb.js";
import { openDatabase } from "../store/open-database.js";
import { createPrismaKbStore } from "../store/prisma-kb-store.js";

const usage = `用法: linli kb lint 路径      检查知识库 YAML
       linli kb import 路径    导入知识库到数据库 (DATABASE_URL)`;

export async function run(args: string[]): Promise<number> {
  const [sub, path, ...rest] = args;
  if ((sub !== "lint" && sub !== "import") || !path || rest.length > 0) {
    process.stderr.write(`${sub && sub !== "lint" && sub !== "import" ? `不认识的子命令: ${sub}\n` : ""}${usage}\n`);
    return 2;
  }
  return sub === "import" ? runImport(path) : runLint(path);
}

function runLint(path: string): number {
  const { entries, problems } = loadKb(path);
  if (problems.length > 0) {
    process.stdout.write(`${problems.map(formatKbProblem).join("\n")}\n知识库有 ${problems.length} 处问题\n`);
    return 1;
  }
  process.stdout.write(`知识库检查通过: ${entries.length} 条\n`);
  return 0;
}

async function runImport(path: string): Promise<number> {
  // Checked before the database is opened: a bad file must not even create an empty database.
  const { problems } = loadKb(path);
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.map(formatKbProblem).join("\n")}\n知识库有 ${problems.length} 处问题,未导入任何条目\n`,
    );
    return 2;
  }
  const database = await openDatabase(loadConfig().databaseUrl);
  try {
    const result = await importKb(path, createPrismaKbStore(database.db), { updatedBy: "kb import" });
    process.stdout.write(`导入完成: 新增 ${result.created} 条, 更新 ${result.updated} 条, 共 ${result.total} 条\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof KbInvalidError)) throw err;
    process.stderr.write(`${err.message}\n未导入任何条目\n`);
    return 2;
  } finally {
    await database.close();
  }
}
