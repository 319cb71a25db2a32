// `linli admin create NAME`: a console administrator with a password, for when WeChat is down
// (staff normally sign in with a one-time code from `登录`). The password is printed once.
import { loadConfig } from "../config.js";
import { systemClock } from "../core/types.js";
import { adminNamePattern, createConsoleAuth, newPassword } from "../people/console-auth.js";
import { createPrismaConsoleStore } from "../store/prisma-console-store.js";
import { openDatabase } from "../store/open-database.js";

const usage = `用法: npm run --silent linli -- admin create 用户名
       npm run --silent linli -- admin sign-out 用户名   结束这个管理员的所有后台登录`;

export async function run(args: string[]): Promise<number> {
  const [verb, name] = args;
  if (!(verb === "create" || verb === "sign-out") || !name || args.length !== 2) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (!adminNamePattern.test(name)) {
    process.stderr.write("用户名只能用汉字、字母、数字和 _ . -, 最多 32 个字。\n");
    return 2;
  }
  const config = loadConfig();
  const opened = await openDatabase(config.databaseUrl);
  try {
    const auth = createConsoleAuth({
      store: createPrismaConsoleStore(opened.db),
      clock: systemClock,
      sessionHours: config.console.sessionHours,
      isStaff: async () => false,
    });
    if (verb === "sign-out") {
      const n = await auth.signOutEverywhere(`admin:${name}`);
      process.stdout.write(`已结束管理员 ${name} 的 ${n} 个后台登录。\n`);
      return 0;
    }
    const password = newPassword();
    if (!(await auth.createAdmin(name, password))) {
      process.stderr.write(`管理员 ${name} 已经存在。\n`);
      return 1;
    }
    process.stdout.write(
      `已创建后台管理员 ${name}。\n密码 (只显示这一次, 请妥善保管): ${password}\n登录页: ${config.console.url}/console/login\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
