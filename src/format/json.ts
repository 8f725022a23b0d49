import type { Result } from "../engine/result.js";
import { jsonText } from "../text.js";

/** The result as stable JSON: key order is fixed by construction, so equal inputs give equal bytes. */
export function formatJson(result: Result): string {
  return `${jsonText(result)}\n`;
}
