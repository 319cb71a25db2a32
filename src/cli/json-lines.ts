// The JSON Lines loop shared by `linli parse` and `linli ask` (CLI-CONTRACT): every input line
// yields exactly one output line, in order; a UTF-8 byte-order mark before the first line is not
// part of it; a reader that stops early (`| head -1`) ends the run quietly with exit code 0.
import { createInterface } from "node:readline";

export type LineResult = Record<string, unknown>;

const bom = "\uFEFF";

export async function answerJsonLines(
  answer: (line: string) => LineResult | Promise<LineResult>,
  emptyLineError: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { once: NodeJS.EventEmitter["once"] } = process.stdout,
): Promise<number> {
  endQuietlyOnClosedPipe(output);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const raw of lines) {
    const line = first && raw.startsWith(bom) ? raw.slice(bom.length) : raw;
    first = false;
    const out = line.trim() === "" ? { id: null, error: emptyLineError } : await answer(line);
    if (!output.write(`${JSON.stringify(out)}\n`)) {
      await new Promise((resolve) => output.once("drain", resolve));
    }
  }
  return 0;
}

function endQuietlyOnClosedPipe(output: NodeJS.WritableStream): void {
  output.on("error", (err: NodeJS.ErrnoException) => {
    // The reader has all it wanted; nothing is wrong with the run.
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
