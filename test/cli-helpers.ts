// Spawning the built CLI the way a user runs it, with colour off unless a test turns it on,
// and "today" fixed (TODAY_ENV), so that no test starts failing when the catalogue grows old.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CLI_ROOT = join(__dirname, "..");
export const CLI = join(CLI_ROOT, "dist", "advise.cjs");

/** Today for the CLI under test: 2026-12-01, through ADVISE_NOW (SOURCE_DATE_EPOCH would also put a timestamp in JUnit reports). */
export const TODAY_ENV = { ADVISE_NOW: "2026-12-01T00:00:00Z", SOURCE_DATE_EPOCH: undefined } as const;
/** A cache folder of the test run's own, so that user-catalogue caching never touches the real ~/.cache. */
export const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), "advise-test-cache-"));

export function advise(args: string[], env: Record<string, string | undefined> = {}, input?: string, cwd = CLI_ROOT) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    input,
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, ...TODAY_ENV, ...env },
  });
}
