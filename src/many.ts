// `advise a.yaml b.yaml 'profiles/*.yaml'`: every profile in one run, against
// one catalogue. Each profile is read and scored on its own, so a bad one is
// reported (located, on stderr, and in the JSON or Markdown) without hiding
// the good ones; the run then exits 2.

import { type Diagnostic, InputError } from "./diagnostics.js";
import type { Result } from "./engine/result.js";
import { formatManyJson, formatManyMarkdown, formatManyTable, type Many } from "./format/many.js";
import { problemJson } from "./format/problems.js";
import type { FormatContext } from "./format/types.js";
import { expandGlob, isGlob } from "./io/glob.js";

export interface ManyOptions {
  format: "table" | "json" | "markdown";
  /** one profile file to its result, as `advise PROFILE` makes it (an InputError for a bad one) */
  adviseFile: (file: string) => Promise<Result>;
  context: FormatContext;
  /** the result as the formatters get it (user text made safe to show) */
  shown: (r: Result) => Result;
}

/** What the arguments name, in their order: files (patterns expanded and sorted, each file once), or a pattern that matched nothing. */
export function profileFiles(args: string[]): ({ file: string } | { problem: Diagnostic })[] {
  const out: ({ file: string } | { problem: Diagnostic })[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) (seen.add(file), out.push({ file }));
  };
  for (const a of args) {
    if (!isGlob(a)) {
      add(a);
      continue;
    }
    const matched = expandGlob(a);
    if (!matched.length) out.push({ problem: { file: a, message: "no file matches this pattern", expected: "a profile file, or a pattern such as profiles/*.yaml" } });
    matched.forEach(add);
  }
  return out;
}

export async function adviseMany(args: string[], opts: ManyOptions): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const results: Result[] = [];
  const diagnostics: Diagnostic[] = [];
  const invalid: string[] = [];
  let profiles = 0;
  for (const entry of profileFiles(args)) {
    if ("problem" in entry) {
      diagnostics.push(entry.problem);
      continue;
    }
    profiles++;
    try {
      results.push(opts.shown(await opts.adviseFile(entry.file)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      diagnostics.push(...e.diagnostics);
      invalid.push(entry.file === "-" ? "<stdin>" : entry.file);
    }
  }
  const many: Many = { results, problems: diagnostics.map(problemJson), profiles, invalid };
  const text = opts.format === "json" ? formatManyJson(many) : opts.format === "markdown" ? formatManyMarkdown(many) : formatManyTable(many, opts.context);
  return { text, diagnostics };
}
