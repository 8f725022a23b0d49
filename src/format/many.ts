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

export function formatManyMarkdown(m: Many): string {
  const out: string[] = [];
  const asOf = m.results[0]?.catalog.asOf;
  out.push(`# Streaming engine advice: ${m.profiles} profiles`);
  out.push("");
  out.push(`${m.results.length} advised${m.invalid.length ? `, ${m.invalid.length} could not be read (listed below the table)` : ""}${asOf ? `; engine catalogue as of ${asOf}` : ""}. Each profile's full report follows the comparison.`);
  out.push("");
  out.push("| Profile | Recommendation | Score | Margin | Runner-up |");
  out.push("|---|---|---:|---:|---|");
  for (const r of m.results) {
    const p = pickOf(r);
    // a pipe ends a table cell even inside a code span unless escaped (GFM)
    const file = mdCode(p.file).replace(/\|/g, "\\|");
    const title = p.name !== undefined ? `${esc(p.name)} (${file})` : file;
    out.push(`| ${title} | ${esc(answer(r, p))}${p.close ? " (close)" : ""} | ${p.score ?? ""} | ${p.margin ?? ""} | ${esc(engineName(r, p.runnerUp))} |`);
  }
  if (m.problems.length) {
    out.push("", "### Profiles that could not be read", "");
    for (const x of m.problems) out.push(`- ${mdCode(`${x.file ?? "(command line)"}${x.line !== null ? `:${x.line}:${x.column}` : ""}`)}: ${esc(x.message)}${x.suggestion ? ` (did you mean ${mdCode(x.suggestion)}?)` : ""}${x.expected ? `; expected ${esc(x.expected)}` : ""}`);
  }
  for (const r of m.results) out.push("", formatMarkdown(r).trimEnd());
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
