// `npm run --silent linli -- <command>`: results on standard output, logs on standard error.
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import("./parse-command.js"),
  ask: () => import("./ask-command.js"),
  kb: () => import("./kb-command.js"),
  db: () => import("./db-command.js"),
  purge: () => import("./purge-command.js"),
  rooms: () => import("./rooms-command.js"),
  admin: () => import("./admin-command.js"),
};

const usage = `用法: npm run --silent linli -- <命令>
  parse              从标准输入读 JSON Lines,输出理解结果 (见 CLI-CONTRACT)
  ask --kb 路径       从标准输入读问题,按知识库回答
  kb lint 路径        检查知识库 YAML
  kb import 路径      导入知识库到数据库
  db migrate         建立或升级数据库
  purge --older-than 365d [--dry-run]
                     清除早于期限的个人信息, 保留匿名统计
  rooms list         列出机器人所在的群和绑定的身份
  rooms bind 群ID 身份  绑定群 (身份: staff, volunteer, resident)
  rooms unbind 群ID   解绑群
  admin create 用户名  创建后台管理员 (微信不可用时用密码登录后台)
  admin sign-out 用户名 结束这个管理员的所有后台登录`;

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${name ? `不认识的命令: ${name}\n` : ""}${usage}\n`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`linli: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
