#!/usr/bin/env node
// Entry point of the `advise` command: runs main() and sets the exit code.
import { main } from "./main.js";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Exit as soon as the output is flushed: letting Node tear the heap down
  // costs several milliseconds for nothing.
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
});
