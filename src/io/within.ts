// Keeping reads inside one folder: the MCP server's tools may read only below
// the folder it was started in. A path is judged by where it really leads
// (symbolic links followed), not by how it is spelled.

import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError } from "../diagnostics.js";

/** The real path of a folder, for use as a root (a folder that cannot be resolved is kept as given). */
export function realRoot(dir: string): string {
  try {
    return realpathSync(resolve(dir));
  } catch {
    return resolve(dir);
  }
}

/** Where `path` (relative to `root`) really leads: its real path, or for a path that does not exist, its nearest existing parent's plus the rest. */
export function realTarget(root: string, path: string): string {
  let abs = resolve(root, path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(abs), ...rest.reverse());
    } catch {
      const parent = dirname(abs);
      if (parent === abs) return join(abs, ...rest.reverse());
      rest.push(basename(abs));
      abs = parent;
    }
  }
}

export function isInside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The absolute path of `path` when it leads inside `root` (a real path); else an InputError naming it as `shown`. */
export function insideRoot(root: string, path: string, shown: string = path): string {
  if (path.includes("\0")) throw new InputError([{ file: shown.replace(/\0/g, "\\0"), message: "the path contains a NUL byte", expected: "a path inside the folder" }]);
  if (!isInside(root, realTarget(root, path))) {
    throw new InputError([{ file: shown, message: `is outside the folder advise works in (${root})`, expected: "a path inside that folder" }]);
  }
  return resolve(root, path);
}
