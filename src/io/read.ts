// Reading one input (a file path, or "-" for standard input) into text,
// with the size limit, UTF-8 check and binary check. Every failure is an
// InputError with a located message; nothing here throws anything else.

import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "node:fs";
import { InputError, positionAt } from "../diagnostics.js";
import { LIMITS } from "../limits.js";

export interface SourceText {
  /** the name used in messages: the path as given, or "<stdin>" */
  file: string;
  text: string;
}

export function readSource(path: string, maxBytes: number = LIMITS.maxFileBytes): SourceText {
  const file = path === "-" ? "<stdin>" : path;
  const bytes = path === "-" ? readStdin(maxBytes) : readFileBounded(path, maxBytes);
  return { file, text: decode(file, bytes) };
}

/** readSource on a path, with messages naming the file as `shown` (a path as the user wrote it). */
export function readSourceAs(path: string, shown: string): SourceText {
  try {
    return { ...readSource(path), file: shown };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.diagnostics.map((d) => (d.file === path ? { ...d, file: shown } : d)));
    throw e;
  }
}

/**
 * Text handed over in memory (an MCP tool's argument) under the same rules as
 * a file: the size limit, no NUL bytes, a leading BOM dropped.
 */
export function sourceFromText(file: string, text: string, maxBytes: number = LIMITS.maxFileBytes): SourceText {
  // a string's UTF-8 size is at least its length, so a long one is refused without encoding it
  if (text.length > maxBytes) tooLarge(file, undefined, maxBytes, "text");
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > maxBytes) tooLarge(file, bytes.length, maxBytes, "text");
  return { file, text: decode(file, bytes) };
}

function fail(file: string, message: string, expected?: string): never {
  throw new InputError([{ file, message, ...(expected ? { expected } : {}) }]);
}

function tooLarge(file: string, size: number | undefined, maxBytes: number, what = "file"): never {
  const seen = size === undefined ? `more than ${maxBytes} bytes` : `${size} bytes`;
  fail(file, `${what} is too large (${seen})`, `at most ${maxBytes} bytes (${Math.round(maxBytes / 1024)} KiB)`);
}

function readFileBounded(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below, unread)
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    fail(path, describeFsError(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail(path, "is a directory", "a YAML file");
    if (!st.isFile()) fail(path, `is not a regular file (${st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : "a device"})`, "a regular file, or - for standard input");
    if (st.isFile() && st.size > maxBytes) tooLarge(path, st.size, maxBytes);
    return readBounded(fd, path, maxBytes, st.isFile() ? st.size + 1 : undefined);
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(path, describeFsError(e));
  } finally {
    closeSync(fd);
  }
}

function readStdin(maxBytes: number): Buffer {
  if (process.stdin.isTTY) fail("<stdin>", "standard input is a terminal, not a file", "a profile piped in, e.g. `advise - < profile.yaml`");
  try {
    return readBounded(0, "<stdin>", maxBytes);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A closed standard input reads as empty; anything else is reported plainly.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EBADF" || code === "EINVAL") return Buffer.alloc(0);
    fail("<stdin>", describeFsError(e));
  }
}

/** Reads at most maxBytes + 1 bytes, so an oversized stream is noticed without reading it all. */
function readBounded(fd: number, file: string, maxBytes: number, sizeHint?: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // a regular file's size (plus one byte, to see it has not grown) saves a 64 KiB buffer per small file
  const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, Math.max(1, sizeHint ?? 64 * 1024)));
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue; // a non-blocking pipe that is not ready yet
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) tooLarge(file, undefined, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

function decode(file: string, bytes: Buffer): string {
  const utf16 = utf16Kind(bytes);
  if (utf16) throw new InputError([{ file, line: 1, col: 1, message: `this is UTF-16 text (${utf16}), not UTF-8`, expected: "a UTF-8 encoded file (re-save it as UTF-8; in PowerShell, Out-File -Encoding utf8)" }]);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = positionAt(bytes.subarray(0, nul).toString("latin1"), nul);
    throw new InputError([{ file, line, col, message: "this is a binary file (it contains a NUL byte)", expected: "a UTF-8 YAML text file" }]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, col } = positionAt(bytes.subarray(0, offset).toString("latin1"), offset);
    throw new InputError([{ file, line, col, message: "the text is not valid UTF-8", expected: "a UTF-8 encoded file (re-save it as UTF-8)" }]);
  }
  // TextDecoder drops a leading BOM already; strip one more defensively.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // classic Mac line ends (a CR alone) are line breaks in YAML too; one character for one keeps every offset
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** "little-endian" or "big-endian" for UTF-16 text (a byte order mark, or a zero byte in every other place), else undefined. */
function utf16Kind(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "little-endian";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "big-endian";
  const n = Math.min(bytes.length, 128) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenZero++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddZero++;
  }
  if (oddZero === n / 2) return "little-endian";
  if (evenZero === n / 2) return "big-endian";
  return undefined;
}

function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const dec = new TextDecoder("utf-8", { fatal: true });
  // Binary search for the shortest prefix that fails to decode (allowing a trailing partial sequence).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // A truncated multi-byte sequence is only noticed at the byte after it: point at its lead byte.
  for (let k = lo; k >= Math.max(0, lo - 3); k--) if (bytes[k]! >= 0xc0) return k;
  return lo;
}

/** Words for file system errors that read the same whether reading or writing. */
const FS_WORDS: Record<string, string> = {
  EISDIR: "is a directory",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the path is too long",
};

const WRITE_WORDS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EBADF: "standard output is closed",
  EIO: "input/output error",
  EFBIG: "file too large",
  ENOENT: "no such folder",
  ENOTDIR: "a part of the path is not a folder",
  ...FS_WORDS,
};

const READ_WORDS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied (the file is not readable)",
  EPERM: "permission denied (the file is not readable)",
  ...FS_WORDS,
};

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code;
const detailOf = (e: unknown) => codeOf(e) ?? (e instanceof Error ? e.message : String(e));

/** Why a write failed, in words (describeFsError is for reads). */
export function describeWriteError(e: unknown): string {
  return WRITE_WORDS[codeOf(e) ?? ""] ?? `error ${detailOf(e)}`;
}

/** Why a read failed, in words. */
export function describeFsError(e: unknown): string {
  return READ_WORDS[codeOf(e) ?? ""] ?? `cannot be read (${detailOf(e)})`;
}
