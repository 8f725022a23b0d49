// The default human report: the recommendation, a ranked table and what would
// change the answer, then (unless left out: a terminal shows them only with
// --reasons) each engine's reasons with sources. Everything fits `ctx.width`,
// held to 60..100 columns: the table narrows its columns, and below the
// narrowest boxed table it stacks each engine's row.

import Table from "cli-table3";
import { maintenanceMark } from "../rules/maintenance.js";
import type { RankedEngine, Result } from "../engine/result.js";
import { LINKS } from "../tool.js";
import { type FormatContext, hang, layoutWidth, type Style, signed, wrap, wrapLines } from "./types.js";
import { decisive, highlights, KIND_TITLES, marginLine, verdict, whyNotLines } from "./verdict.js";

const RANK = 4;
const SCORE = 7;
const VERDICT = 22;
const VERDICT_MIN = 14;
const REASONS_MIN = 24;
const REASONS_WANTED = 30;
const BORDERS = 6;

/** Column widths (padding included) for a boxed table `width` columns wide, or undefined when it would not fit: stack the rows instead. */
export function columnWidths(names: string[], verdicts: string[], width: number): number[] | undefined {
  const engine = Math.max(8, Math.min(18, Math.max(...names.map((n) => n.length)) + 2));
  // a verdict wraps at its spaces, never inside a rule id
  const longestWord = Math.max(...verdicts.flatMap((v) => v.split(" ").map((w) => w.length)));
  const verdictMin = Math.min(VERDICT, Math.max(VERDICT_MIN, longestWord + 2));
  let verdictWidth = VERDICT;
  let reasons = width - BORDERS - RANK - SCORE - engine - verdictWidth;
  if (reasons < REASONS_WANTED) {
    // the reasons column needs the room more than the verdict, which wraps well
    const give = Math.min(verdictWidth - verdictMin, REASONS_WANTED - reasons);
    verdictWidth -= give;
    reasons += give;
  }
  return reasons < REASONS_MIN ? undefined : [RANK, engine, SCORE, verdictWidth, reasons];
}

/** Cuts any line still longer than `max` (one word wider than its column, such as a long licence id) so that cli-table3 never truncates it. */
function breakLong(lines: string, max: number): string {
  if (lines.length <= max) return lines;
  return lines
    .split("\n")
    .flatMap((l) => (l.length <= max ? [l] : (l.match(new RegExp(`.{1,${max}}`, "g")) ?? [l])))
    .join("\n");
}

function displayName(r: RankedEngine): string {
  const mark = maintenanceMark(r.maintenance);
  const name = mark ? `${r.name} (${mark})` : r.name;
  return r.catalogFile ? `${name} *` : name;
}

function verdictStyle(s: Style, r: RankedEngine, v: string): (t: string) => string {
  return r.disqualified ? s.red : v.startsWith("best") ? s.green : (t) => t;
}

function boxed(result: Result, s: Style, colWidths: number[]): string {
  // Cells are wrapped here (cli-table3's own word wrap re-measures every line many times over).
  const cell = (text: string, col: number) =>
    text
      .split("\n")
      .map((l) => breakLong(wrapLines(l, colWidths[col]! - 2), colWidths[col]! - 2))
      .join("\n");
  const table = new Table({
    head: ["#", "Engine", "Score", "Verdict", "Decisive reasons"],
    colWidths,
    wordWrap: false,
    style: { head: [], border: [], compact: false, "padding-left": 1, "padding-right": 1 },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const r of result.ranking) {
    const v = verdict(result, r);
    const reasons = decisive(r, 2, result).map((x) => `${signed(x.impact)} ${x.message}`).join("\n");
    table.push([cell(String(r.rank), 0), cell(displayName(r), 1), String(r.score), verdictStyle(s, r, v)(cell(v, 3)), cell(reasons, 4)]);
  }
  return table.toString();
}

/** One block per engine: rank, name, score and verdict, then its decisive reasons indented beneath. */
function stacked(result: Result, s: Style, width: number): string {
  const out: string[] = [];
  const rankWidth = String(result.ranking.length).length + 1;
  for (const r of result.ranking) {
    const v = verdict(result, r);
    const head = `${`${r.rank}.`.padStart(rankWidth)} `;
    const indent = " ".repeat(head.length);
    const name = `${displayName(r)}  score ${r.score}`;
    const paint = verdictStyle(s, r, v);
    if (head.length + name.length + 2 + v.length <= width) out.push(`${head}${s.bold(name)}  ${paint(v)}`);
    else out.push(`${head}${s.bold(name)}`, `${indent}${paint(wrap(v, width, indent))}`);
    for (const x of decisive(r, 2, result)) {
      const impact = `${signed(x.impact)} `;
      out.push(`${indent}${impact}${hang(x.message, width, indent.length + impact.length, indent + " ".repeat(impact.length))}`);
    }
  }
  return out.join("\n");
}

/** One line per engine (rank, name, score, verdict): the ranking when the full table would not fit the screen's height. */
function compact(result: Result, s: Style, width: number): string {
  const rankWidth = String(result.ranking.length).length + 1;
  const nameWidth = Math.max(...result.ranking.map((r) => displayName(r).length));
  return result.ranking
    .map((r) => {
      const v = verdict(result, r);
      const name = displayName(r);
      const rest = `${" ".repeat(nameWidth - name.length)}  ${String(r.score).padStart(3)}  `;
      const lead = `${`${r.rank}.`.padStart(rankWidth)} `;
      const indent = lead.length + nameWidth + rest.length - (nameWidth - name.length);
      return `${lead}${s.bold(name)}${rest}${verdictStyle(s, r, v)(hang(v, width, indent, " ".repeat(indent)))}`;
    })
    .join("\n");
}

export function formatTable(result: Result, ctx: FormatContext): string {
  const full = formatReport(result, ctx, "full");
  if (ctx.height === undefined || ctx.reasons !== false || lineCount(full) < ctx.height) return full;
  // Too tall for the screen, which would scroll the answer away: one line per engine, and
  // then, if still too tall, "What would change the answer" only as a pointer.
  const short = formatReport(result, ctx, "compact");
  return lineCount(short) < ctx.height ? short : formatReport(result, ctx, "shortest");
}

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

function formatReport(result: Result, ctx: FormatContext, form: "full" | "compact" | "shortest"): string {
  const { style: s } = ctx;
  const width = layoutWidth(ctx.width);
  const out: string[] = [];
  const p = result.profile;
  const title = `${p.name ?? p.file}`;
  const where = `(${p.name !== undefined ? `${p.file}; ` : ""}catalogue as of ${result.catalog.asOf})`;
  if (title.length + 2 + where.length <= width) out.push(s.bold(title) + s.dim(`  ${where}`));
  else out.push(s.bold(title), s.dim(`  ${wrap(where, width - 2, "  ")}`));
  out.push(`${s.dim("latency")} ${p.latency.text}  ${s.dim("throughput")} ${p.throughput.sustained.text}${p.throughput.peak ? ` (peak ${p.throughput.peak.text})` : ""}`);
  out.push("");
  const rec = result.recommendation;
  const color = rec.kind === "none" ? s.red : rec.kind === "custom" ? s.yellow : s.green;
  // "Recommendation:" above its summary; "Recommendation: none" needs no second colon
  out.push(color(s.bold(rec.kind === "engine" ? `${KIND_TITLES[rec.kind]}:` : KIND_TITLES[rec.kind])));
  out.push(`  ${wrap(rec.summary, width, "  ")}`);
  if (result.beyond) {
    // the command on a line of its own, so that wrapping never splits it
    const b = result.beyond;
    const text = b.summary.endsWith(`: \`${b.command}\``) ? b.summary.slice(0, -(b.command.length + 4)) : b.summary;
    out.push(`  ${wrap(`${text}:`, width, "  ")}`, `    ${b.command}`);
  }
  out.push("");

  const colWidths = columnWidths(result.ranking.map(displayName), result.ranking.map((r) => verdict(result, r)), width);
  out.push(form !== "full" ? compact(result, s, width) : colWidths ? boxed(result, s, colWidths) : stacked(result, s, width));
  const userFiles = result.ranking.filter((r) => r.catalogFile);
  if (userFiles.length) out.push(s.dim(wrap(`* from a user catalogue: ${userFiles.map((r) => `${r.engine} (${r.catalogFile})`).join(", ")}`, width, "  ")));
  const margin = form === "shortest" ? undefined : marginLine(result);
  if (margin) out.push(s.dim(wrap(margin, width, "  ")));
  const changes = highlights(result.sensitivity);
  if (changes.length && form !== "shortest") {
    out.push("");
    const title = "What would change the answer";
    const hint = "(all changes: --format json, field sensitivity)";
    out.push(title.length + 2 + hint.length <= width ? s.bold(title) + s.dim(`  ${hint}`) : `${s.bold(title)}\n${s.dim(`  ${hint}`)}`);
    for (const c of changes) out.push(`  - ${wrap(c.summary, width - 4, "    ")}`);
  }
  const why = whyNotLines(result);
  if (why) {
    out.push("");
    out.push(s.bold(why.title));
    out.push(`  ${wrap(why.intro, width - 2, "  ")}`);
    for (const l of why.losses) out.push(`  - ${wrap(l, width - 4, "    ")}`);
    if (why.changes.length) {
      out.push("  It would be the answer:");
      for (const c of why.changes) out.push(`  - ${wrap(c, width - 4, "    ")}`);
    }
  }
  out.push("");
  if (ctx.reasons === false) {
    const more = {
      full: "Every engine's reasons, each with its sources: add --reasons (or use --format markdown).",
      compact: "Shortened to fit the screen. Every engine's reasons, each with its sources: add --reasons (a pager or a taller screen shows them all).",
      shortest: "Shortened to fit the screen; what would change the answer and every reason: --reasons.",
    }[form];
    out.push(s.dim(wrap(more, width, "")));
    return `${out.join("\n")}\n`;
  }
  const about = `(every engine starts at 50; each rule adds or takes the points shown; each rule is explained at ${LINKS.doc("docs/rules.md")}#<rule>)`;
  out.push(s.bold("Reasons") + s.dim(`  ${hang(about, width, "Reasons  ".length, "  ")}`));
  for (const r of result.ranking) {
    out.push("");
    const head = `${s.bold(`${r.rank}. ${r.name}`)} ${s.dim(r.version)}  score ${r.score}`;
    const notes: [string, (t: string) => string][] = [];
    if (r.catalogFile) notes.push([`facts from ${r.catalogFile}`, s.yellow]);
    if (r.disqualified) notes.push([`disqualified by ${r.disqualifiedBy.join(", ")}`, s.red]);
    const plain = `${r.rank}. ${r.name} ${r.version}  score ${r.score}${notes.map(([t]) => `  ${t}`).join("")}`;
    // one line when it fits (as it always did); else each note on a line of its own beneath
    if (plain.length <= width) out.push(`${head}${notes.map(([t, paint]) => paint(`  ${t}`)).join("")}`);
    else out.push(head, ...notes.map(([t, paint]) => `   ${paint(wrap(t, width, "     "))}`));
    for (const x of r.reasons) {
      const impact = signed(x.impact).padStart(4);
      const pr = x.priority !== "normal" ? ` [${x.priority}]` : "";
      const lead = `  ${impact}  ${x.rule}${pr}  `;
      out.push(`  ${x.impact > 0 ? s.green(impact) : x.impact < 0 ? s.red(impact) : impact}  ${s.cyan(x.rule)}${pr ? s.dim(pr) : ""}  ${hang(x.message, width, lead.length, "        ")}`);
      if (x.detail) out.push(`        ${s.dim(wrap(x.detail, width - 8, "        "))}`);
      for (const e of x.evidence) out.push(`        ${s.dim(`${e.url} (${e.version})`)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
