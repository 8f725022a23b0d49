// Writing a report to a file (`--output-file`) atomically: the text goes to a
// temporary file beside the target, is flushed to disk, and is renamed over the
// target in one step. A reader (an upload step, a CI test reporter) sees either
// the previous file or the complete new one, and a run that fails before or
// while writing leaves no half-written report behind.

import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, type Stats, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../diagnostics.js";
import { describeWriteError } from "./read.js";

export function writeFileAtomic(path: string, text: string, cwd: string = process.cwd()): void {
  const abs = resolve(cwd, path);
  const fail = (e: unknown): never => {
    throw new InputError([{ file: path, message: `cannot be written (${describeWriteError(e)})`, expected: "a file path in a writable folder" }]);
  };
  // what is there now, a symbolic link followed: only a regular file (or nothing) is replaced;
  // renaming over a device, a FIFO or a socket (/dev/null, /dev/stdout) would replace the node itself
  let target: Stats | undefined;
  try {
    target = lstatSync(abs).isSymbolicLink() ? statSync(abs) : lstatSync(abs);
  } catch {
    // does not exist yet (or a dangling link): the usual case
  }
  if (target?.isDirectory()) throw new InputError([{ file: path, message: "is a directory", expected: "a file path for the report, such as advise.sarif" }]);
  if (target && !target.isFile()) {
    const what = target.isFIFO() ? "a FIFO" : target.isSocket() ? "a socket" : "a device";
    throw new InputError([{ file: path, message: `is not a regular file (${what}); it is never replaced`, expected: "a path for a regular file" }]);
  }
  const dir = dirname(abs);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(e);
  }
  const tmp = join(dir, `.${basename(abs)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    rmSync(tmp, { force: true });
    fail(e);
  }
}
