// Words about room bindings: what staff read (precise), and the short refusals others get.
import type { Role } from "../core/types.js";
import type { KnownRoom } from "./room-registry.js";

export const roleNames: Record<Role, string> = { staff: "工作群", volunteer: "志愿者群", resident: "居民群" };

const quoted = (r: Pick<KnownRoom, "topic">) => `「${r.topic || "未命名群"}」`;
const listRooms = (rooms: KnownRoom[]) =>
  rooms.map((r) => `${quoted(r)}（${roleNames[r.bound ?? "resident"]}）`).join("、");

export const roomReplies = {
  firstStart: (rooms: KnownRoom[]) =>
    `首次启动，已按配置的群名绑定：${listRooms(rooms)}。以后群改名或有人新建同名群，都不会得到这些身份；` +
    "新群要在工作群里回复「待绑定的群」查看并确认。",
  renamed: (room: KnownRoom, from: string) =>
    `群${quoted({ topic: from })}改名为${quoted(room)}。它仍按${roleNames[room.bound ?? "resident"]}对待（身份跟着群走，不看群名）。`,
  ownerChanged: (room: KnownRoom) =>
    `群${quoted(room)}的群主换了人。它仍按${roleNames[room.bound ?? "resident"]}对待（身份跟着群走，不看群主）。` +
    `如果这次换群主不对（比如群被别人接手），请在工作群里回复「解绑 ${room.topic}」，或用命令行：linli rooms unbind ${room.id}。`,
  proposed: (room: KnownRoom, number: number) =>
    `有一个群叫${quoted(room)}，和配置的${roleNames[room.proposed ?? "resident"]}同名，但还没有绑定，现在只当居民群对待。` +
    `如果它确实是${roleNames[room.proposed ?? "resident"]}，请回复「绑定 ${number}」。`,
  pendingList: (rooms: KnownRoom[]) =>
    rooms.length === 0
      ? "没有待绑定的群。"
      : [
          "待绑定的群：",
          ...rooms.map((r, i) => `${i + 1}. ${quoted(r)} → ${roleNames[r.proposed ?? "resident"]}`),
          "回复「绑定 编号」确认，或「绑定 群名 为 志愿者群」。",
        ].join("\n"),
  bound: (room: KnownRoom) => `已绑定：${quoted(room)}是${roleNames[room.bound ?? "resident"]}。`,
  unbound: (room: KnownRoom) => `已解绑${quoted(room)}，它现在最多当居民群对待。`,
  noSuchNumber: (n: number) => `待绑定的群里没有第 ${n} 个。请先回复「待绑定的群」看编号。`,
  noSuchRoom: (topic: string) => `没找到叫「${topic}」的群。请核对群名，和微信里完全一样。`,
  severalRooms: (topic: string, n: number) =>
    `有 ${n} 个群都叫「${topic}」，分不清是哪个。请回复「待绑定的群」用编号绑定，或用命令行按群 ID 绑定。`,
  lastStaffRoom: () => "这是唯一的工作群，解绑后就没人能在群里管理了。确需解绑请用命令行：linli rooms unbind 群ID。",
  staffOnly: () => "绑定群只能由社区工作人员在工作群里或私聊我操作。",
  staffRoomOnly: () => "这个要在工作群里或私聊我操作，这里是居民群，不方便。",
};
