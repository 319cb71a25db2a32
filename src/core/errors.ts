// Errors carry a code; `replies.ts` maps codes to the words a person reads.

export type ErrorCode =
  | "ticket_not_found"
  | "forbidden"
  | "already_claimed"
  | "not_claimer"
  | "bad_state"
  | "bad_command"
  | "not_found"
  | "bad_input";

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
