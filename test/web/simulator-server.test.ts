import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { formatQuoteReply } from "../../src/text/quote.js";
import { startSimulator } from "../../src/web/simulator-server.js";
import type { CommunityView } from "../../src/web/describe-community.js";
import type { TranscriptEntry } from "../../src/web/transcript.js";
import { botName, type Harness, personByKey, roomByTopic, startHarness, waitFor } from "./demo-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const residentRoom = "幸福里3号楼居民群";

interface ErrorBody {
  error?: string;
  message?: string;
}
type MessagesBody = { messages: TranscriptEntry[]; latestSeq: number };

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, harness.url));
  return { status: response.status, body: (await response.json()) as T };
}

async function say(body: unknown, contentType = "application/json"): Promise<{ status: number; body: ErrorBody }> {
  const response = await fetch(new URL("/api/say", harness.url), {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function messagesSince(seq: number): Promise<TranscriptEntry[]> {
  const { body } = await getJson<MessagesBody>(`/api/messages?since=${seq}`);
  return body.messages;
}

async function latestSeq(): Promise<number> {
  return (await getJson<MessagesBody>("/api/messages?since=0")).body.latestSeq;
}

describe("simulator API", () => {
  it("listens on the random port it was given and serves the page", async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(harness.url).not.toContain(":0/");
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'sha256-");
    const html = await response.text();
    for (const words of ["选择身份", "选择群聊", "发送"]) expect(html).toContain(words);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/);
  });

  it("describes the people, the three kinds of rooms with their members, and the bot", async () => {
    const { status, body } = await getJson<CommunityView>("/api/state");
    expect(status).toBe(200);
    expect(body.bot).toEqual({ id: harness.demo.botUser.id, name: botName, loggedIn: true });
    expect(body.people).toContainEqual({
      key: "zhang",
      name: "张秀英",
      role: "resident",
      id: personByKey(harness.demo, "zhang").contact.id,
    });
    expect(body.rooms.map((r) => r.kind).sort()).toEqual(["resident", "resident", "staff", "volunteer"]);
    const volunteers = body.rooms.find((r) => r.kind === "volunteer");
    expect(volunteers?.memberIds).toContain(personByKey(harness.demo, "liu").contact.id);
    expect(volunteers?.memberIds).not.toContain(personByKey(harness.demo, "zhang").contact.id);
  });

  it("makes a resident speak in a room, records it, and records the bot's answer", async () => {
    const room = roomByTopic(harness.demo, residentRoom);
    const zhang = personByKey(harness.demo, "zhang").contact;
    const before = await latestSeq();
    const sent = await say({ personKey: "zhang", roomId: room.id, text: "3号楼2单元楼道灯坏了好几天了" });
    expect(sent.status).toBe(200);
    const messages = await waitFor(async () => {
      const m = await messagesSince(before);
      return m.length >= 2 ? m : undefined;
    });
    expect(messages[0]).toMatchObject({
      conversation: room.id,
      from: "张秀英",
      fromId: zhang.id,
      isBot: false,
      text: "3号楼2单元楼道灯坏了好几天了",
    });
    expect(messages[1]).toMatchObject({ conversation: room.id, from: botName, isBot: true });
    expect(messages[1]?.text).toContain("收到：3号楼2单元楼道灯坏了好几天了");
    expect(messages[1]!.seq).toBeGreaterThan(messages[0]!.seq);
    expect(harness.heard.at(-1)).toMatchObject({ roomId: room.id, talkerId: zhang.id, mentionSelf: false });
  });

  it("an @ of the bot is a real WeChat mention, whether ticked or typed", async () => {
    const room = roomByTopic(harness.demo, residentRoom);
    await say({ personKey: "li", roomId: room.id, text: "垃圾什么时候收？", mentionBot: true });
    const ticked = await waitFor(() => harness.heard.find((h) => h.text.includes("垃圾什么时候收")));
    expect(ticked.mentionSelf).toBe(true);
    expect(ticked.text).toBe(`@${botName}\u2005垃圾什么时候收？`);

    await say({ personKey: "li", roomId: room.id, text: `@${botName} 社区医院几点开门？` });
    const typed = await waitFor(() => harness.heard.find((h) => h.text.includes("社区医院")));
    expect(typed.mentionSelf).toBe(true);
  });

  it("sends a volunteer's quote-reply in the WeChat quote format", async () => {
    const room = roomByTopic(harness.demo, "幸福里志愿者服务群");
    const before = await latestSeq();
    const card = "新任务 #1 楼道灯坏了";
    await say({ personKey: "liu", roomId: room.id, text: "认领", quote: { from: botName, text: card } });
    const [entry] = await waitFor(async () => {
      const m = await messagesSince(before);
      return m.length ? m : undefined;
    });
    expect(entry?.text).toBe(formatQuoteReply(botName, card, "认领"));
    expect(entry?.quote).toEqual({ quotedName: botName, quotedText: card, reply: "认领" });
  });

  it("puts a private chat with the bot, both ways, under the person's conversation", async () => {
    const wang = personByKey(harness.demo, "wang").contact;
    const before = await latestSeq();
    const sent = await say({ personKey: "wang", roomId: null, text: "我的工单" });
    expect(sent.status).toBe(200);
    const messages = await waitFor(async () => {
      const m = await messagesSince(before);
      return m.length >= 2 ? m : undefined;
    });
    expect(messages.map((m) => [m.conversation, m.isBot])).toEqual([
      [`private:${wang.id}`, false],
      [`private:${wang.id}`, true],
    ]);
    expect(harness.heard.at(-1)).toMatchObject({ roomId: null, talkerId: wang.id, text: "我的工单" });
  });

  it("returns only messages after the sequence number asked for", async () => {
    const latest = await latestSeq();
    expect(await messagesSince(latest)).toEqual([]);
    const all = await messagesSince(0);
    expect(all.at(-1)?.seq).toBe(latest);
    expect((await messagesSince(latest - 1)).map((m) => m.seq)).toEqual([latest]);
  });

  it("refuses bad input with a Chinese reason and says nothing", async () => {
    const room = roomByTopic(harness.demo, residentRoom);
    const staffRoom = roomByTopic(harness.demo, "幸福里社区工作群");
    const before = await latestSeq();
    const cases: [unknown, string][] = [
      ["{not json", "bad_input"],
      [[1, 2], "not_an_object"],
      [{ personKey: "nobody", roomId: room.id, text: "你好" }, "unknown_person"],
      [{ personKey: "zhang", roomId: "no-such-room", text: "你好" }, "unknown_room"],
      [{ personKey: "zhang", roomId: staffRoom.id, text: "你好" }, "not_a_member"],
      [{ personKey: "zhang", roomId: room.id, text: "   " }, "empty_text"],
      [{ personKey: "zhang", roomId: room.id, text: "长".repeat(4001) }, "text_too_long"],
      [{ personKey: "zhang", roomId: room.id, text: "好", quote: { from: 1 } }, "bad_quote"],
    ];
    for (const [body, code] of cases) {
      const response = await say(body);
      expect(response.status, code).toBe(400);
      expect(response.body.error).toBe(code);
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await say("x".repeat(17 * 1024))).status).toBe(413);
    expect((await say({ personKey: "zhang", roomId: room.id, text: "你好" }, "text/plain")).status).toBe(415);
    expect((await getJson("/api/messages?since=abc")).status).toBe(400);
    expect(await latestSeq()).toBe(before);
  });

  it("answers unknown routes with 404 and wrong methods with 405", async () => {
    const missing = await getJson<ErrorBody>("/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await getJson("/api/say")).status).toBe(405);
  });
});

describe("simulator lifecycle", () => {
  it("closes while a browser still holds a connection open", async () => {
    const simulator = await startSimulator({
      demo: harness.demo,
      bot: harness.bot,
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger,
    });
    // A keep-alive connection, as a browser tab leaves behind.
    await new Promise<void>((resolve, reject) => {
      request(new URL("/api/state", simulator.url), { agent: false, headers: { connection: "keep-alive" } }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
        .on("error", reject)
        .end();
    });
    await simulator.close();
    await expect(fetch(simulator.url)).rejects.toThrow();
    await simulator.close();
  });
});
