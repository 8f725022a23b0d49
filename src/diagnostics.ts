// A problem in the user's input, with where it is and what was expected.
// Every user-facing error goes through this shape and one formatter.

import { visible } from "./text.js";

export interface Diagnostic {
  file: string;
  /** 1-based; absent when there is no position (a missing file) */
  line?: number;
  col?: number;
  message: string;
  /** what would have been accepted, e.g. "a duration such as 10ms" */
  expected?: string;
  /** a did-you-mean, e.g. "latency" */
  suggestion?: string;
}

/** Thrown for a user's mistake: reported without a stack trace, exit 2. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** Thrown for bad command-line usage: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A diagnostic as one line: `file:line:col: message (did you mean 'x'?); expected ...`.
 * Its parts quote user input (keys, values, file names), so control characters
 * in them are shown as escapes: the line is always one line, and inert.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.col ?? 1}` : d.file;
  let text = `${where}: ${d.message}`;
  if (d.suggestion !== undefined) text += ` (did you mean '${d.suggestion}'?)`;
  if (d.expected !== undefined) text += `; expected ${d.expected}`;
  return visible(text);
}

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

/** The same problem reported twice at the same place is shown once. */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.col}:${d.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
