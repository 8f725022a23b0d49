// Entry point of the `advise` command: runs main() and sets the exit code.
import { main } from "./main.js";
import { stdoutFlushed } from "./io/stdout.js";

void main(process.argv.slice(2)).then(async (code) => {
  // Build only (scripts/build.mjs): further command lines run in this same
  // process, so that the V8 code cache written at exit covers their paths too
  // (--engines extended, a cached user catalogue, the beyond line).
  const more = process.env.ADVISE_WARM_RUNS;
  if (more) for (const argv of JSON.parse(more) as string[][]) await main(argv);
  process.exitCode = code;
  // Exit as soon as stdout is flushed: letting Node tear the heap down costs
  // several milliseconds for nothing. (stderr writes are synchronous on POSIX;
  // on Windows, where pipes are asynchronous, let the process end by itself.)
  if (process.platform === "win32") return;
  await stdoutFlushed();
  process.exit(code);
});
