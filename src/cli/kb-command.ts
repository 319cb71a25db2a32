// `linli kb lint PATH` checks a knowledge base for staff; `linli kb import PATH` will load it into the database.
import { formatKbProblem } from "../faq/kb-problem.js";
import { loadKb } from "../faq/load-kb.js";

const usage = `用法: linli kb lint 路径      检查知识库 YAML
       linli kb import 路径    导入知识库到数据库`;

export async function run(args: string[]): Promise<number> {
  const [sub, path, ...rest] = args;
  if ((sub !== "lint" && sub !== "import") || !path || rest.length > 0) {
    process.stderr.write(`${sub && sub !== "lint" && sub !== "import" ? `不认识的子命令: ${sub}\n` : ""}${usage}\n`);
    return 2;
  }
  if (sub === "import") {
    // importKb(path, store) in src/faq/import-kb.ts does the work once a KbStore is wired here.
    process.stderr.write("kb import 尚未接入数据库,请先用 kb lint 检查\n");
    return 2;
  }
  const { entries, problems } = loadKb(path);
  if (problems.length > 0) {
    process.stdout.write(`${problems.map(formatKbProblem).join("\n")}\n知识库有 ${problems.length} 处问题\n`);
    return 1;
  }
  process.stdout.write(`知识库检查通过: ${entries.length} 条\n`);
  return 0;
}
