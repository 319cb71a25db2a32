import { describe, expect, it } from "vitest";
import { createDemoCommunity } from "../../src/demo/demo-community.js";
import { recordTranscript } from "../../src/web/transcript.js";
import { botName, personByKey, roomByTopic } from "./demo-harness.js";

describe("recordTranscript", () => {
  it("records each room message once, though room, talker and listener all emit it", () => {
    const demo = createDemoCommunity(botName);
    const transcript = recordTranscript(demo);
    const room = roomByTopic(demo, "幸福里5号楼居民群");
    personByKey(demo, "zhang").contact.say("早上好").to(room);
    expect(transcript.since(0)).toMatchObject([{ seq: 1, conversation: room.id, from: "张秀英", text: "早上好" }]);
    transcript.close();
  });

  it("keeps only the newest messages, and still answers `since` correctly", () => {
    const demo = createDemoCommunity(botName);
    const transcript = recordTranscript(demo, 3);
    const room = roomByTopic(demo, "幸福里5号楼居民群");
    const li = personByKey(demo, "li").contact;
    for (const n of [1, 2, 3, 4, 5]) li.say(`第${n}条`).to(room);
    expect(transcript.since(0).map((m) => m.text)).toEqual(["第3条", "第4条", "第5条"]);
    expect(transcript.since(3).map((m) => m.seq)).toEqual([4, 5]);
    expect(transcript.since(5)).toEqual([]);
    expect(transcript.latestSeq()).toBe(5);
    transcript.close();
  });

  it("files a private chat under the person, whichever side speaks", () => {
    const demo = createDemoCommunity(botName);
    const transcript = recordTranscript(demo);
    const wang = personByKey(demo, "wang").contact;
    wang.say("在吗").to(demo.botUser);
    demo.botUser.say("在的，您说").to(wang);
    expect(transcript.since(0).map((m) => [m.conversation, m.isBot])).toEqual([
      [`private:${wang.id}`, false],
      [`private:${wang.id}`, true],
    ]);
    transcript.close();
  });

  it("stops recording once closed", () => {
    const demo = createDemoCommunity(botName);
    const transcript = recordTranscript(demo);
    transcript.close();
    personByKey(demo, "zhao").contact.say("开会了").to(roomByTopic(demo, "幸福里社区工作群"));
    expect(transcript.latestSeq()).toBe(0);
  });
});
