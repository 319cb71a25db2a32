// The puppet-service client for a real account, named safely: wechaty-puppet-service keeps its
// payload cache under ~/.wechaty/wechaty-puppet-service/<token>/, so the token ended up in
// paths and in the errors that print them (a cache-lock crash printed it). Here the folder is
// named after a hash of the token instead, the same hash that names the account elsewhere.
import { createHash } from "node:crypto";
import { PuppetService } from "wechaty-puppet-service";

/** A stable name for the account behind a token, safe to print and to store. */
export function accountKeyOf(token: string): string {
  return `svc-${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;
}

export function createPuppetService(s: { token: string; endpoint?: string; noTls?: boolean }): PuppetService {
  const puppet = new PuppetService({ token: s.token, endpoint: s.endpoint, tls: { disable: s.noTls } });
  const store = (puppet as unknown as { _payloadStore?: { storeDir?: unknown } })._payloadStore;
  if (store && typeof store.storeDir === "string") {
    store.storeDir = store.storeDir.split(s.token).join(accountKeyOf(s.token));
  }
  return puppet;
}
