// The only answer shape accepted from a model. Anything else is rejected and the
// embedded result stands.
import { z } from "zod";
import { categories, kinds } from "./taxonomy.js";

const digits = z
  .union([z.string().regex(/^\d{1,4}$/), z.number().int().nonnegative().max(9999)])
  .transform(String)
  .nullable()
  .default(null);

export const modelAnswerSchema = z
  .object({
    kind: z.enum(kinds),
    category: z.enum(categories).nullable().default(null),
    urgency: z.enum(["urgent", "normal"]).nullable().default(null),
    building: digits,
    unit: digits,
    room: digits,
    confidence: z.number().min(0).max(1).optional(),
  })
  .refine((a) => a.kind !== "request" || (a.category !== null && a.urgency !== null), {
    message: "a request needs a category and an urgency",
  });

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;
