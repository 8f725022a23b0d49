// The human summary of `advise check`: one verdict per decision with the
// deciding rules, the user's values and the sources, then the count line and
// any notices (an old catalogue, too many warnings).
import { type Diagnostic, formatDiagnostic } from "../diagnostics.js";
import { wrap } from "../format/types.js";
import { visibleDeep } from "../text.js";
import type { CheckContext } from "./context.js";
import { lossText } from "./judge.js";
import { countLine } from "./summary.js";
import type { AdrReport, CheckReport, DecisionReport } from "./types.js";

const TAG = { passed: "PASS ", acknowledged: "ACK  ", warned: "WARN ", failed: "FAIL ", invalid: "ERROR", skipped: "SKIP " } as const;
const INDENT = "      ";

export function formatHuman(raw: CheckReport, ctx: CheckContext): string {
  // ADR and profile text (file names, `chosen:`, values) is shown, never obeyed
  const report = visibleDeep(raw);
  const s = ctx.style;
  const paint = { passed: s.green, acknowledged: s.cyan, warned: s.yellow, failed: s.red, invalid: (x: string) => s.bold(s.red(x)), skipped: s.dim } as const;
  const out: string[] = [];
  const para = (text: string, indent = INDENT, rest = indent, wrapped = true) => out.push(indent + (wrapped ? wrap(text, ctx.width, rest) : text));
  // a problem shared by several decisions (one broken profile file) is printed in full once
  const printed = new Set<string>();
  const problem = (d: Diagnostic) => {
    const text = formatDiagnostic(d);
    if (printed.has(text)) para(formatDiagnostic({ file: d.file, ...(d.line !== undefined ? { line: d.line, col: d.col ?? 1 } : {}), message: "the same problem as above" }));
    else para(text);
    printed.add(text);
  };

  for (const adr of report.adrs) {
    if (adr.outcome === "skipped") {
      out.push(`${paint.skipped(TAG.skipped)} ${adr.file}  ${s.dim(skipText(adr))}`);
      continue;
    }
    if (adr.decisions.length === 0) {
      out.push(`${paint.invalid(TAG.invalid)} ${adr.file}`);
      for (const d of adr.diagnostics) problem(d);
      continue;
    }
    for (const d of adr.decisions) {
      out.push(`${paint[d.outcome](TAG[d.outcome])} ${adr.file}:${d.line}:${d.col}${d.chosen !== undefined ? `  chosen: ${d.chosen}` : ""}${d.baselined ? "  (baselined)" : ""}`);
      decision(adr, d, para, problem);
    }
  }
  if (report.adrs.length) out.push("");
  out.push(s.bold(countLine(report.summary)));
  for (const n of report.notices ?? []) out.push(`${n.level === "error" ? s.red("error:") : s.dim("note:")} ${n.message}`);
  return `${out.join("\n")}\n`;
}

type Para = (text: string, indent?: string, rest?: string, wrapped?: boolean) => void;

function decision(adr: AdrReport, d: DecisionReport, para: Para, problem: (d: Diagnostic) => void): void {
  if (d.outcome === "invalid") {
    for (const x of d.diagnostics) problem(x);
    return;
  }
  para(d.headline);
  const applied = d.acknowledgements?.find((a) => a.state === "applied");
  if (applied) {
    para(`acknowledged until ${applied.until} at ${adr.file}:${applied.line}:${applied.col}: ${applied.reason}`);
    return;
  }
  for (const r of d.deciding) {
    const loss = r.bestImpact !== undefined && d.best ? ` (${lossText(r, d.best)})` : "";
    const more = `${INDENT}  `;
    para(`- ${r.rule}${loss}: ${r.message}`, INDENT, more);
    para(`your ${r.requirement}: ${r.value} (${r.priority})${r.at ? ` at ${r.at.file}:${r.at.line}:${r.at.col}` : ""}`, more);
    const src = r.evidence[0];
    // a URL is never wrapped
    if (src) para(`source: ${src.url}${src.version ? ` (${src.version})` : ""}`, more, undefined, false);
  }
  for (const a of d.acknowledgements ?? []) {
    if (a.state === "expired") para(`acknowledgement expired: ${adr.file}:${a.line}:${a.col}: ${a.rule} was acknowledged until ${a.until} (${a.reason}); renew it or remove it`);
  }
}

function skipText(adr: AdrReport): string {
  return adr.skipReason === "inactive-status" ? `status: ${adr.status ?? "inactive"}` : "no stream-advisor block";
}
