// Paging as git does it: on a terminal, output longer than the screen goes through a pager
// ($ADVISE_PAGER, else $PAGER, else `less`), with LESS=FRX unless LESS is set (quit at once
// when it fits, keep colour, leave the text on the screen). `--no-pager`, or a pager of ""
// or `cat`, turns it off; a pipe or a file is never paged.

// The default import: the build loads child_process lazily through a Proxy (scripts/build.mjs),
// which a named import cannot see through.
import childProcess from "node:child_process";

/** The pager command for this environment, or undefined for none (the pure part, tested on its own). */
export function pagerCommand(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.ADVISE_PAGER ?? env.PAGER ?? "less";
  const command = chosen.trim();
  return command === "" || command === "cat" ? undefined : command;
}

/** Whether `text` needs more lines than the screen's `rows` (less's last line is its prompt). */
export function longerThanScreen(text: string, rows: number, columns: number): boolean {
  let lines = 0;
  for (const line of text.split("\n")) {
    // eslint-disable-next-line no-control-regex
    const shown = line.replace(/\x1b\[[0-9;]*m/g, "").length;
    lines += Math.max(1, Math.ceil(shown / Math.max(1, columns)));
    if (lines >= rows) return true;
  }
  return false;
}

/** The environment the pager runs in: LESS=FRX and LV=-c unless the user set them (as git does). */
export function pagerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LESS: env.LESS ?? "FRX", LV: env.LV ?? "-c" };
}

/**
 * Writes `text` through the pager `command` (run by the shell, as git runs $PAGER) and resolves
 * once the pager has quit. Resolves false when the pager could not run at all (127: not found),
 * so that the caller writes the text itself.
 */
export function throughPager(command: string, text: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return new Promise((resolve) => {
    // Ctrl-C belongs to the pager (less uses it to stop a search), not to us.
    const ignore = () => {};
    process.on("SIGINT", ignore);
    const done = (ok: boolean) => {
      process.off("SIGINT", ignore);
      resolve(ok);
    };
    let child;
    try {
      child = childProcess.spawn(command, { shell: true, stdio: ["pipe", "inherit", "inherit"], env: pagerEnv(env) });
    } catch {
      return done(false);
    }
    child.on("error", () => done(false));
    child.on("close", (code) => done(code !== 127));
    // the user may quit before reading everything: that is not an error
    child.stdin.on("error", () => {});
    child.stdin.end(text);
  });
}
