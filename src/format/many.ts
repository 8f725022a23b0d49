// Several profiles in one run: one report per profile, plus what compares
// them. JSON is one `stream-advisor/results@1` document; Markdown one page
// with a comparison table of every profile's pick, then each report; the table
// format prints the reports one after another and ends with the picks.

import type { Result } from "../engine/result.js";
import { resultJson, type ResultJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { jsonText, mdCode, mdText as esc } from "../text.js";
import type { ProblemJson } from "./problems.js";
import { formatTable } from "./table.js";
import { type FormatContext, hang, layoutWidth } from "./types.js";
import { TOOL, type Tool } from "../tool.js";

export const RESULTS_SCHEMA = "stream-advisor/results@1";

/** One profile's answer, for comparing profiles at a glance. */
export interface Pick {
  file: string;
  name?: string;
  kind: Result["recommendation"]["kind"];
  /** the recommended engine's id (null for custom and none) */
  engine: string | null;
  /** its score */
  score: number | null;
  margin: number | null;
  close: boolean;
  /** the best qualified engine after the pick */
  runnerUp: string | null;
}

export interface ResultsJson {
  schema: typeof RESULTS_SCHEMA;
  tool: Tool;
  summary: {
    /** profiles named (after expanding globs) */
    profiles: number;
    advised: number;
    /** profiles that could not be read or did not validate: their problems are in `problems` */
    invalid: number;
    invalidFiles: string[];
    picks: Pick[];
  };
  results: ResultJson[];
  problems: ProblemJson[];
}

export function pickOf(r: Result): Pick {
  const rec = r.recommendation;
  const pick = rec.engine ? r.ranking.find((e) => e.engine === rec.engine) : undefined;
  const runnerUp = pick ? r.ranking.find((e) => !e.disqualified && e.engine !== pick.engine) : undefined;
  return {
    file: r.profile.file,
    ...(r.profile.name !== undefined ? { name: r.profile.name } : {}),
    kind: rec.kind,
    engine: rec.engine,
    score: pick ? pick.score : null,
    margin: rec.margin,
    close: rec.close,
    runnerUp: runnerUp ? runnerUp.engine : null,
  };
}

export interface Many {
  results: Result[];
  problems: ProblemJson[];
  /** profiles named, valid or not */
  profiles: number;
  /** the files among them that could not be read or did not validate */
  invalid: string[];
}

export function formatManyJson(m: Many): string {
  const doc: ResultsJson = {
    schema: RESULTS_SCHEMA,
    tool: TOOL,
    summary: { profiles: m.profiles, advised: m.results.length, invalid: m.invalid.length, invalidFiles: m.invalid, picks: m.results.map(pickOf) },
    results: m.results.map(resultJson),
    problems: m.problems,
  };
  return `${jsonText(doc)}\n`;
}

function engineName(r: Result, id: string | null): string {
  return id === null ? "" : (r.ranking.find((e) => e.engine === id)?.name ?? id);
}

function answer(r: Result, p: Pick): string {
  if (p.kind === "engine") return engineName(r, p.engine);
  if (p.kind === "periodic-batch") return `scheduled batch jobs (${engineName(r, p.engine)})`;
  return p.kind === "custom" ? "custom code" : "none";
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens; a repeat gets -1, -2, ... */
export function headingSlugs(markdown: string): string[] {
  const seen = new Map<string, number>();
  const slugs: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .replace(/&[a-z]+;|&#\d+;/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    slugs.push(n === undefined ? base : `${base}-${n + 1}`);
  }
  return slugs;
}

/** A file's name without its folder and extension: what tells two reports apart on a page. */
function stem(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/, "");
}

export function formatManyMarkdown(m: Many): string {
  const head: string[] = [];
  const asOf = m.results[0]?.catalog.asOf;
  head.push(`# Streaming engine advice: ${m.profiles} profiles`);
  head.push("");
  head.push(`${m.results.length} advised${m.invalid.length ? `, ${m.invalid.length} could not be read (listed below the table)` : ""}${asOf ? `; engine catalogue as of ${asOf}` : ""}. Each profile's full report follows the comparison: follow a profile's name.`);
  head.push("");
  const reports = m.results.map((r) => formatMarkdown(r, stem(r.profile.file)).trimEnd());
  const tail: string[] = [];
  if (m.problems.length) {
    tail.push("", "### Profiles that could not be read", "");
    for (const x of m.problems) tail.push(`- ${mdCode(`${x.file ?? "(command line)"}${x.line !== null ? `:${x.line}:${x.column}` : ""}`)}: ${esc(x.message)}${x.suggestion ? ` (did you mean ${mdCode(x.suggestion)}?)` : ""}${x.expected ? `; expected ${esc(x.expected)}` : ""}`);
  }
  // the anchor of each report's title, as the page will number them (the table's own headings come first)
  const titles: string[] = [];
  {
    const page = [...head, ...tail, ...reports.map((x) => `\n${x}`)].join("\n");
    const slugs = headingSlugs(page);
    const lines = page.split("\n");
    let i = 0;
    let fenced = false;
    for (const line of lines) {
      if (line.startsWith("```")) fenced = !fenced;
      if (fenced || !/^#{1,6} /.test(line)) continue;
      if (line.startsWith("## Streaming engine advice: ")) titles.push(slugs[i]!);
      i++;
    }
  }
  const out = [...head];
  out.push("| Profile | Recommendation | Score | Margin | Runner-up |");
  out.push("|---|---|---:|---:|---|");
  let blank = false;
  m.results.forEach((r, k) => {
    const p = pickOf(r);
    // a pipe ends a table cell even inside a code span unless escaped (GFM)
    const file = mdCode(p.file).replace(/\|/g, "\\|");
    const title = `[${p.name !== undefined ? esc(p.name) : esc(p.file)}](#${titles[k]})${p.name !== undefined ? ` (${file})` : ""}`;
    const none = p.runnerUp === null;
    if (none) blank = true;
    out.push(`| ${title} | ${esc(p.close && p.kind === "periodic-batch" ? answer(r, p).replace(/\)$/, ", close)") : `${answer(r, p)}${p.close ? " (close)" : ""}`)} | ${p.score ?? "\u2014"} | ${p.margin ?? "\u2014"} | ${none ? "\u2014" : esc(engineName(r, p.runnerUp))} |`);
  });
  if (blank) out.push("", "\u2014: no engine to compare with (no qualified runner-up, or no engine picked).");
  out.push(...tail);
  for (const x of reports) out.push("", x);
  return `${out.join("\n")}\n`;
}

export function formatManyTable(m: Many, ctx: FormatContext): string {
  // nothing advised: the problems on stderr say it all, as for a single profile
  if (!m.results.length) return "";
  const { style: s } = ctx;
  const width = layoutWidth(ctx.width);
  const rule = s.dim("\u2500".repeat(width));
  const out: string[] = [];
  for (const r of m.results) out.push(formatTable(r, ctx).trimEnd(), "", rule, "");
  out.push(s.bold(`Picks  (${m.results.length} of ${m.profiles} profiles advised)`));
  const files = [...m.results.map((r) => r.profile.file), ...m.invalid];
  const w = Math.min(Math.max(0, ...files.map((f) => f.length)), Math.floor(width / 2));
  for (const r of m.results) {
    const p = pickOf(r);
    const what = answer(r, p);
    const detail = p.score !== null ? ` ${p.score}${p.margin !== null ? `, ${p.margin} ahead${p.runnerUp ? ` of ${engineName(r, p.runnerUp)}` : ""}` : ""}${p.close ? " (close)" : ""}` : "";
    out.push(`  ${p.file.padEnd(w)}  ${hang(`${what}${detail}`, width, w + 4, " ".repeat(w + 4))}`);
  }
  for (const f of m.invalid) out.push(`  ${f.padEnd(w)}  ${s.red("not advised: its problems are on standard error")}`);
  return `${out.join("\n")}\n`;
}
