// Formatters by name; each loads only what it needs.
import type { Result } from "../engine/result.js";
import type { FormatContext } from "./types.js";

export const FORMATS = ["table", "json", "markdown"] as const;
export type FormatName = (typeof FORMATS)[number];

export async function render(name: FormatName, result: Result, ctx: FormatContext): Promise<string> {
  switch (name) {
    case "json":
      return (await import("./json.js")).formatJson(result);
    case "markdown":
      return (await import("./markdown.js")).formatMarkdown(result);
    case "table":
      return (await import("./table.js")).formatTable(result, ctx);
  }
}
