// Profile arguments that are glob patterns (`advise 'profiles/*.yaml'`), for
// shells that do not expand them (Windows, or a quoted pattern): `*`, `?`,
// `[abc]`/`[!abc]` within a path segment and `**` across folders. Hidden
// entries match only a segment that starts with a dot; symbolic links to
// folders are not followed by `**`.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const MAGIC = /[*?[]/;

/** An argument is a pattern when it has a glob character and names no file as written. */
export function isGlob(arg: string): boolean {
  return MAGIC.test(arg) && !existsSync(arg);
}

function segmentRegex(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end === -1) re += "\\[";
      else {
        let body = segment.slice(i + 1, end);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        re += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

function entries(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir === "" ? "." : dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
  } catch {
    return [];
  }
}

/** The files a pattern matches, as paths spelled like the pattern (relative stays relative), sorted. */
export function expandGlob(pattern: string): string[] {
  const normal = pattern.split("\\").join("/");
  const absolute = normal.startsWith("/");
  const segments = normal.split("/").filter((s, i) => s !== "" || (i === 0 && absolute));
  const found = new Set<string>();
  const walk = (base: string, i: number) => {
    if (i === segments.length) return;
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === "" && i === 0) return walk("/", 1);
    if (seg === "**") {
      walk(base, i + 1); // zero folders
      for (const e of entries(base)) if (e.dir && !e.name.startsWith(".")) walk(base ? join(base, e.name) : e.name, i);
      return;
    }
    if (!MAGIC.test(seg)) {
      const next = base ? join(base, seg) : seg;
      if (last) {
        if (existsSync(next)) found.add(next);
      } else walk(next, i + 1);
      return;
    }
    const re = segmentRegex(seg);
    for (const e of entries(base)) {
      if (e.name.startsWith(".") && !seg.startsWith(".")) continue;
      if (!re.test(e.name)) continue;
      const next = base ? join(base, e.name) : e.name;
      if (last) {
        if (!e.dir) found.add(next);
      } else if (e.dir) walk(next, i + 1);
    }
  };
  walk("", 0);
  return [...found].map((p) => p.split("\\").join("/")).sort();
}
