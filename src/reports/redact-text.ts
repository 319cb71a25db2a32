// Words in a report that goes upward (好人好事 notes and thanks): no phone number and no door
// number leave the community. The building and unit stay (a report counts by building anyway).

const mobile = /(?<!\d)1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
const landline = /(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/g;
/** 3-2-501, 3栋2单元501, 2单元501室, 501室, 501号房. */
const dashed = /(?<!\d)\d{1,3}-\d{1,2}-\d{3,4}(?!\d)/g;
const afterUnit = /(单元|门|栋|号楼)\s*\d{3,4}(?!\d)(?:室|号房|号)?/g;
const roomNumber = /(?<!\d)\d{3,4}\s*(?:室|号房|房间)/g;

export function redactResidentText(text: string): string {
  return text
    .replace(mobile, "***")
    .replace(landline, "***")
    .replace(dashed, "***")
    .replace(afterUnit, "$1***")
    .replace(roomNumber, "***");
}
