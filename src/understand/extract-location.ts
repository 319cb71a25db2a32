// Building / unit / room in every way residents write an address:
// 3号楼2单元501, 3-2-501, 三号楼二单元五零一, 十二栋, 5#, 东区7号楼3门601, 2单元602室.
// Floors ("18楼") are not rooms, and phone numbers are never rooms.
import type { Location } from "./taxonomy.js";
import { readNumber } from "../text/chinese-number.js";
import { normalizeText } from "./normalize-text.js";

const num = "(\\d{1,3}|[一二两三四五六七八九十百]{1,4})";
const smallNum = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
// "号" alone is a building only when a unit follows ("3号2单元"); otherwise it is a date.
const buildingPattern = new RegExp(
  `${num}\\s*(?:号楼|栋楼|栋|幢|#楼|#|座楼|座(?![位椅谈])|号(?=\\s*${smallNum}\\s*(?:单元|门)))`,
  "g",
);
const unitPattern = new RegExp(`${smallNum}\\s*单元`);
// "3门" after a building is an entrance (东区7号楼3门601); "东门" has no number.
const gateAfterBuilding = new RegExp(`^\\s*${smallNum}\\s*门(?![前外卫])`);
const roomDigits = "(\\d{3,4}|[零〇一幺二三四五六七八九]{3,4})";
// Right after a building or unit: "7栋301", "2单元的六零二", "3门601室".
const roomAfter = new RegExp(
  `^\\s*(?:的|是|,|\\s)*\\s*${roomDigits}(?:室|房|号(?!楼))?(?![\\d楼层度块元斤米岁平年天个次人多分号])`,
);
const roomMarked = new RegExp(`(?<![\\d-])${roomDigits}\\s*(?:室|房间|房|号房)`);
// A neighbour's flat named by where it is ("楼上502的老太太", "楼下301家") is the place of the matter,
// and so is a flat named by its door ("601门口", "302家门口", "502门缝里").
const roomCued =
  /(?:房间|门牌号?|房号|室号|住在?|家是)\s*(\d{3,4})(?![\d楼层号])|(?<![\d.:/A-Za-z-])(\d{3,4})\s*(?:那家|那户|这家|这户|那屋|家门|门缝|门口|门前|门外|房门|屋门)|(?:楼上|楼下|隔壁|对门|对面)\s*(\d{3,4})(?=的|家|那|这|住)/;
// A letter before the digits is a parking space or a code (B1-136), not a flat.
const dashThree = /(?<![\d.:/A-Za-z-])(\d{1,3})-(\d{1,2})-(\d{3,4})(?![\d-])/;
const dashUnitRoom = /^\s*(\d{1,2})-(\d{3,4})(?![\d-])/;
const dashTwo = /(?<![\d.:/A-Za-z-])(\d{1,3})-(\d{3,4})(?![\d-])/;
// Phone numbers, ID numbers and other long digit runs are blanked before any search.
const longDigits = /\d{7,}/g;

export function extractLocation(text: string): Location {
  return extractLocationFromNormalized(normalizeText(text));
}

/** The same, for text already passed through normalizeText. */
export function extractLocationFromNormalized(normalized: string): Location {
  const text = normalized.replace(longDigits, " ");
  const dash = dashThree.exec(text);
  if (dash) return { building: readNumber(dash[1]!), unit: readNumber(dash[2]!), room: readNumber(dash[3]!) };

  let building: string | null = null;
  let unit: string | null = null;
  let room: string | null = null;
  let after = "";

  buildingPattern.lastIndex = 0;
  const b = buildingPattern.exec(text);
  if (b) {
    building = readNumber(b[1]!);
    after = text.slice(b.index + b[0].length);
    const gate = gateAfterBuilding.exec(after);
    const unitRoom = dashUnitRoom.exec(after);
    if (unitRoom) {
      unit = readNumber(unitRoom[1]!);
      room = readNumber(unitRoom[2]!);
    } else if (gate) {
      unit = readNumber(gate[1]!);
      after = after.slice(gate[0].length);
    }
  }
  const u = unit === null ? unitPattern.exec(text) : null;
  if (u) {
    unit = readNumber(u[1]!);
    after = text.slice(u.index + u[0].length);
  }
  if (room === null && (building !== null || unit !== null)) {
    const r = roomAfter.exec(after);
    if (r) room = readNumber(r[1]!);
  }
  if (room === null) {
    const r = roomMarked.exec(text) ?? roomCued.exec(text);
    if (r) room = readNumber((r[1] ?? r[2] ?? r[3])!);
  }
  if (building === null && unit === null && room === null) {
    const two = dashTwo.exec(text);
    if (two) return { building: readNumber(two[1]!), unit: null, room: readNumber(two[2]!) };
  }
  return { building, unit, room };
}
