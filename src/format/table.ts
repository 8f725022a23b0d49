// The default human report: a ranked table, then each engine's reasons with sources.

import Table from "cli-table3";
import type { Result } from "../engine/result.js";
import { type FormatContext, signed, wrap, wrapLines } from "./types.js";
import { decisive, highlights, KIND_TITLES, marginLine, verdict, whyNotLines } from "./verdict.js";

export function formatTable(result: Result, ctx: FormatContext): string {
  const { style: s, width } = ctx;
  const out: string[] = [];
  const p = result.profile;
  out.push(s.bold(`${p.name ?? p.file}`) + s.dim(`  (${p.name !== undefined ? `${p.file}; ` : ""}catalogue as of ${result.catalog.asOf})`));
  out.push(`${s.dim("latency")} ${p.latency.text}  ${s.dim("throughput")} ${p.throughput.sustained.text}${p.throughput.peak ? ` (peak ${p.throughput.peak.text})` : ""}`);
  out.push("");
  const rec = result.recommendation;
  const color = rec.kind === "none" ? s.red : rec.kind === "custom" ? s.yellow : s.green;
  out.push(color(s.bold(`${KIND_TITLES[rec.kind]}:`)));
  out.push(`  ${wrap(rec.summary, width, "  ")}`);
  if (result.beyond) {
    // the command on a line of its own, so that wrapping never splits it
    const b = result.beyond;
    const text = b.summary.endsWith(`: \`${b.command}\``) ? b.summary.slice(0, -(b.command.length + 4)) : b.summary;
    out.push(`  ${wrap(`${text}:`, width, "  ")}`, `    ${b.command}`);
  }
  out.push("");

  const fixed = 4 + 16 + 7 + 22 + 6 * 2; // rank, engine, score, verdict, borders and padding
  const reasonWidth = Math.max(24, width - fixed);
  const colWidths = [4, 16, 7, 22, reasonWidth];
  // Cells are wrapped here (cli-table3's own word wrap re-measures every line many times over).
  const cell = (text: string, col: number) =>
    text
      .split("\n")
      .map((l) => wrapLines(l, colWidths[col]! - 2))
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
    const vCell = cell(v, 3);
    table.push([cell(String(r.rank), 0), cell(r.catalogFile ? `${r.name} *` : r.name, 1), String(r.score), r.disqualified ? s.red(vCell) : v.startsWith("best") ? s.green(vCell) : vCell, cell(reasons, 4)]);
  }
  out.push(table.toString());
  const userFiles = result.ranking.filter((r) => r.catalogFile);
  if (userFiles.length) out.push(s.dim(`* from a user catalogue: ${userFiles.map((r) => `${r.engine} (${r.catalogFile})`).join(", ")}`));
  const margin = marginLine(result);
  if (margin) out.push(s.dim(margin));
  const changes = highlights(result.sensitivity);
  if (changes.length) {
    out.push("");
    out.push(s.bold("What would change the answer") + s.dim("  (all changes: --format json, `sensitivity`)"));
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
  out.push(s.bold("Reasons") + s.dim("  (every engine starts at 50; each rule adds or takes the points shown; each rule is explained at docs/rules.md#<rule>)"));
  for (const r of result.ranking) {
    out.push("");
    out.push(`${s.bold(`${r.rank}. ${r.name}`)} ${s.dim(r.version)}  score ${r.score}${r.catalogFile ? s.yellow(`  facts from ${r.catalogFile}`) : ""}${r.disqualified ? s.red(`  disqualified by ${r.disqualifiedBy.join(", ")}`) : ""}`);
    for (const x of r.reasons) {
      const impact = signed(x.impact).padStart(4);
      const pr = x.priority !== "normal" ? s.dim(` [${x.priority}]`) : "";
      out.push(`  ${x.impact > 0 ? s.green(impact) : x.impact < 0 ? s.red(impact) : impact}  ${s.cyan(x.rule)}${pr}  ${wrap(x.message, width - 8, "        ")}`);
      if (x.detail) out.push(`        ${s.dim(wrap(x.detail, width - 8, "        "))}`);
      for (const e of x.evidence) out.push(`        ${s.dim(`${e.url} (${e.version})`)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
