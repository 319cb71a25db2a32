// Planned outages staff announced in a group: a resident of that place who reports it within
// the window is told what and until when, with no ticket. A second report (they insist), "不对"
// after the answer, or an urgent report still opens a ticket.
import type { Clock } from "../core/types.js";
import type { Parsed } from "../understand/taxonomy.js";
import { buildingOfRoomTopic } from "./infer-place.js";
import { linkReplies as say, type OutageKind } from "./link-replies.js";
import { readOutageNotice } from "./read-outage-notice.js";
import { sharedProblems } from "./shared-problem.js";

export interface OutageNotice {
  id: number;
  /** What it was read from (`msg:<id>`, or a broadcast part's outbox key): read once. */
  sourceKey: string;
  roomId: string;
  building: string | null;
  unit: string | null;
  kind: OutageKind;
  startsAt: Date;
  endsAt: Date;
  text: string;
  createdAt: Date;
}

export interface NoticeAnswer {
  noticeId: number;
  messageId: string;
  residentId: string;
  roomId: string | null;
  /** The report that was answered, opened as a ticket if the resident insists. */
  text: string;
  at: Date;
}

/** Port: planned-outage notices and the reports they answered. */
export interface OutageNoticeStore {
  /** Stores a notice once per source key; returns the stored one. */
  add(notice: Omit<OutageNotice, "id">): Promise<OutageNotice>;
  /** Notices whose window (widened by `earlyMs` before it starts) contains `at`. */
  activeAt(at: Date, earlyMs: number): Promise<OutageNotice[]>;
  addAnswer(answer: NoticeAnswer): Promise<void>;
  answersTo(residentId: string, since: Date): Promise<NoticeAnswer[]>;
}

export interface OutageReport {
  messageId: string;
  residentId: string;
  roomId: string | null;
  roomTopic: string | null;
  text: string;
  parsed: Parsed;
}

const hourMs = 3600_000;
/** Water is often cut a little before the announced time. */
const earlyMs = hourMs;
/** "不对" counts as insisting for this long after the answer. */
const insistMs = 12 * hourMs;
const outageOf: Record<string, OutageKind> = { water: "water", power: "power", gas: "gas" };
const contradicts =
  /^(?:不对|不是|不是这个|不是停水|不是停电|没通知|没有通知|还是没(?:有)?(?:水|电|气)|还没来(?:水|电|气))/;

export function createOutageNotices(o: { store: OutageNoticeStore; clock: Clock }) {
  const placeOf = (n: Pick<OutageNotice, "building" | "unit">) =>
    `${n.building ? `${n.building}号楼` : "本小区"}${n.unit ? `${n.unit}单元` : ""}`;

  return {
    /** Reads and stores a notice from a staff message or a broadcast sent to a group; null if none. */
    async note(text: string, roomId: string, roomTopic: string | null, sourceKey: string) {
      const now = o.clock.now();
      const r = readOutageNotice(text, now);
      if (!r || r.endsAt <= now) return null;
      const notice = await o.store.add({
        sourceKey,
        roomId,
        kind: r.kind,
        building: r.building ?? buildingOfRoomTopic(roomTopic),
        unit: r.unit,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        text: text.slice(0, 500),
        createdAt: now,
      });
      return { notice, confirm: say.noticeRecorded(r.kind, placeOf(notice), r.startsAt, r.endsAt, now) };
    },

    /**
     * The announcement's answer to a report of the outage it announced, recorded; null when
     * none applies (urgent, another problem or place, outside the window, or a second report).
     */
    async answer(report: OutageReport): Promise<string | null> {
      if (report.parsed.urgency === "urgent") return null;
      const kinds = sharedProblems(report.text)
        .map((p) => outageOf[p])
        .filter(Boolean);
      if (kinds.length === 0) return null;
      const now = o.clock.now();
      const building = report.parsed.building ?? buildingOfRoomTopic(report.roomTopic);
      const notice = (await o.store.activeAt(now, earlyMs)).find(
        (n) =>
          kinds.includes(n.kind) &&
          (n.roomId === report.roomId || (n.building !== null && n.building === report.parsed.building)) &&
          (n.building === null || building === null || n.building === building) &&
          (n.unit === null || report.parsed.unit === null || n.unit === report.parsed.unit),
      );
      if (!notice) return null;
      const before = await o.store.answersTo(report.residentId, new Date(now.getTime() - insistMs));
      if (before.some((a) => a.noticeId === notice.id && a.messageId !== report.messageId)) return null;
      await o.store.addAnswer({
        noticeId: notice.id,
        messageId: report.messageId,
        residentId: report.residentId,
        roomId: report.roomId,
        text: report.text,
        at: now,
      });
      return say.outageAnswer(notice.kind, placeOf(notice), notice.startsAt, notice.endsAt, now);
    },

    /** "不对" / "还是没水" soon after an answer: the report that was answered, to open as a ticket. */
    async insisted(residentId: string, roomId: string | null, text: string): Promise<string | null> {
      if (!contradicts.test(text.replace(/\s+/g, ""))) return null;
      const now = o.clock.now();
      const answers = await o.store.answersTo(residentId, new Date(now.getTime() - insistMs));
      const last = answers.filter((a) => a.roomId === roomId).at(-1);
      return last ? `${last.text} (${text})` : null;
    },
  };
}

export type OutageNotices = ReturnType<typeof createOutageNotices>;
