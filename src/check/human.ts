// The human summary of `advise check`: one verdict per decision with the
// deciding rules, the user's values and the sources, then the count line.
import { formatDiagnostic } from "../diagnostics.js";
import { wrap } from "../format/types.js";
import { visibleDeep } from "../text.js";
import type { CheckContext } from "./context.js";
import { lossText } from "./judge.js";
import { countLine } from "./summary.js";
import type { AdrReport, CheckReport, DecisionReport } from "./types.js";

const TAG = { passed: "PASS ", warned: "WARN ", failed: "FAIL ", invalid: "ERROR", skipped: "SKIP " } as const;
const INDENT = "      ";

export function formatHuman(raw: CheckReport, ctx: CheckContext): string {
  // ADR and profile text (file names, `chosen:`, values) is shown, never obeyed
  const report = visibleDeep(raw);
  const s = ctx.style;
  const paint = { passed: s.green, warned: s.yellow, failed: s.red, invalid: (x: string) => s.bold(s.red(x)), skipped: s.dim } as const;
  const out: string[] = [];
  const para = (text: string, indent = INDENT, rest = indent, wrapped = true) => out.push(indent + (wrapped ? wrap(text, ctx.width, rest) : text));

  for (const adr of report.adrs) {
    if (adr.outcome === "skipped") {
      out.push(`${paint.skipped(TAG.skipped)} ${adr.file}  ${s.dim(skipText(adr))}`);
      continue;
    }
    if (adr.decisions.length === 0) {
      out.push(`${paint.invalid(TAG.invalid)} ${adr.file}`);
      for (const d of adr.diagnostics) para(formatDiagnostic(d));
      continue;
    }
    for (const d of adr.decisions) {
      out.push(`${paint[d.outcome](TAG[d.outcome])} ${adr.file}:${d.line}:${d.col}${d.chosen !== undefined ? `  chosen: ${d.chosen}` : ""}`);
      decision(d, para);
    }
  }
  if (report.adrs.length) out.push("");
  out.push(s.bold(countLine(report.summary)));
  return `${out.join("\n")}\n`;
}

type Para = (text: string, indent?: string, rest?: string, wrapped?: boolean) => void;

function decision(d: DecisionReport, para: Para): void {
  if (d.outcome === "invalid") {
    for (const x of d.diagnostics) para(formatDiagnostic(x));
    return;
  }
  para(d.headline);
  for (const r of d.deciding) {
    const loss = r.bestImpact !== undefined && d.best ? ` (${lossText(r, d.best)})` : "";
    const more = `${INDENT}  `;
    para(`- ${r.rule}${loss}: ${r.message}`, INDENT, more);
    para(`your ${r.requirement}: ${r.value} (${r.priority})${r.at ? ` at ${r.at.file}:${r.at.line}:${r.at.col}` : ""}`, more);
    const src = r.evidence[0];
    // a URL is never wrapped
    if (src) para(`source: ${src.url}${src.version ? ` (${src.version})` : ""}`, more, undefined, false);
  }
}

function skipText(adr: AdrReport): string {
  return adr.skipReason === "inactive-status" ? `status: ${adr.status ?? "inactive"}` : "no stream-advisor block";
}
