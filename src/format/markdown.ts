// A report to paste into an ADR or a docs page.

import type { Result } from "../engine/result.js";
import { signed } from "./types.js";
import { decisive, KIND_TITLES, verdict } from "./verdict.js";

const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatMarkdown(result: Result): string {
  const p = result.profile;
  const out: string[] = [];
  out.push(`## Streaming engine advice: ${esc(p.name ?? p.file)}`);
  out.push("");
  out.push(`Profile \`${p.file}\` (latency ${p.latency.text}, throughput ${p.throughput.sustained.text}${p.throughput.peak ? `, peak ${p.throughput.peak.text}` : ""}); engine catalogue as of ${result.catalog.asOf}.`);
  out.push("");
  out.push(`**${KIND_TITLES[result.recommendation.kind]}.** ${result.recommendation.summary}`);
  out.push("");
  out.push("| # | Engine | Score | Verdict | Decisive reasons |");
  out.push("|---|---|---:|---|---|");
  for (const r of result.ranking) {
    const reasons = decisive(r, 2).map((x) => `${signed(x.impact)} ${esc(x.message)}`).join("<br>");
    out.push(`| ${r.rank} | ${esc(r.name)} ${esc(r.version)} | ${r.score} | ${esc(verdict(result, r))} | ${reasons} |`);
  }
  out.push("");
  out.push("### Reasons");
  out.push("");
  out.push("Every engine starts at 50; each rule adds or takes the points shown. Rule ids link to their documentation.");
  for (const r of result.ranking) {
    out.push("");
    out.push(`#### ${r.rank}. ${esc(r.name)} ${esc(r.version)}: ${r.score}${r.disqualified ? ` (disqualified by ${r.disqualifiedBy.join(", ")})` : ""}`);
    out.push("");
    for (const x of r.reasons) {
      const links = x.evidence.map((e, i) => `[${i + 1}](${e.url}) (${esc(e.version)})`).join(", ");
      const pr = x.priority !== "normal" ? ` (${x.priority})` : "";
      out.push(`- **${signed(x.impact)}** [\`${x.rule}\`](docs/rules.md#${x.rule})${pr}: ${esc(x.message)}.${x.detail ? ` ${esc(x.detail)}` : ""} Sources: ${links}`);
    }
  }
  return `${out.join("\n")}\n`;
}
