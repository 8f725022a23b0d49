// Reading ADRs: finding the Markdown files, and finding in each one its
// stream-advisor block(s), its status and its title. MADR files carry the block
// in YAML front matter; Nygard (adr-tools) and log4brains files in a fenced
// ```yaml stream-advisor block. YAML is parsed by parseYaml with the block's
// starting line, so every position is a position in the ADR file.

import { isInside, realRoot, realTarget } from "../io/within.js";
import { type Stats, closeSync, constants as fsConstants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { type Diagnostic, InputError } from "../diagnostics.js";
import type { SourceText } from "../io/read.js";
import { type Path, type YamlSource, keyNodeAt, nodeAt, parseYaml, positionOf } from "../io/yaml.js";
import { LIMITS } from "../limits.js";
import { expandGlob, isGlob } from "../io/glob.js";
import { visible } from "../text.js";
import { closest } from "../suggest.js";

/** A misspelt path's likely meaning: the closest name in its (existing) parent folder, as the user wrote the path. */
function nearestPath(target: string, abs: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(abs));
  } catch {
    return undefined;
  }
  const name = abs.slice(dirname(abs).length + 1);
  const guess = closest(name, names);
  if (guess === undefined) return undefined;
  const cut = target.replace(/[\\/]+$/, "");
  return `${cut.slice(0, cut.length - name.length)}${guess}`;
}

/** Where ADR tools put decision records, in the order they are looked for. */
export const DEFAULT_ADR_DIRS = ["doc/adr", "docs/adr", "docs/decisions"] as const;

/** Statuses whose ADRs are history, not live decisions: skipped and counted. */
export const INACTIVE_STATUSES = ["superseded", "deprecated", "rejected"] as const;

export const BLOCK_KEY = "stream-advisor";

/** One stream-advisor mapping in an ADR, or why it could not be read. */
export type AdrBlock =
  | { kind: "front-matter" | "fenced"; src: YamlSource; base: Path; line: number; col: number }
  | { kind: "fenced"; problems: Diagnostic[]; line: number; col: number };

export interface ParsedAdr {
  file: string;
  title?: string;
  /** the status word, lower case */
  status?: string;
  /** the status marks the ADR as history (superseded, deprecated, rejected) */
  inactive: boolean;
  style?: "madr" | "nygard";
  blocks: AdrBlock[];
}

// ---------------------------------------------------------------------------
// Finding files

/** One argument's worth of ADRs: a file to read (`abs`), or an argument that names nothing. */
export type Discovered = { file: string; abs: string } | { file: string; abs: string; problem: Diagnostic; missing?: true };

/**
 * A path as shown in reports, with forward slashes. Relative to `base`, which is
 * the working folder (human, json: paths to type or click) or the repository
 * root (sarif, github, junit: paths that name the same file on every machine).
 * From the root, every path is relative (`..` for one outside it): one URI style.
 * From the working folder, a path inside it or inside the repository is relative
 * (`../../profiles/x.yaml` from a subfolder); one outside both stays absolute when
 * it was given absolute.
 */
export function displayPath(path: string, cwd: string, base: string = cwd, root: string = cwd): string {
  const abs = resolve(cwd, path);
  const rel = relative(base, abs);
  const outside = (dir: string) => {
    const r = relative(dir, abs);
    return r.startsWith("..") || isAbsolute(r);
  };
  const shown = rel === "" ? "." : base === cwd && outside(cwd) && outside(root) && isAbsolute(path) ? abs : rel;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

/**
 * The repository root: the nearest folder at or above `start` holding `.git`
 * (a folder in a clone, a file in a worktree or submodule), else `start` itself.
 */
export function findRepoRoot(start: string): string {
  const from = resolve(start);
  for (let dir = from; ; ) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/** Where paths are resolved (the working folder) and shown from (the working folder or the repository root). */
export interface PathBase {
  cwd: string;
  /** the folder reports show paths relative to (default: cwd) */
  base?: string;
  /** the repository root: default ADR folders are looked for from cwd up to it */
  root?: string;
  /** read nothing outside root (symbolic links followed): an ADR or an .adr-dir folder leading outside is a problem (advise mcp) */
  confine?: boolean;
}

/**
 * The ADR files named by the arguments, in argument order: files as given,
 * folders searched for *.md below them (sorted; hidden folders and node_modules
 * left out), each file once. With no arguments, the folders ADR tools use: the
 * one named in .adr-dir (adr-tools), doc/adr, docs/adr and docs/decisions,
 * whichever exist. Throws InputError only when there is nothing to look at.
 */
export function discover(args: readonly string[], where: PathBase): Discovered[] {
  const { cwd } = where;
  const base = where.base ?? cwd;
  const show = (p: string) => displayPath(p, cwd, base, where.root ?? cwd);
  const out: Discovered[] = [];
  const root = realRoot(where.root ?? cwd);
  let targets: string[] = [...args];
  if (targets.length === 0) {
    targets = defaultDirs(cwd, where.root ?? cwd, out, show, where.confine ?? false);
    if (targets.length === 0 && out.length === 0) {
      throw new InputError([
        {
          file: ".",
          message: "no ADR folder found (looked for .adr-dir, doc/adr, docs/adr and docs/decisions)",
          expected: "ADR files or folders as arguments, e.g. `advise check docs/decisions`",
        },
      ]);
    }
  }
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    if (where.confine && !isInside(root, realTarget(root, abs))) out.push({ file: show(p), abs, problem: { file: show(p), message: `is outside the folder advise works in (${root})`, expected: "a path inside that folder" } });
    else out.push({ file: show(p), abs });
  };
  for (const target of targets) {
    const abs = resolve(cwd, target);
    if (isGlob(target, cwd)) {
      // a quoted glob (or one the shell left alone): expanded here, the same on every shell
      const matches = expandGlob(target, { cwd, folders: true, limit: LIMITS.maxAdrFiles }).map((m) => resolve(cwd, m));
      if (matches.length === 0) out.push({ file: show(target), abs, missing: true, problem: { file: show(target), message: "no file or folder matches this pattern", expected: "a glob that names ADR files or folders, such as 'docs/adr/*.md'" } });
      const found: string[] = [];
      for (const m of matches) {
        if (isDirectory(m)) walk(m, found);
        else found.push(m);
      }
      if (seen.size + found.length > LIMITS.maxAdrFiles) {
        throw new InputError([{ file: show(target), message: `matches more than ${LIMITS.maxAdrFiles} files`, expected: "a pattern that names the ADRs only" }]);
      }
      for (const f of found) add(isAbsolute(target) ? f : relative(cwd, f));
      continue;
    }
    if (!existsSync(abs)) {
      const guess = nearestPath(target, abs);
      out.push({ file: show(target), abs, missing: true, problem: { file: show(target), message: "no such file or folder", expected: "an ADR Markdown file or a folder of them", ...(guess !== undefined ? { suggestion: show(guess) } : {}) } });
      continue;
    }
    if (!isDirectory(abs)) {
      add(target);
      continue;
    }
    const found: string[] = [];
    walk(abs, found);
    if (seen.size + found.length > LIMITS.maxAdrFiles) {
      throw new InputError([{ file: show(target), message: `holds more than ${LIMITS.maxAdrFiles} Markdown files`, expected: "a folder of ADRs (name the ADR folder itself)" }]);
    }
    // shown the way the folder was given: relative, or absolute
    for (const f of found) add(isAbsolute(target) ? f : relative(cwd, f));
  }
  return out;
}

/**
 * The default ADR folders, as paths relative to cwd: in the working folder, or
 * else in the nearest folder above it, up to the repository root, that has any
 * (adr-tools looks for .adr-dir upwards too), so a run from a subfolder finds them.
 */
function defaultDirs(cwd: string, root: string, out: Discovered[], show: (p: string) => string, confined: boolean): string[] {
  const start = resolve(cwd);
  const top = realRoot(root);
  const candidates = [start];
  if (relative(top, start) !== "" && !relative(top, start).startsWith("..")) {
    for (let dir = dirname(start); ; dir = dirname(dir)) {
      candidates.push(dir);
      if (dir === top || dirname(dir) === dir) break;
    }
  }
  for (const dir of candidates) {
    const dirs = defaultDirsIn(dir, cwd, out, show, top, confined);
    if (dirs.length || out.length) return dirs;
  }
  return [];
}

function defaultDirsIn(dir: string, cwd: string, out: Discovered[], show: (p: string) => string, top: string, confined: boolean): string[] {
  const dirs: string[] = [];
  const rel = (p: string) => relative(cwd, join(dir, p)) || ".";
  const adrDirFile = join(dir, ".adr-dir");
  const named = readAdrDir(adrDirFile);
  if (named !== undefined) {
    const file = show(rel(".adr-dir"));
    const problem = (message: string, expected: string) => out.push({ file, abs: adrDirFile, problem: { file, line: 1, col: 1, message, expected } });
    const where = confined ? `the folder advise works in (${top})` : `the repository (${top})`;
    if (typeof named !== "string") problem(named.problem, "a small text file whose first line is the path of the ADR folder, e.g. doc/adr");
    else if (named === "") problem("is empty", "the path of the ADR folder, e.g. doc/adr");
    else if (isAbsolute(named) || /^[a-zA-Z]:[\\/]/.test(named)) problem(`names an absolute path ('${excerpt(named)}')`, `a path relative to the folder holding .adr-dir, inside ${where}`);
    else if (!isInside(top, realTarget(top, resolve(dir, named)))) problem(`names the folder '${excerpt(named)}', which is outside ${where}`, "an ADR folder inside that folder");
    else if (isDirectory(resolve(dir, named))) dirs.push(rel(named));
    else problem(`names the folder '${excerpt(named)}', which does not exist`, "the path of the ADR folder, e.g. doc/adr");
  }
  for (const d of DEFAULT_ADR_DIRS) if (isDirectory(join(dir, d))) dirs.push(rel(d));
  // .adr-dir usually names one of the defaults: look at each folder once
  const unique = new Map(dirs.map((d) => [resolve(cwd, d), d]));
  return [...unique.values()];
}

/** Most bytes of .adr-dir read: it holds one relative path. */
const ADR_DIR_MAX_BYTES = 512;

/**
 * The first line of an .adr-dir file, trimmed; undefined when there is none; a
 * problem when it is not a small regular file. A repository controls this file,
 * so it is checked before it is opened (a symbolic link, a FIFO or a device is
 * never read) and at most ADR_DIR_MAX_BYTES bytes are read.
 */
function readAdrDir(path: string): string | { problem: string } | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  if (st.isSymbolicLink()) return { problem: "is a symbolic link; it is not followed" };
  if (!st.isFile()) return { problem: "is not a regular file" };
  if (st.size > ADR_DIR_MAX_BYTES) return { problem: `is too large (${st.size} bytes, at most ${ADR_DIR_MAX_BYTES})` };
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
  } catch {
    return { problem: "cannot be read" };
  }
  try {
    const after = fstatSync(fd);
    if (!after.isFile()) return { problem: "is not a regular file" };
    const buf = Buffer.alloc(ADR_DIR_MAX_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > ADR_DIR_MAX_BYTES) return { problem: `is too large (more than ${ADR_DIR_MAX_BYTES} bytes)` };
    const text = buf.subarray(0, n).toString("utf8");
    const line = text.split(/\r?\n|\r/)[0]!.trim();
    if (/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(line)) return { problem: "holds control characters or bytes that are not UTF-8 text" };
    return line;
  } catch {
    return { problem: "cannot be read" };
  } finally {
    closeSync(fd);
  }
}

/** At most 60 characters of text a repository controls, escaped, for a message. */
function excerpt(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return visible(short);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A folder's entries sorted by name (the same order on every machine); none when it cannot be read. */
function sortedEntries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function walk(dir: string, out: string[]): void {
  for (const e of sortedEntries(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      walk(p, out);
      if (out.length > LIMITS.maxAdrFiles) return;
    } else if (/\.md$/i.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(p)))) {
      out.push(p);
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Reading one ADR

interface Line {
  text: string;
  /** 1-based */
  number: number;
  /** offset of the line's first character in the file */
  start: number;
  /** offset just after the line's end (before its line break) */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let n = 1;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ text: text.slice(start, end), number: n++, start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/**
 * An ATX heading (`## Status ##`): its level and its text without the closing
 * hashes, or undefined. String scanning, not a regular expression: a heading
 * of a few hundred thousand spaces made the regular expression backtrack for
 * minutes; this is linear in the line.
 */
export function parseHeading(line: string): { level: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === " ") i++;
  const start = i;
  while (line[i] === "#") i++;
  const level = i - start;
  if (level < 1 || level > 6) return undefined;
  if (i < line.length && line[i] !== " " && line[i] !== "\t") return undefined;
  let end = line.length;
  while (end > i && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  let close = end;
  while (close > i && line[close - 1] === "#") close--;
  // a closing sequence of hashes counts only after a space or tab that follows some text
  let text = close;
  while (text > i && (line[text - 1] === " " || line[text - 1] === "\t")) text--;
  if (close < end && text < close && text > i) end = text;
  return { level, text: line.slice(i, end).trim() };
}
const STATUS_LINE = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/i;

/**
 * Finds an ADR's stream-advisor blocks, status and title. Throws InputError for
 * a broken front matter (the ADR cannot be judged at all); a broken fenced block
 * is returned as a block with problems, so the ADR's other blocks still count.
 */
export function parseAdr(src: SourceText): ParsedAdr {
  const lines = splitLines(src.text);
  let bodyFrom = 0;
  let front: YamlSource | undefined;

  if (lines[0] && lines[0].text.trimEnd() === "---") {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close === -1) {
      throw new InputError([{ file: src.file, line: 1, col: 1, message: "the front matter is not closed", expected: "a line `---` after the front matter's last line" }]);
    }
    const from = lines[1]!.start;
    const to = lines[close]!.start;
    front = parseYaml({ file: src.file, text: src.text.slice(from, to) }, { startLine: 2 });
    bodyFrom = close + 1;
  }

  const fm = front && isPlainObject(front.value) ? front.value : undefined;
  const adr: ParsedAdr = { file: src.file, inactive: false, blocks: [] };
  if (front) adr.style = "madr";
  if (fm && typeof fm.title === "string" && fm.title.trim()) adr.title = fm.title.trim();

  let statusLines: string[] | undefined;
  if (fm && fm.status !== undefined && fm.status !== null) statusLines = [String(fm.status)];

  if (front && fm && Object.prototype.hasOwnProperty.call(fm, BLOCK_KEY)) {
    const key = keyNodeAt(front, [], BLOCK_KEY);
    const value = fm[BLOCK_KEY];
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((_, i) => {
        const p = positionOf(front!, nodeAt(front!, [BLOCK_KEY, i]));
        adr.blocks.push({ kind: "front-matter", src: front!, base: [BLOCK_KEY, i], ...p });
      });
    } else {
      adr.blocks.push({ kind: "front-matter", src: front, base: [BLOCK_KEY], ...positionOf(front, key) });
    }
  }

  // The Markdown body: fenced blocks, headings and status lines, outside other fences.
  const takeFenced = adr.blocks.length === 0;
  let section: { level: number; lines: string[] } | undefined;
  let statusSection: string[] | undefined;
  let statusLine: string | undefined;
  let seenSection = false;
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = lines[i]!;
    const open = FENCE_OPEN.exec(line.text);
    if (open && !(open[2]![0] === "`" && open[3]!.includes("`"))) {
      const fence = open[2]!;
      const info = open[3]!.trim().split(/\s+/);
      let close = -1;
      for (let j = i + 1; j < lines.length; j++) {
        const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!.text);
        if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) {
          close = j;
          break;
        }
      }
      const isBlock = /^ya?ml$/i.test(info[0] ?? "") && info.slice(1).includes(BLOCK_KEY);
      if (isBlock && takeFenced) {
        // the style is where the block is: MADR front matter that leaves it to a fence reads as Nygard
        adr.style = "nygard";
        adr.blocks.push(fencedBlock(src, lines, i, close));
      }
      if (section) section.lines.push("");
      i = close === -1 ? lines.length : close;
      continue;
    }
    const heading = parseHeading(line.text);
    if (heading) {
      const { level, text } = heading;
      if (section && level <= section.level) section = undefined;
      if (level > 1) seenSection = true;
      if (level === 1 && adr.title === undefined && text) adr.title = text;
      const inline = /^status\s*:\s*(.+)$/i.exec(text);
      if (inline && !statusSection) statusSection = [inline[1]!];
      else if (/^status:?$/i.test(text) && !statusSection) {
        section = { level, lines: [] };
        statusSection = section.lines;
      }
      continue;
    }
    if (section) {
      section.lines.push(line.text);
      continue;
    }
    // a `Status: accepted` line (MADR 2, log4brains) sits between the title and the first section
    if (statusLine === undefined && !seenSection) {
      const m = STATUS_LINE.exec(line.text);
      if (m) statusLine = m[1]!;
    }
  }

  statusLines ??= statusSection && statusSection.some((l) => l.trim()) ? statusSection : statusLine !== undefined ? [statusLine] : undefined;
  if (statusLines) {
    const words = statusLines.map(statusWord).filter((w): w is string => w !== undefined);
    // "Accepted" then "Superseded by [5. ...]" (adr-tools): the ADR is superseded
    const inactive = words.find((w) => (INACTIVE_STATUSES as readonly string[]).includes(w));
    if (inactive ?? words[0]) adr.status = inactive ?? words[0];
    adr.inactive = inactive !== undefined;
  }
  return adr;
}

/** The first word of a status line, lower case: "Superseded by [3. ...](...)" -> "superseded". */
export function statusWord(line: string): string | undefined {
  const m = /^[\s\-*+>_~[{(|"'`]*([A-Za-z][A-Za-z-]*)/.exec(line);
  return m ? m[1]!.toLowerCase() : undefined;
}

function fencedBlock(src: SourceText, lines: Line[], open: number, close: number): AdrBlock {
  const fenceLine = lines[open]!;
  const col = fenceLine.text.length - fenceLine.text.trimStart().length + 1;
  if (close === -1) {
    return { kind: "fenced", line: fenceLine.number, col, problems: [{ file: src.file, line: fenceLine.number, col, message: "the ```yaml stream-advisor block is not closed", expected: "a closing ``` line after the block" }] };
  }
  const first = open + 1;
  const text = first < close ? src.text.slice(lines[first]!.start, lines[close]!.start) : "";
  try {
    const yaml = parseYaml({ file: src.file, text }, { startLine: first + 1 });
    const p = isPlainObject(yaml.value) ? positionOf(yaml, yaml.doc.contents ?? undefined) : { line: fenceLine.number, col };
    return { kind: "fenced", src: yaml, base: [], ...p };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: "fenced", line: fenceLine.number, col, problems: e.diagnostics };
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
