// The staff console's door in chat: `登录` from a staff member (in the staff room or privately)
// sends them a one-time sign-in code and link by private message; `退出后台` ends all their
// console sessions. The console itself is served by web/console (see main.ts).
import { createConsoleAuth, type ConsoleAuth } from "../people/console-auth.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { whereFrom } from "../pipeline/route.js";
import { sendPriority } from "../outbox/outbox.js";
import { createPrismaConsoleStore } from "../store/prisma-console-store.js";
import type { Feature, FeatureDeps } from "./feature.js";

export interface ConsoleFeature extends Feature {
  auth: ConsoleAuth;
}

/** `登录`, `后台登录`, `登录后台`, `登陆` (a common slip) → sign in; `退出后台`, `后台退出` → sign out everywhere. */
export function readConsoleCommand(text: string): "signIn" | "signOut" | null {
  const t = text.replace(/[\s。.!！?？]+/g, "");
  if (/^(?:后台)?登[录陆](?:后台|控制台)?$/.test(t)) return "signIn";
  if (/^(?:退出后台|后台退出|退出登[录陆])$/.test(t)) return "signOut";
  return null;
}

export const consoleReplies = {
  code: (code: string, url: string, minutes: number) =>
    `后台登录码: ${code}\n${minutes} 分钟内有效, 只能用一次。\n打开 ${url}/console/login?code=${code} 即可登录, 或在登录页输入登录码。\n如果不是您本人要登录, 请不要转给别人。`,
  codeSentPrivately: () => "登录码已私信发给您, 请查看和我的私聊。",
  notStaff: () => "后台只对社区工作人员开放。",
  signedOut: (n: number) => (n > 0 ? `已退出后台 (结束了 ${n} 个登录)。` : "您现在没有登录后台。"),
};

export function consoleFeature(deps: FeatureDeps): ConsoleFeature {
  const { config, roles } = deps;
  const auth = createConsoleAuth({
    store: createPrismaConsoleStore(deps.db),
    clock: deps.clock,
    sessionHours: config.console.sessionHours,
    isStaff: async (personId) => (await roles.rolesOf(personId)).has("staff"),
  });
  const url = config.console.url;

  const commands: Middleware<Context> = async (ctx, next) => {
    const command = readConsoleCommand(ctx.text);
    if (!command) return next();
    const where = whereFrom(ctx);
    if (!ctx.roles.has("staff")) {
      // In a residents' room the word is just chat.
      if (where === "resident") return next();
      return ctx.reply(consoleReplies.notStaff(), { part: "console" });
    }
    if (where !== "staff" && where !== "private") return next();
    if (command === "signOut") {
      const n = await auth.signOutEverywhere(ctx.actor.id);
      return ctx.reply(consoleReplies.signedOut(n), { part: "console" });
    }
    const code = await auth.issueCode(ctx.actor);
    await deps.outbox.enqueue(
      {
        to: { kind: "contact", id: ctx.actor.id },
        text: consoleReplies.code(code, url, auth.codeMinutes),
        mentionIds: [],
      },
      { key: `msg:${ctx.message.id}:console-code`, priority: sendPriority.reply },
    );
    if (where === "staff") await ctx.reply(consoleReplies.codeSentPrivately(), { part: "console" });
  };

  return { name: "console", auth, middleware: { commands } };
}
