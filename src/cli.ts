// Entry point of the `advise` command: runs main() and sets the exit code.
import { main } from "./main.js";
import { stdoutFlushed } from "./io/stdout.js";

void main(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  // Exit as soon as stdout is flushed: letting Node tear the heap down costs
  // several milliseconds for nothing. (stderr writes are synchronous on POSIX;
  // on Windows, where pipes are asynchronous, let the process end by itself.)
  if (process.platform === "win32") return;
  await stdoutFlushed();
  process.exit(code);
});
