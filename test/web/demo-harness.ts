// A real demo community, a real Wechaty bot on the mock puppet that echoes what it
// hears, and the simulator in front of them: what `npm start` runs, minus the app.
import { WechatyBuilder } from "wechaty";
import type { WechatyInterface } from "wechaty/impls";
import { silentLogger } from "../../src/core/logger.js";
import { createDemoCommunity, type DemoCommunity } from "../../src/demo/demo-community.js";
import { startSimulator } from "../../src/web/simulator-server.js";

export const botName = "邻里管家";

export interface Heard {
  text: string;
  roomId: string | null;
  talkerId: string;
  mentionSelf: boolean;
}

export interface Harness {
  demo: DemoCommunity;
  bot: WechatyInterface;
  url: string;
  heard: Heard[];
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const demo = createDemoCommunity(botName);
  const bot = WechatyBuilder.build({ name: `simulator-test-${process.pid}-${Date.now()}`, puppet: demo.puppet });
  const heard: Heard[] = [];
  bot.on("message", async (message) => {
    if (message.self()) return;
    heard.push({
      text: message.text(),
      roomId: message.room()?.id ?? null,
      talkerId: message.talker().id,
      mentionSelf: await message.mentionSelf(),
    });
    await message.say(`收到：${await message.mentionText()}`);
  });
  await bot.start();
  // Logging in before start hangs the mock (FINDINGS.md).
  demo.mocker.login(demo.botUser);
  const simulator = await startSimulator({ demo, bot, host: "127.0.0.1", port: 0, logger: silentLogger });
  return {
    demo,
    bot,
    url: simulator.url,
    heard,
    async stop() {
      await simulator.close();
      await bot.stop();
    },
  };
}

/** Waits until `check` returns a value, trying every 50 ms. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function roomByTopic(demo: DemoCommunity, topic: string) {
  const room = demo.rooms.get(topic);
  if (!room) throw new Error(`no demo room ${topic}`);
  return room;
}

export function personByKey(demo: DemoCommunity, key: string) {
  const person = demo.people.get(key);
  if (!person) throw new Error(`no demo person ${key}`);
  return person;
}
