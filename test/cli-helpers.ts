// Spawning the built CLI the way a user runs it, with colour off unless a test turns it on.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const CLI_ROOT = join(__dirname, "..");
export const CLI = join(CLI_ROOT, "dist", "advise.cjs");

export function advise(args: string[], env: Record<string, string | undefined> = {}, input?: string, cwd = CLI_ROOT) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    input,
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined, ...env },
  });
}
