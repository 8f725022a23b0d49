// A report to paste into an ADR or a docs page. Every text that is not the
// report's own Markdown (names, versions, messages: from the profile and the
// catalogue, which a user catalogue can supply) goes through mdText, so it
// renders as the plain text it is: no raw HTML, no links or emphasis.

import { maintenanceMark } from "../rules/maintenance.js";
import type { Result } from "../engine/result.js";
import { mdCode, mdText as esc, visible } from "../text.js";
import { LINKS } from "../tool.js";
import { signed } from "./types.js";
import { decisive, KIND_TITLES, marginLine, verdict, whyNotLines } from "./verdict.js";

/** A link target (catalogue sources are https URLs): percent-encode what would end the link early. */
function mdUrl(url: string): string {
  return url.replace(/[\u0000-\u0020()<>\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * A label in a Mermaid string: its strings end at the next `"` and cannot
 * escape one, a leading backtick starts Markdown, and Mermaid renders labels
 * as HTML, so no quote, backtick or angle bracket of user text reaches it.
 */
const mermaidText = (s: string) => visible(s).replace(/["`]/g, "'").replace(/</g, "(").replace(/>/g, ")").replace(/\s+/g, " ").trim();

/**
 * The qualified engines' scores as a horizontal Mermaid bar chart (`xychart-beta horizontal`,
 * Mermaid 11; GitHub and GitLab render it, other viewers show the block as text), in rank
 * order, so that no bar stands taller than one ranked above it. Disqualified engines are left
 * out (a disqualified engine can score more than a qualified one and still rank below it) and
 * named with their scores in a note beneath. No engine qualified: no chart, only the note.
 */
export function scoreChart(result: Result): string[] {
  const qualified = result.ranking.filter((r) => !r.disqualified);
  const out: string[] = [];
  if (qualified.length) {
    out.push(
      "```mermaid",
      "xychart-beta horizontal",
      '    title "Score out of 100, qualified engines (every engine starts at 50)"',
      `    x-axis [${qualified.map((r) => `"${mermaidText(r.name)}"`).join(", ")}]`,
      '    y-axis "score" 0 --> 100',
      `    bar [${qualified.map((r) => r.score).join(", ")}]`,
      "```",
    );
  }
  const out2 = result.ranking.filter((r) => r.disqualified);
  if (out2.length) {
    if (out.length) out.push("");
    out.push(`${qualified.length ? "Not in the chart, disqualified" : "No chart: every engine is disqualified"}: ${out2.map((r) => `${esc(r.name)} (${r.score}, by ${r.disqualifiedBy.join(", ")})`).join("; ")}.`);
  }
  return out;
}

/**
 * `section`: on a page of several reports, words added to every heading below the report's
 * title (the profile's file name), so that each heading, and so its anchor, is unique on the page.
 */
export function formatMarkdown(result: Result, section?: string): string {
  const of = section === undefined ? "" : ` (${esc(section)})`;
  const p = result.profile;
  const out: string[] = [];
  out.push(`## Streaming engine advice: ${esc(p.name ?? p.file)}`);
  out.push("");
  out.push(`Profile ${mdCode(p.file)} (latency ${p.latency.text}, throughput ${p.throughput.sustained.text}${p.throughput.peak ? `, peak ${p.throughput.peak.text}` : ""}); engine catalogue as of ${result.catalog.asOf}.`);
  out.push("");
  out.push(`**${KIND_TITLES[result.recommendation.kind]}.** ${esc(result.recommendation.summary)}`);
  out.push("");
  if (result.beyond) {
    const b = result.beyond;
    const text = b.summary.endsWith(`: \`${b.command}\``) ? `${esc(b.summary.slice(0, -(b.command.length + 4)))}: ${mdCode(b.command)}` : esc(b.summary);
    out.push(`**Beyond the five.** ${text}`, "");
  }
  out.push("| # | Engine | Score | Verdict | Decisive reasons |");
  out.push("|---|---|---:|---|---|");
  for (const r of result.ranking) {
    const reasons = decisive(r, 2, result).map((x) => `${signed(x.impact)} ${esc(x.message)}`).join("<br>");
    const mark = maintenanceMark(r.maintenance);
    out.push(`| ${r.rank} | ${esc(r.name)} ${esc(r.version)}${mark ? ` (${esc(mark)})` : ""}${r.catalogFile ? " (user catalogue)" : ""} | ${r.score} | ${esc(verdict(result, r))} | ${reasons} |`);
  }
  const margin = marginLine(result);
  if (margin) out.push("", margin);
  out.push("", ...scoreChart(result));
  if (result.sensitivity.length) {
    out.push("");
    out.push(`### What would change the answer${of}`);
    out.push("");
    out.push("Each line is one change to the profile, replayed through the scorer; smallest changes first.");
    out.push("");
    for (const c of result.sensitivity) out.push(`- ${esc(c.summary)} (${mdCode(c.path.join("."))}: ${esc(JSON.stringify(c.from))} → ${esc(JSON.stringify(c.to))})`);
  }
  const why = whyNotLines(result);
  if (why) {
    out.push("", `### ${esc(why.title)}`, "", esc(why.intro), "");
    for (const l of why.losses) out.push(`- ${esc(l)}`);
    if (why.changes.length) {
      out.push("", "It would be the answer:", "");
      for (const c of why.changes) out.push(`- ${esc(c)}`);
    }
  }
  out.push("");
  out.push(`### Reasons${of}`);
  out.push("");
  out.push("Every engine starts at 50; each rule adds or takes the points shown. Rule ids link to their documentation.");
  for (const r of result.ranking) {
    out.push("");
    out.push(`#### ${r.rank}. ${esc(r.name)} ${esc(r.version)}: ${r.score}${r.disqualified ? ` (disqualified by ${r.disqualifiedBy.join(", ")})` : ""}${of}`);
    if (r.catalogFile) out.push("", `Facts from the user catalogue ${mdCode(r.catalogFile)}, not the shipped one.`);
    out.push("");
    for (const x of r.reasons) {
      const links = x.evidence.map((e, i) => `[${i + 1}](${mdUrl(e.url)}) (${esc(e.version)})`).join(", ");
      const pr = x.priority !== "normal" ? ` (${x.priority})` : "";
      out.push(`- **${signed(x.impact)}** [\`${x.rule}\`](${LINKS.doc("docs/rules.md", x.rule)})${pr}: ${esc(x.message)}.${x.detail ? ` ${esc(x.detail)}` : ""} Sources: ${links}`);
    }
  }
  return `${out.join("\n")}\n`;
}
