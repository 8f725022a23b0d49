// `advise check --format github`: GitHub Actions workflow commands.
//   ::error file=F,line=L,col=C,title=T::MESSAGE
// one per failed decision (on its `chosen:` line) and per problem, ::warning
// for a decision that passes with a warning and for an expired acknowledgement,
// ::notice for an acknowledged warning (with its until date and reason) and for
// a finding the --baseline file holds,
// ::notice / ::error without a file for the run as a whole (an old catalogue,
// too many warnings). Paths are relative to the repository root, as GitHub
// expects. GitHub shows at most 10 annotations of each kind per step, so the
// first 10 of each are annotations and every finding is listed in a Markdown
// step summary (which the command appends to $GITHUB_STEP_SUMMARY, or prints
// after the annotations when that is unset).
import { type Diagnostic, formatDiagnostic } from "../diagnostics.js";
import { mdText, noCommands, visibleDeep } from "../text.js";
import type { CheckContext } from "./context.js";
import { countLine } from "./summary.js";
import type { CheckReport } from "./types.js";

/** Annotations of one kind that GitHub shows per step. */
export const ANNOTATION_LIMIT = 10;

/** Escapes a workflow command's message (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface Finding {
  level: "error" | "warning" | "notice";
  /** absent for a finding about the whole run */
  file?: string;
  line?: number;
  col?: number;
  title: string;
  message: string;
  /** the ADR it belongs to, and what it is about, for the summary */
  adr: string;
  what: string;
  /** false: listed in the summary only (an acknowledged decision) */
  annotate?: boolean;
}

/**
 * Every finding of a report, in report order: failed and invalid decisions as
 * errors, warned ones and expired acknowledgements as warnings, acknowledged
 * and baselined ones as notices; then the run's notices.
 */
export function findings(raw: CheckReport): Finding[] {
  // control characters in ADR text are shown as escapes: an annotation is always one line
  const report = visibleDeep(raw);
  const out: Finding[] = [];
  const problem = (adr: string, d: Diagnostic, what: string) =>
    out.push({
      level: "error",
      file: d.file,
      ...(d.line !== undefined ? { line: d.line, col: d.col ?? 1 } : {}),
      title: "advise check: invalid ADR (invalid-adr)",
      message: formatDiagnostic(d),
      adr,
      what,
    });
  for (const adr of report.adrs) {
    for (const d of adr.diagnostics) problem(adr.file, d, "invalid");
    for (const d of adr.decisions) {
      if (d.outcome === "invalid") {
        for (const x of d.diagnostics) problem(adr.file, x, d.chosen !== undefined ? `invalid (chosen: ${d.chosen})` : "invalid");
      } else if (d.outcome === "failed" || d.outcome === "warned" || d.outcome === "acknowledged") {
        const failed = d.outcome === "failed";
        // a baselined finding is known and accepted for now: a notice, so it stays visible without failing anything
        const base = d.baselined ? " (baselined)" : "";
        // an acknowledged warning is a notice that says until when and why: visible, not silent
        const ack = d.outcome === "acknowledged" ? d.acknowledgements?.find((a) => a.state === "applied") : undefined;
        out.push({
          level: d.baselined ? "notice" : failed ? "error" : d.outcome === "warned" ? "warning" : "notice",
          file: adr.file,
          line: d.line,
          col: d.col,
          title: failed
            ? `advise check: decision for ${d.chosen} fails (${d.check})${base}`
            : `advise check: ${d.best?.engine ?? "another engine"} now ranks first (${d.check})${ack ? `, acknowledged until ${ack.until}` : base}`,
          message: ack ? `${d.message} Acknowledged in the ADR until ${ack.until}: ${ack.reason}` : d.message,
          adr: adr.file,
          what: `${d.outcome}${base} (chosen: ${d.chosen})`,
        });
      }
      for (const a of d.acknowledgements ?? []) {
        if (a.state !== "expired") continue;
        out.push({
          level: "warning",
          file: adr.file,
          line: a.line,
          col: a.col,
          title: "advise check: acknowledgement expired (acknowledgement-expired)",
          message: `The acknowledgement of ${a.rule} for chosen: ${d.chosen ?? "(none)"} expired on ${a.until} (${a.reason}). Review the decision, then renew the acknowledgement or remove it.`,
          adr: adr.file,
          what: `acknowledgement expired (chosen: ${d.chosen ?? "(none)"})`,
        });
      }
    }
  }
  for (const n of report.notices ?? []) {
    out.push({ level: n.level === "error" ? "error" : "notice", title: `advise check: ${n.id}`, message: n.message, adr: "", what: n.id });
  }
  return out;
}

export function formatGithub(report: CheckReport, ctx: Pick<CheckContext, "stepSummaryFile">): string {
  const all = findings(report);
  const shown = new Set<Finding>();
  for (const level of ["error", "warning", "notice"] as const) {
    const mine = all.filter((f) => f.level === level && f.annotate !== false);
    // the run's own findings (no file) are always annotated; located ones fill the rest of the 10
    const run = mine.filter((f) => f.file === undefined);
    [...run, ...mine.filter((f) => f.file !== undefined).slice(0, Math.max(0, ANNOTATION_LIMIT - run.length))].forEach((f) => shown.add(f));
  }
  const lines = dedupe(all.filter((f) => shown.has(f)).map(annotation));
  // the annotations are the only lines here that may start with `::`
  let text = lines.length ? `${lines.join("\n")}\n` : "";
  if (!ctx.stepSummaryFile) text += noCommands(githubSummary(report));
  return `${text}${countLine(report.summary)}\n`;
}

/** The same annotation twice (one broken profile shared by several ADRs) is written once. */
function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

export function annotation(f: Finding): string {
  const props: string[] = [];
  if (f.file !== undefined) props.push(`file=${escapeProperty(f.file)}`);
  if (f.line !== undefined) props.push(`line=${f.line}`, `col=${f.col ?? 1}`);
  props.push(`title=${escapeProperty(f.title)}`);
  return `::${f.level} ${props.join(",")}::${escapeData(f.message)}`;
}

/** The Markdown step summary: the count line, then every finding (annotated or not). */
export function githubSummary(report: CheckReport): string {
  const all = findings(report);
  const out = [`### advise check: ${countLine(report.summary)}`, ""];
  const counted = all.filter((f) => f.file !== undefined && f.annotate !== false);
  const hidden = (["error", "warning", "notice"] as const).reduce((n, level) => n + Math.max(0, counted.filter((f) => f.level === level).length - ANNOTATION_LIMIT), 0);
  if (hidden > 0) {
    out.push(`GitHub shows at most ${ANNOTATION_LIMIT} error and ${ANNOTATION_LIMIT} warning annotations per step; ${hidden} ${hidden === 1 ? "finding is" : "findings are"} listed only here.`, "");
  }
  for (const f of all.filter((x) => x.file === undefined)) out.push(`**${f.level === "error" ? "Error" : "Note"}:** ${cell(f.message)}`, "");
  const located = all.filter((f) => f.file !== undefined);
  if (located.length) {
    out.push("| where | verdict | why |", "|---|---|---|");
    for (const f of located) {
      const where = `${f.file}${f.line !== undefined ? `:${f.line}:${f.col ?? 1}` : ""}`;
      out.push(`| \`${code(where)}\` | ${cell(f.what)} | ${cell(f.message)} |`);
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** A code span in a Markdown table cell (entities are not decoded there; a pipe needs its backslash even inside). */
function code(s: string): string {
  return s.replace(/`/g, "'").replace(/\|/g, "\\|");
}

/** A Markdown table cell: one line (findings are visible() already), no raw HTML, no Markdown syntax from user text. */
function cell(s: string): string {
  return mdText(s);
}
