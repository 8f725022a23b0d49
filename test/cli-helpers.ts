// Spawning the built CLI the way a user runs it, with colour off unless a test turns it on,
// and "today" fixed (TODAY_ENV), so that no test starts failing when the catalogue grows old.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
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
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, XDG_STATE_HOME: TEST_CACHE_HOME, ...TODAY_ENV, ...env },
  });
}

const require = createRequire(import.meta.url);

/** A validator for SARIF 2.1.0 reports, from the official schema (draft-04). */
export function sarifValidator() {
  const unwrap = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
  const Ajv04 = unwrap<new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } }>(require("ajv-draft-04"));
  const addFormats = unwrap<(a: unknown) => void>(require("ajv-formats"));
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(CLI_ROOT, "test", "fixtures", "sarif-schema-2.1.0.json"), "utf8")));
}
