import { expect, it } from "vitest";
import { redactResidentText } from "../../src/reports/redact-text.js";

it("takes phone and door numbers out of a 好人好事 note, and leaves buildings, dates and amounts", () => {
  expect(redactResidentText("3号楼2单元501的王阿姨, 电话138 0000 0000")).toBe("3号楼2单元***的王阿姨, 电话***");
  expect(redactResidentText("住3-2-501, 座机0000-1234567")).toBe("住***, 座机***");
  expect(redactResidentText("帮1201室的李大爷, 还有5栋302")).toBe("帮***的李大爷, 还有5栋***");
  expect(redactResidentText("2026-11-30 上午10:00 在3号楼帮忙搬了300斤米")).toBe(
    "2026-11-30 上午10:00 在3号楼帮忙搬了300斤米",
  );
});
