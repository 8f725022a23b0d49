// Every limit on user input lives here, so that the README can state them
// and tests can reach them. A file past a limit gets one located error, exit 2.

export const LIMITS = {
  /** Largest profile, ADR or catalogue file read, in bytes. Real ones are a few KB. */
  maxFileBytes: 1024 * 1024,
  /** Deepest nesting of YAML collections. A profile needs 3. */
  maxDepth: 64,
  /** Most keys and list items in one YAML document (a profile has about 20, an engine descriptor about 600). */
  maxYamlEntries: 10_000,
  /** Most alias (*name) expansions in one YAML document ("billion laughs" guard). */
  maxAliasCount: 100,
  /** Most problems listed for one file before the rest are summarised. */
  maxDiagnosticsPerFile: 50,
  /** Most Markdown files `advise check` reads from the folders it is given. */
  maxAdrFiles: 100_000,
} as const;
