import type { Result } from "../engine/result.js";
import { jsonText } from "../text.js";
import { TOOL, type Tool } from "../tool.js";

/** The result as printed: `tool` follows `schema`, so a pipeline knows which version wrote it. */
export type ResultJson = { schema: Result["schema"]; tool: Tool } & Omit<Result, "schema">;

export function resultJson(result: Result): ResultJson {
  const { schema, ...rest } = result;
  return { schema, tool: TOOL, ...rest };
}

/** The result as stable JSON: key order is fixed by construction, so equal inputs give equal bytes. */
export function formatJson(result: Result): string {
  return `${jsonText(resultJson(result))}\n`;
}
