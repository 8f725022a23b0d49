import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every CLI a test spawns caches user catalogues here, never in the real ~/.cache.
const cacheHome = mkdtempSync(join(tmpdir(), "advise-vitest-cache-"));

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    // ADVISE_PAGER=cat: a CLI a test runs on a pseudo-terminal never waits in a pager for a key
    // (test/pager.test.ts sets the pager it tests itself).
    env: { XDG_CACHE_HOME: cacheHome, ADVISE_PAGER: "cat" },
    // Every run also writes machine-readable results, from which .ci/run prints its count line:
    // written only under CI, .ci/run reported a failure on a machine where every test passed.
    reporters: ["default", ["json", { outputFile: ".ci/test-results.json" }]],
  },
});
