import type { Result } from "../engine/result.js";

/** The result as stable JSON: key order is fixed by construction, so equal inputs give equal bytes. */
export function formatJson(result: Result): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
