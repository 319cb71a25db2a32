// Labels for what residents write (kind, category, urgency, location), as the team's taxonomy defines them.

export const kinds = ["request", "question", "other"] as const;
export type Kind = (typeof kinds)[number];

export const categories = [
  "repair",
  "utilities",
  "elderly",
  "medical",
  "dispute",
  "sanitation",
  "safety",
  "parking",
  "legal",
  "admin",
  "suggestion",
  "other",
] as const;
export type Category = (typeof categories)[number];

export type Urgency = "urgent" | "normal";

export const categoryNames: Record<Category, string> = {
  repair: "维修",
  utilities: "水电气暖",
  elderly: "助老助残",
  medical: "医疗健康",
  dispute: "矛盾纠纷",
  sanitation: "环境卫生",
  safety: "安全隐患",
  parking: "停车交通",
  legal: "法律咨询",
  admin: "政务代办",
  suggestion: "意见建议",
  other: "其他",
};

export interface Location {
  building: string | null;
  unit: string | null;
  room: string | null;
}

/** What the embedded parser (or the optional model) understood of one message. */
export interface Parsed extends Location {
  kind: Kind;
  category: Category | null;
  urgency: Urgency | null;
  /** 0..1: how sure the parser is of kind and category together. */
  confidence: number;
}
