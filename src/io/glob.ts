// Glob patterns in arguments (`advise 'profiles/*.yaml'`, `advise check
// 'services/*/docs/adr'`), for shells that do not expand them (Windows, or a
// quoted pattern): the one expander both commands use, the same on every shell.
//   *  ?        within a path segment
//   [abc] [a-z] [!abc] [^abc]   one character of a class
//   {a,b}      either alternative, within a segment
//   **         any number of folders (none included)
// Entries whose name starts with a dot match only a segment that starts with a
// dot; `**` and wildcards never enter node_modules or hidden folders (a segment
// that names them literally does); symbolic links to folders are matched but
// never entered. The tree is walked once, whatever the number of `**`: each
// folder is read at most once, with every pattern position that reaches it.
// A malformed pattern (`[z-a]`) is a UsageError.

import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "../diagnostics.js";

const MAGIC = /[*?[{]/;

/** An argument is a pattern when it has a glob character and names no file as written. */
export function isGlob(arg: string, cwd: string = process.cwd()): boolean {
  return MAGIC.test(arg) && !existsSync(resolve(cwd, arg));
}

export interface GlobOptions {
  /** the folder a relative pattern is relative to (default: the working folder) */
  cwd?: string;
  /** folders that match count as matches too (default: files only) */
  folders?: boolean;
  /** stop once more than this many matches are found */
  limit?: number;
  /** told of each folder as it is read (each is read at most once) */
  onRead?: (dir: string) => void;
}

type Segment = { kind: "any-folders" } | { kind: "literal"; name: string } | { kind: "match"; re: RegExp; dot: boolean };

/** A segment's regular expression; a malformed class is a UsageError naming the pattern. */
function segmentRegex(seg: string, pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = seg.indexOf("]", i + 2);
      if (close === -1) {
        re += "\\[";
        continue;
      }
      let body = seg.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      for (let k = 0; k + 2 < body.length; k++) {
        if (body[k + 1] === "-" && body.codePointAt(k)! > body.codePointAt(k + 2)!) {
          throw new UsageError(`the pattern '${pattern}' has the range [${body.slice(k, k + 3)}], which runs backwards; expected a range from low to high, such as [a-z]`);
        }
      }
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]^[]/g, "\\$&")}]`;
      i = close;
    } else if (c === "{") {
      const close = seg.indexOf("}", i);
      if (close === -1) {
        re += "\\{";
        continue;
      }
      const alts = seg
        .slice(i + 1, close)
        .split(",")
        .map((alt) => alt.replace(/[.+^$()|\\\][{}]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"));
      re += `(?:${alts.join("|")})`;
      i = close;
    } else re += c.replace(/[.+^$()|\\\]}]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`, "u");
  } catch {
    throw new UsageError(`the pattern '${pattern}' is not a valid glob; expected *, ?, [abc], [a-z], {a,b} and ** in a path`);
  }
}

/** Splits a pattern into the folder it starts from and the segments to match below it. */
function compile(pattern: string, cwd: string): { start: string; segments: Segment[]; prefix: string[] } {
  const parts = pattern.split(/[\\/]/);
  const absolute = isAbsolute(pattern) || pattern.startsWith("/");
  const prefix: string[] = [];
  while (parts.length > 1 && !MAGIC.test(parts[0]!)) prefix.push(parts.shift()!);
  const segments: Segment[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "**") {
      // a/**/**/b is a/**/b
      if (segments.at(-1)?.kind !== "any-folders") segments.push({ kind: "any-folders" });
    } else if (!MAGIC.test(p)) segments.push({ kind: "literal", name: p });
    else segments.push({ kind: "match", re: segmentRegex(p, pattern), dot: p.startsWith(".") });
  }
  const start = absolute ? resolve("/", ...prefix.filter((s) => s !== "")) : resolve(cwd, ...prefix);
  return { start, segments, prefix };
}

interface Entry {
  name: string;
  /** a folder (or a link to one) */
  folder: boolean;
  /** a symbolic link: matched, never entered */
  link: boolean;
}

function entries(dir: string, onRead?: (dir: string) => void): Entry[] {
  onRead?.(dir);
  try {
    return readdirSync(dir, { withFileTypes: true }).map((d) => {
      const link = d.isSymbolicLink();
      let folder = d.isDirectory();
      if (link) {
        try {
          folder = statSync(join(dir, d.name)).isDirectory();
        } catch {
          folder = false;
        }
      }
      return { name: d.name, folder, link };
    });
  } catch {
    return [];
  }
}

/** Positions reachable without reading a name: a `**` may match no folder at all. */
function closure(states: Iterable<number>, segments: Segment[]): Set<number> {
  const out = new Set<number>();
  for (let s of states) {
    out.add(s);
    while (segments[s]?.kind === "any-folders") out.add(++s);
  }
  return out;
}

function hiddenOrModules(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * The paths a pattern matches, spelled like the pattern (a relative pattern
 * gives paths relative to `cwd`, an absolute one absolute paths), with forward
 * slashes, sorted, each once.
 */
export function expandGlob(pattern: string, options: GlobOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const limit = options.limit ?? Infinity;
  const { start, segments } = compile(pattern, cwd);
  const n = segments.length;
  const found: string[] = [];
  const absolute = isAbsolute(pattern) || pattern.startsWith("/");
  const spell = (abs: string) => {
    const p = absolute ? abs : relative(cwd, abs) || ".";
    return p.split("\\").join("/");
  };
  const walk = (dir: string, states: Set<number>) => {
    if (found.length > limit) return;
    // the literal names this folder's positions ask for: looked up, not listed
    const onlyLiteral = [...states].every((s) => s === n || segments[s]!.kind === "literal");
    const list = onlyLiteral
      ? [...new Set([...states].filter((s) => s < n).map((s) => (segments[s] as { name: string }).name))].flatMap((name): Entry[] => {
          const p = join(dir, name);
          try {
            const l = lstatSync(p);
            const link = l.isSymbolicLink();
            return [{ name, link, folder: link ? statSync(p).isDirectory() : l.isDirectory() }];
          } catch {
            return [];
          }
        })
      : entries(dir, options.onRead);
    for (const e of list) {
      const next = new Set<number>();
      let matched = false;
      for (const s of states) {
        if (s === n) continue;
        const seg = segments[s]!;
        if (seg.kind === "any-folders") {
          if (hiddenOrModules(e.name)) continue;
          // a trailing ** names everything below
          if (s + 1 === n) matched = true;
          if (e.folder && !e.link) next.add(s);
          continue;
        }
        const ok = seg.kind === "literal" ? seg.name === e.name : seg.re.test(e.name) && (!e.name.startsWith(".") || seg.dot) && e.name !== "node_modules";
        if (!ok) continue;
        if (s + 1 === n) matched = true;
        next.add(s + 1);
      }
      const reach = closure(next, segments);
      const p = join(dir, e.name);
      if (matched || (reach.has(n) && e.folder && options.folders)) {
        if (e.folder ? options.folders : true) found.push(p);
      }
      if (e.folder && !e.link && [...reach].some((s) => s < n)) walk(p, reach);
    }
  };
  if (n === 0) {
    if (existsSync(start) && (options.folders || !isDir(start))) found.push(start);
  } else if (isDir(start)) walk(start, closure([0], segments));
  return [...new Set(found.map(spell))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
