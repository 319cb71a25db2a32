// Errors carry a code; each feature turns codes into the words a person reads where it catches
// them (tickets/ticket-replies.ts errorReplies, faq/faq-replies.ts, broadcasts/broadcast-replies.ts).

export type ErrorCode =
  | "ticket_not_found"
  | "forbidden"
  | "already_claimed"
  | "not_claimer"
  | "bad_state"
  | "bad_command"
  | "not_found"
  | "bad_input"
  | "too_many";

export class LinliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "LinliError";
  }
}

export function isLinliError(err: unknown, code?: ErrorCode): err is LinliError {
  return err instanceof LinliError && (code === undefined || err.code === code);
}
