// `stream-advisor/problems@1`: with --format json, input and usage problems
// also go to standard output as one JSON document (the same text still goes
// to stderr, and the exit code is still 2), so a pipeline reading stdout gets
// JSON whether the run worked or not.
import type { Diagnostic } from "../diagnostics.js";
import { jsonText } from "../text.js";
import { TOOL, type Tool } from "../tool.js";

export const PROBLEMS_SCHEMA = "stream-advisor/problems@1";

export interface ProblemJson {
  /** the file the problem is in; null for a problem with the command line itself */
  file: string | null;
  /** 1-based; null when there is no position (a missing file, a usage problem) */
  line: number | null;
  column: number | null;
  message: string;
  /** what would have been accepted; null when nothing more can be said */
  expected: string | null;
  /** a did-you-mean, when there is one */
  suggestion?: string;
}

export interface ProblemsJson {
  schema: typeof PROBLEMS_SCHEMA;
  tool: Tool;
  problems: ProblemJson[];
}

export function problemJson(d: Diagnostic): ProblemJson {
  return {
    file: d.file,
    line: d.line ?? null,
    column: d.line !== undefined ? (d.col ?? 1) : null,
    message: d.message,
    expected: d.expected ?? null,
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  };
}

export function usageProblem(message: string): ProblemJson {
  return { file: null, line: null, column: null, message, expected: null };
}

export function formatProblems(problems: ProblemJson[]): string {
  const doc: ProblemsJson = { schema: PROBLEMS_SCHEMA, tool: TOOL, problems };
  return `${jsonText(doc)}\n`;
}
