// One sender per WeChat account. Two processes sending for one account double its pace and
// fight over the puppet's cache, so the first to start holds a row with a heartbeat and the
// others are refused. A holder that stopped is taken over at once (released, or its process
// gone on this host) or once its heartbeat is stale (another host). The same row keeps when
// the account last sent, so the gap between two sends holds across a takeover.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Logger } from "../core/types.js";
import type { SendPacing } from "../outbox/outbox.js";
import type { Db } from "./open-database.js";

export class AccountBusyError extends Error {
  override name = "AccountBusyError";
}

export interface AccountLock extends SendPacing {
  account: string;
  /** Lets the next process take over at once; the last send time stays. */
  release(): Promise<void>;
}

export interface AccountLockOptions {
  /** A name for the account that reveals nothing (a hash of the token, not the token). */
  account: string;
  logger: Logger;
  /** Called if another process took the account over (this one must stop sending). */
  onLost(): void;
  heartbeatMs?: number;
  staleMs?: number;
  now?: () => Date;
  host?: string;
  pid?: number;
  /** Whether a process of this host is still running. */
  isAlive?: (pid: number) => boolean;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === "EPERM";
  }
}

export function accountBusyMessage(host: string, pid: number, staleSeconds: number): string {
  return (
    `另一个 linli 进程 (主机 ${host}, 进程号 ${pid}) 正在用这个微信账号发消息, 本进程不再启动, 以免重复发送或发得过快。` +
    `请先停止那个进程; 若它已意外退出, 约 ${staleSeconds} 秒后即可重新启动。\n` +
    `Another linli process (host ${host}, pid ${pid}) is already sending for this WeChat account; ` +
    `refusing to start a second sender. Stop that process first; if it died, start again after about ${staleSeconds} s.`
  );
}

export async function acquireAccountLock(db: Db, o: AccountLockOptions): Promise<AccountLock> {
  const now = o.now ?? (() => new Date());
  const heartbeatMs = o.heartbeatMs ?? 5_000;
  const staleMs = o.staleMs ?? 20_000;
  const host = o.host ?? hostname();
  const pid = o.pid ?? process.pid;
  const isAlive = o.isAlive ?? processAlive;
  const holder = `${host}:${pid}:${randomUUID()}`;
  const account = o.account;

  const mine = { holder, host, pid };
  try {
    await db.accountSender.create({ data: { account, ...mine, heartbeatAt: now() } });
  } catch (err) {
    if ((err as { code?: string })?.code !== "P2002") throw err;
    const row = await db.accountSender.findUniqueOrThrow({ where: { account } });
    const released = row.holder === "";
    const stale = now().getTime() - row.heartbeatAt.getTime() > staleMs;
    const gone = row.host === host && row.pid !== pid && !isAlive(row.pid);
    if (!released && !stale && !gone) throw new AccountBusyError(accountBusyMessage(row.host, row.pid, staleMs / 1000));
    // Compare-and-swap: of two processes taking over together, one wins.
    const { count } = await db.accountSender.updateMany({
      where: { account, holder: row.holder, heartbeatAt: row.heartbeatAt },
      data: { ...mine, heartbeatAt: now() },
    });
    if (count !== 1) throw new AccountBusyError(accountBusyMessage(row.host, row.pid, staleMs / 1000));
    if (!released) o.logger.warn("took the account over from a process that stopped", { host: row.host, pid: row.pid });
  }

  let lost = false;
  const beat = setInterval(() => {
    db.accountSender
      .updateMany({ where: { account, holder }, data: { heartbeatAt: now() } })
      .then(({ count }) => {
        if (count === 0 && !lost) {
          lost = true;
          clearInterval(beat);
          o.logger.error("another process took this account over; stopping");
          o.onLost();
        }
      })
      .catch((err) => o.logger.warn("account heartbeat failed", { reason: String(err) }));
  }, heartbeatMs);
  beat.unref();

  return {
    account,
    async release() {
      clearInterval(beat);
      await db.accountSender.updateMany({
        where: { account, holder },
        data: { holder: "", heartbeatAt: new Date(0) },
      });
    },
    async lastSentAt() {
      const row = await db.accountSender.findUnique({ where: { account } });
      return row?.lastSentAt ?? null;
    },
    async noteSent(at) {
      await db.accountSender.updateMany({ where: { account, holder }, data: { lastSentAt: at } });
    },
  };
}
