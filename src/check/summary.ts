// The count line every check format ends with (or carries).
import type { CheckSummary } from "./types.js";

export function countLine(s: CheckSummary): string {
  return `${s.checked} checked, ${s.passed} passed, ${s.warned} warned, ${s.failed} failed, ${s.skipped} skipped${s.acknowledged ? `, ${s.acknowledged} acknowledged` : ""}${s.invalid ? `, ${s.invalid} invalid` : ""}${s.missing ? `, ${s.missing} ${s.missing === 1 ? "path" : "paths"} not found` : ""}${s.baselined !== undefined ? `, ${s.baselined} baselined` : ""}`;
}
