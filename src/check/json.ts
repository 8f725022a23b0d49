// `advise check --format json`: the report as it is (docs/check.md,
// `stream-advisor/check@1`). Deterministic: the same ADRs, profiles and
// catalogue give byte-identical output.
import type { CheckContext } from "./context.js";
import { jsonText } from "../text.js";
import type { CheckReport } from "./types.js";

export function formatJson(report: CheckReport, _ctx?: CheckContext): string {
  return `${jsonText(report)}\n`;
}
