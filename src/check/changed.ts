// `advise check --changed-since REF`: the files that differ from a git ref (a
// pull request's base), so that a run checks only the ADRs changed since then
// and the ADRs whose profiles changed. Compared from the merge base of REF and
// HEAD (what a pull request changes, not what its base gained since), against
// the working tree, with new files git does not ignore.

// the default import: the build loads child_process lazily through a Proxy (scripts/build.mjs), which named imports bypass
import childProcess from "node:child_process";
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../diagnostics.js";
import { visible } from "../text.js";

function git(args: string[], cwd: string): string {
  return childProcess.execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The absolute real paths of the files changed since `ref`; a ref git does not know is a UsageError. */
export function changedSince(ref: string, cwd: string): Set<string> {
  if (ref === "" || ref.startsWith("-")) throw new UsageError(`--changed-since: '${visible(ref)}' is not a git ref; expected a branch, tag or commit, such as origin/main`);
  let top: string;
  try {
    top = git(["rev-parse", "--show-toplevel"], cwd).trim();
  } catch {
    throw new UsageError("--changed-since needs a git repository: this folder is not in one (or git is not installed)");
  }
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--changed-since: git knows no commit '${visible(ref)}' (in a shallow clone, fetch it first, e.g. git fetch --depth=1 origin ${visible(ref)}); expected a branch, tag or commit`);
  }
  let from = ref;
  try {
    from = git(["merge-base", ref, "HEAD"], cwd).trim() || ref;
  } catch {
    // no common history (or a shallow clone): compare with the ref itself
  }
  const names = [
    ...git(["diff", "--name-only", "-z", "--no-renames", from, "--"], cwd).split("\0"),
    ...git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"),
  ].filter(Boolean);
  return new Set(names.map((n) => real(resolve(top, n))));
}
