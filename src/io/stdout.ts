// Standard output without process.stdout where that is safe. Touching
// process.stdout makes Node load its whole stream stack (for a file, a pipe or
// a terminal alike), which costs about a tenth of a run; `advise` only needs
// to write one string and know whether it is talking to a terminal. So on
// POSIX the text goes out with fs.writeSync, and the stream is created only
// when it is really needed: on a terminal (for its width), when a
// non-blocking pipe is full, on Windows, and for commander's help text.

import { fstatSync, statSync, writeSync } from "node:fs";
import { writeOut } from "../text.js";
import { describeWriteError } from "./read.js";

/**
 * Standard output cannot be written (a full disk, /dev/full, an I/O error):
 * one line on stderr and exit 2. Thrown from a stream's error event, an
 * exception would escape every try/catch as a stack trace.
 */
export function outputFailed(e: unknown): never {
  process.stderr.write(`advise: cannot write the output (${describeWriteError(e)})\n`);
  process.exit(2);
}

let stream: NodeJS.WriteStream | undefined;

/** process.stdout, set up so that a reader that stops early (`advise x | head -1`) ends the run quietly. */
export function stdoutStream(): NodeJS.WriteStream {
  if (!stream) {
    stream = process.stdout;
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      outputFailed(e);
    });
  }
  return stream;
}

let tty: boolean | undefined;

/** Whether standard output is a terminal, answered without creating process.stdout for files, pipes and /dev/null. */
export function stdoutIsTTY(): boolean {
  if (tty !== undefined) return tty;
  if (process.platform !== "win32") {
    try {
      const st = fstatSync(1);
      // Only a character device can be a terminal; /dev/null is one too (and where benchmarks send output).
      if (!st.isCharacterDevice() || st.rdev === statSync("/dev/null").rdev) return (tty = false);
    } catch {
      return (tty = false); // standard output is closed
    }
  }
  return (tty = Boolean(stdoutStream().isTTY));
}

/** The columns to lay out for: COLUMNS when it is a number, else the terminal's width, else `fallback` (a file or a pipe). */
export function stdoutWidth(fallback = 100, env: NodeJS.ProcessEnv = process.env): number {
  const columns = env.COLUMNS ? Number(env.COLUMNS) : NaN;
  if (Number.isInteger(columns) && columns > 0) return columns;
  return (stdoutIsTTY() && stdoutStream().columns) || fallback;
}

let paging = false;

/** Lets writeStdout page long output on a terminal (see pager.ts); off unless a command turns it on. */
export function usePager(on: boolean): void {
  paging = on;
}

/** The terminal's rows (LINES when it is a number), or undefined when standard output is not a terminal. */
export function stdoutRows(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!stdoutIsTTY()) return undefined;
  const lines = env.LINES ? Number(env.LINES) : NaN;
  if (Number.isInteger(lines) && lines > 0) return lines;
  return stdoutStream().rows || undefined;
}

/** Whether output written now would go through a pager: paging on, a terminal, and a pager configured. */
export async function pagerFor(text: string): Promise<string | undefined> {
  if (!paging || !stdoutIsTTY()) return undefined;
  const { pagerCommand, longerThanScreen } = await import("./pager.js");
  const command = pagerCommand(process.env);
  const rows = stdoutRows();
  if (command === undefined || rows === undefined || !longerThanScreen(text, rows, stdoutWidth())) return undefined;
  return command;
}

/** Whether paging is on and a pager is configured: the report then need not fit the screen's height. */
export async function willPage(): Promise<boolean> {
  if (!paging || !stdoutIsTTY()) return false;
  const { pagerCommand } = await import("./pager.js");
  return pagerCommand(process.env) !== undefined;
}

/** Writes text to standard output (through the pager when usePager is on and it is long, on a terminal); resolves once all of it is handed on. */
export async function writeStdout(text: string): Promise<void> {
  if (paging) {
    const command = await pagerFor(text);
    if (command !== undefined) {
      const { throughPager } = await import("./pager.js");
      await stdoutFlushed();
      if (await throughPager(command, text)) return;
    }
  }
  if (stream === undefined && process.platform !== "win32") {
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0); // the reader has gone: not an error of ours
      if (code !== "EAGAIN") outputFailed(e); // a full disk, a closed standard output: the report was not written

      // a non-blocking pipe is full: let the stream wait for the reader
      return writeOut(stdoutStream(), bytes.subarray(done));
    }
  }
  return writeOut(stdoutStream(), text);
}

/** Resolves once everything written to process.stdout (if it was ever created) has been handed to the OS. */
export function stdoutFlushed(): Promise<void> {
  return stream === undefined ? Promise.resolve() : writeOut(stream, "");
}
