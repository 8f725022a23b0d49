// What check formatters are given besides the report. Formatters are pure:
// (report, ctx) => string; everything that varies between runs comes in here.
import type { Style } from "../format/types.js";

export interface CheckContext {
  style: Style;
  /** columns available; the human format wraps to it */
  width: number;
  /** the tool's version (SARIF tool.driver) */
  version: string;
  /** YYYY-MM-DDTHH:MM:SS in UTC, from SOURCE_DATE_EPOCH (JUnit testsuite timestamp); absent: no wall-clock time in reports */
  timestamp?: string;
  /** the machine's name (JUnit testsuite hostname) */
  hostname: string;
  /** github: the step summary goes to $GITHUB_STEP_SUMMARY, so stdout carries only annotations and the count line */
  stepSummaryFile: boolean;
}

export const CHECK_FORMATS = ["human", "json", "github", "sarif", "junit"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
