// Who may use the console: a staff member signs in with a one-time code the bot sends them
// privately (`登录`), or an administrator made with `linli admin create` signs in with a
// password when WeChat is down. Codes, passwords and session tokens are kept only as hashes.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import type { Actor, Clock } from "../core/types.js";

export interface ConsoleAuthStore {
  addCode(c: { codeHash: string; personId: string; personName: string; expiresAt: Date }): Promise<void>;
  /** Marks the code used if it exists, is unused and unexpired; returns whose it was. */
  useCode(codeHash: string, now: Date): Promise<Actor | null>;
  addSession(s: {
    tokenHash: string;
    personId: string;
    personName: string;
    csrfToken: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  session(tokenHash: string): Promise<StoredSession | null>;
  endSession(tokenHash: string, at: Date): Promise<void>;
  endSessionsOf(personId: string, at: Date): Promise<number>;
  admin(name: string): Promise<{ name: string; passwordHash: string } | null>;
  addAdmin(a: { name: string; passwordHash: string; createdAt: Date }): Promise<boolean>;
}

export interface StoredSession {
  personId: string;
  personName: string;
  csrfToken: string;
  expiresAt: Date;
  endedAt: Date | null;
}

export interface ConsoleSession extends Actor {
  csrfToken: string;
  expiresAt: Date;
  /** Signed in with an administrator's password rather than through WeChat. */
  admin: boolean;
}

export interface ConsoleAuthOptions {
  store: ConsoleAuthStore;
  clock: Clock;
  sessionHours: number;
  codeMinutes?: number;
  /** Is this WeChat id (still) a member of a bound staff room? Checked at sign-in and on every request. */
  isStaff(personId: string): Promise<boolean>;
}

/** Letters and digits that cannot be mistaken for each other when typed from a phone. */
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const codeLength = 8;
const adminPrefix = "admin:";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Codes are typed by people: case and spaces do not matter. */
export const normalizeCode = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

function scryptHash(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, { N: 16384, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${(await scryptHash(password, salt)).toString("base64")}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [kind, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptHash(password, Buffer.from(salt, "base64"));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A password an administrator can copy once: 16 characters from the unmistakable alphabet. */
export function newPassword(): string {
  return Array.from({ length: 16 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");
}

export const adminNamePattern = /^[\p{L}\p{N}_.-]{1,32}$/u;

export function createConsoleAuth(o: ConsoleAuthOptions) {
  const codeMinutes = o.codeMinutes ?? 5;

  async function openSession(person: Actor): Promise<{ token: string; session: ConsoleSession }> {
    const now = o.clock.now();
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now.getTime() + o.sessionHours * 3_600_000);
    await o.store.addSession({
      tokenHash: sha256(token),
      personId: person.id,
      personName: person.name,
      csrfToken,
      createdAt: now,
      expiresAt,
    });
    return {
      token,
      session: { ...person, csrfToken, expiresAt, admin: person.id.startsWith(adminPrefix) },
    };
  }

  return {
    codeMinutes,
    /** A fresh one-time code for a staff member; earlier unused codes stay valid until they expire. */
    async issueCode(person: Actor): Promise<string> {
      const code = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");
      await o.store.addCode({
        codeHash: sha256(code),
        personId: person.id,
        personName: person.name,
        expiresAt: new Date(o.clock.now().getTime() + codeMinutes * 60_000),
      });
      return code;
    },
    /** A code, once: a session for its staff member, or null (unknown, used, expired, or no longer staff). */
    async signInWithCode(code: string) {
      const normalized = normalizeCode(code);
      if (normalized.length !== codeLength) return null;
      const person = await o.store.useCode(sha256(normalized), o.clock.now());
      if (!person || !(await o.isStaff(person.id))) return null;
      return openSession(person);
    },
    async signInAsAdmin(name: string, password: string) {
      const admin = adminNamePattern.test(name) ? await o.store.admin(name) : null;
      // Hash even for an unknown name, so timing does not tell which names exist.
      const ok = await checkPassword(password, admin?.passwordHash ?? "scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAA");
      if (!admin || !ok) return null;
      return openSession({ id: `${adminPrefix}${admin.name}`, name: admin.name });
    },
    /** The session a token opens now, or null. A staff member who left the staff rooms loses it. */
    async session(token: string): Promise<ConsoleSession | null> {
      if (!token || token.length > 100) return null;
      const s = await o.store.session(sha256(token));
      if (!s || s.endedAt || s.expiresAt <= o.clock.now()) return null;
      const admin = s.personId.startsWith(adminPrefix);
      if (!admin && !(await o.isStaff(s.personId))) return null;
      return { id: s.personId, name: s.personName, csrfToken: s.csrfToken, expiresAt: s.expiresAt, admin };
    },
    async signOut(token: string): Promise<void> {
      await o.store.endSession(sha256(token), o.clock.now());
    },
    /** Ends every session of one person (all their phones and PCs). */
    async signOutEverywhere(personId: string): Promise<number> {
      return o.store.endSessionsOf(personId, o.clock.now());
    },
    /** Makes an administrator; false when the name is taken. */
    async createAdmin(name: string, password: string): Promise<boolean> {
      return o.store.addAdmin({ name, passwordHash: await hashPassword(password), createdAt: o.clock.now() });
    },
  };
}

export type ConsoleAuth = ReturnType<typeof createConsoleAuth>;
