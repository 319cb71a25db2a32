// The staff console over the real path: the bot on the gRPC mock WeChat (grpc-harness), its web
// port serving the console, and a signed-in client whose code came to the staff member in WeChat.
import { afterEach, beforeEach } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { consoleServicesOf } from "../../src/web/console/console-services.js";
import { startWebServer, type WebServer } from "../../src/web/web-server.js";
import {
  type GrpcBotSetup,
  type PersonKey,
  testPeople,
  startBot,
  startWechatServer,
  tempDir,
  waitFor,
} from "./grpc-harness.js";

export interface ConsoleClient {
  csrfToken: string;
  cookie: string;
  /** JSON in and out; `csrf: false` leaves the token out (to test the refusal). */
  call(
    method: string,
    path: string,
    body?: unknown,
    opts?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

export interface ConsoleSetup extends GrpcBotSetup {
  web: WebServer;
  /** The staff member asks for a code in WeChat (privately) and signs in with it. */
  signIn(person?: PersonKey): Promise<ConsoleClient>;
  /** The code the bot sends `person` privately after they say 登录 (null if none came). */
  codeFor(person: PersonKey, room?: "staff" | null): Promise<string | null>;
  /** A request with no session at all. */
  anonymous(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

export const codePattern = /后台登录码: ([A-Z0-9]{8})/;

export function useConsole(opts: Parameters<typeof startBot>[2] = {}): ConsoleSetup {
  const setup = {} as ConsoleSetup;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    tmp = tempDir();
    setup.dir = tmp.dir;
    setup.server = await startWechatServer();
    setup.bot = await startBot(setup.server, `${tmp.dir}/linli.db`, opts);
    const { app, config, health } = setup.bot;
    setup.web = await startWebServer({
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger,
      health,
      console: consoleServicesOf(app, { config, clock: opts.clock ?? { now: () => new Date() }, logger: silentLogger }),
    });
  });
  afterEach(async () => {
    await setup.web?.close();
    await setup.bot.stop();
    await setup.server.stop();
    tmp.cleanup();
  });

  /** As a browser on a console page: same-origin requests carry the page's Origin. */
  async function request(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const origin = new URL(setup.web.url).origin;
    const response = await fetch(new URL(path, setup.web.url), {
      method,
      headers: { origin, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body: parsed as any, headers: response.headers };
  }

  setup.anonymous = (method, path, body, headers = {}) => request(method, path, body, headers);

  setup.codeFor = async (person, room = null) => {
    const name = testPeople[person].name;
    const before = setup.server.botSaid({ toName: name }).length;
    await setup.server.say(person, room === "staff" ? "staff" : null, "登录");
    try {
      const said = await waitFor(
        () =>
          setup.server
            .botSaid({ toName: name })
            .slice(before)
            .find((s) => codePattern.test(s.text)),
        `a sign-in code for ${name}`,
        5000,
      );
      return codePattern.exec(said.text)?.[1] ?? null;
    } catch {
      return null;
    }
  };

  setup.signIn = async (person = "zhao") => {
    const code = await setup.codeFor(person);
    if (!code) throw new Error(`no sign-in code came for ${person}`);
    const login = await request("POST", "/api/login", { code }, {});
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrfToken = login.body.csrfToken as string;
    return {
      csrfToken,
      cookie,
      call: (method, path, body, o = {}) =>
        request(method, path, body, {
          cookie,
          ...(o.csrf === false ? {} : { "x-csrf-token": csrfToken }),
          ...o.headers,
        }),
    };
  };
  return setup;
}
