import { describe, expect, it } from "vitest";
import { normalizeText as normalizeQuestion } from "../../src/faq/normalize-text.js";
import { listMentionedNames, stripBotMention, stripMentions } from "../../src/text/mentions.js";

describe("@-mentions", () => {
  it("strips spaced, titled and trailing mentions, keeping the message", () => {
    expect(stripMentions("@张姐\u2005明天替我一下").trim()).toBe("明天替我一下");
    expect(stripMentions("@王书记楼道灯坏了").trim()).toBe("楼道灯坏了");
    expect(stripMentions("楼道灯坏了 @小李").trim()).toBe("楼道灯坏了");
    expect(listMentionedNames("@张姐\u2005问一下 @王书记你好")).toEqual(["张姐", "王书记"]);
  });

  it("strips only the bot's own mention for commands", () => {
    expect(stripBotMention("@邻里管家\u2005认领 3 @张姐", "邻里管家")).toBe("认领 3 @张姐");
  });

  it("keeps a question typed right after a hand-typed mention (the FAQ used to drop it all)", () => {
    expect(normalizeQuestion("@王书记社区医院几点开门").trim()).toBe(normalizeQuestion("社区医院几点开门"));
  });
});
