#!/usr/bin/env node
// Entry point of the `advise` command: runs main() and sets the exit code.
import { main } from "./main.js";

// A reader that stops early (`advise --help | head -1`) closes the pipe: that is
// not an error of ours, so end quietly instead of printing a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Exit as soon as stdout is flushed: letting Node tear the heap down costs
  // several milliseconds for nothing. (stderr writes are synchronous on POSIX;
  // on Windows, where pipes are asynchronous, let the process end by itself.)
  if (process.platform !== "win32") process.stdout.write("", () => process.exit(code));
});
