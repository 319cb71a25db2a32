// A small demo community on the Wechaty mock puppet: three kinds of rooms and a few
// named people, so a newcomer can play every role from the web simulator.
import { PuppetMock, mock } from "wechaty-puppet-mock";

export const demoRooms = {
  resident: ["幸福里3号楼居民群", "幸福里5号楼居民群"],
  volunteer: ["幸福里志愿者服务群"],
  staff: ["幸福里社区工作群"],
} as const;

interface DemoPerson {
  key: string;
  name: string;
  role: "resident" | "volunteer" | "staff";
}

export const demoPeople: DemoPerson[] = [
  { key: "zhang", name: "张秀英", role: "resident" },
  { key: "li", name: "李建国", role: "resident" },
  { key: "wang", name: "王桂兰", role: "resident" },
  { key: "liu", name: "刘志强", role: "volunteer" },
  { key: "chen", name: "陈师傅", role: "volunteer" },
  { key: "zhao", name: "赵书记", role: "staff" },
  { key: "sun", name: "孙网格员", role: "staff" },
];

export interface DemoCommunity {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  botUser: mock.ContactMock;
  people: Map<string, { person: DemoPerson; contact: mock.ContactMock }>;
  rooms: Map<string, mock.RoomMock>;
}

export function createDemoCommunity(botName: string): DemoCommunity {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({ name: botName });
  const people = new Map(
    demoPeople.map((p) => [p.key, { person: p, contact: mocker.createContact({ name: p.name }) }]),
  );
  const ids = (pred: (p: DemoPerson) => boolean) =>
    [...people.values()].filter((x) => pred(x.person)).map((x) => x.contact.id);
  const rooms = new Map<string, mock.RoomMock>();
  const add = (topic: string, memberIds: string[]) =>
    rooms.set(topic, mocker.createRoom({ topic, memberIdList: [botUser.id, ...memberIds] }));
  // Staff sit in residents' rooms too, as they do in real communities.
  for (const topic of demoRooms.resident)
    add(
      topic,
      ids((p) => p.role !== "volunteer"),
    );
  add(
    demoRooms.volunteer[0],
    ids((p) => p.role === "volunteer" || p.role === "staff"),
  );
  add(
    demoRooms.staff[0],
    ids((p) => p.role === "staff"),
  );
  return { mocker, puppet, botUser, people, rooms };
}
