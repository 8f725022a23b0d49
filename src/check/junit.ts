// `advise check --format junit`: JUnit XML for CI test reports. One testsuite
// per ADR, one testcase per decision: a failed decision is a <failure>, an ADR
// or decision that cannot be judged an <error>, a skipped ADR a <skipped>;
// every verdict's text goes to the suite's <system-out> (PASS, WARN, ACK), and
// each decision's outcome is a suite property (`decision L:C`), so a warned
// decision is told apart from a pass. <testsuites> carries the aggregate
// counts. Deterministic: no wall-clock time (a timestamp only from
// SOURCE_DATE_EPOCH), paths from the repository root.
// The shape fits the Jenkins xUnit junit-10 schema, and the Apache Ant schema
// (strict: properties, system-out and system-err present, hostname, id,
// package) but for the two things that schema of 2011 has no room for: the
// counts on <testsuites>, and a suite without a timestamp.
// test/check-formats.test.ts validates it against both.
import { formatDiagnostic } from "../diagnostics.js";
import { visibleDeep } from "../text.js";
import type { CheckContext } from "./context.js";
import type { AdrReport, CheckReport, DecisionReport } from "./types.js";

/** Text XML 1.0 cannot hold even as a character reference (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

interface Case {
  name: string;
  /** the one child element, if any */
  child?: { tag: "failure" | "error" | "skipped"; message: string; type?: string; text?: string };
}

export function formatJunit(raw: CheckReport, ctx: Pick<CheckContext, "timestamp" | "hostname">): string {
  // ADR text is shown with its control characters as escapes (`\x1b`, `\n`), in the XML as on a terminal
  const report = visibleDeep(raw);
  const suites = report.adrs.map((adr) => ({ adr, cases: casesOf(adr) }));
  const all = suites.flatMap((s) => s.cases);
  const total = (tag: string) => all.filter((c) => c.child?.tag === tag).length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="advise check" tests="${all.length}" failures="${total("failure")}" errors="${total("error")}" time="0">`];
  const timestamp = ctx.timestamp ? ` timestamp="${xmlAttr(ctx.timestamp)}"` : "";
  suites.forEach(({ adr, cases }, id) => {
    const n = (tag: string) => cases.filter((c) => c.child?.tag === tag).length;
    const dir = adr.file.includes("/") ? adr.file.slice(0, adr.file.lastIndexOf("/")) : ".";
    out.push(
      `  <testsuite name="${xmlAttr(adr.file)}" package="${xmlAttr(dir)}" id="${id}"${timestamp} hostname="${xmlAttr(ctx.hostname || "localhost")}" tests="${cases.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}" time="0">`,
    );
    out.push("    <properties>");
    const props: [string, string | undefined][] = [
      ["file", adr.file],
      ["title", adr.title],
      ["status", adr.status],
      ["style", adr.style],
      ["outcome", adr.outcome],
      // each decision's outcome: a warned or acknowledged decision passes, and says so here
      ...adr.decisions.map((d): [string, string] => [`decision ${d.line}:${d.col}`, `${d.outcome} (${d.check})`]),
    ];
    for (const [k, v] of props) if (v !== undefined) out.push(`      <property name="${k}" value="${xmlAttr(v)}"/>`);
    out.push("    </properties>");
    for (const c of cases) {
      const open = `    <testcase name="${xmlAttr(c.name)}" classname="${xmlAttr(adr.file)}" time="0"`;
      if (!c.child) {
        out.push(`${open}/>`);
        continue;
      }
      const { tag, message, type, text } = c.child;
      const attrs = `message="${xmlAttr(message)}"${type ? ` type="${xmlAttr(type)}"` : ""}`;
      out.push(`${open}>`, text ? `      <${tag} ${attrs}>${xmlText(text)}</${tag}>` : `      <${tag} ${attrs}/>`, "    </testcase>");
    }
    const log = systemOut(adr);
    out.push(log ? `    <system-out>${xmlText(log)}</system-out>` : "    <system-out/>", "    <system-err/>", "  </testsuite>");
  });
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

function caseName(d: DecisionReport): string {
  return `chosen: ${d.chosen ?? "(none)"} (line ${d.line})`;
}

function casesOf(adr: AdrReport): Case[] {
  if (adr.outcome === "skipped") {
    const why = adr.skipReason === "inactive-status" ? `status is ${adr.status ?? "inactive"}` : "no stream-advisor block";
    return [{ name: "decision", child: { tag: "skipped", message: why } }];
  }
  if (adr.decisions.length === 0) {
    const text = adr.diagnostics.map(formatDiagnostic).join("\n");
    return [{ name: "read ADR", child: { tag: "error", message: adr.diagnostics[0] ? formatDiagnostic(adr.diagnostics[0]) : "cannot be read", type: "invalid-adr", text } }];
  }
  return adr.decisions.map((d): Case => {
    if (d.outcome === "invalid") {
      return { name: caseName(d), child: { tag: "error", message: d.headline, type: d.check, text: d.diagnostics.map(formatDiagnostic).join("\n") } };
    }
    // a failure the --baseline holds does not fail the run: a skipped case that says so, not a red one
    if (d.outcome === "failed" && d.baselined) return { name: caseName(d), child: { tag: "skipped", message: `baselined: ${d.headline}` } };
    if (d.outcome === "failed") return { name: caseName(d), child: { tag: "failure", message: d.headline, type: d.check, text: d.message } };
    return { name: caseName(d) };
  });
}

const TAG = { passed: "PASS", warned: "WARN", acknowledged: "ACK" } as const;

function systemOut(adr: AdrReport): string {
  const lines: string[] = [];
  for (const d of adr.decisions) {
    if (d.outcome === "passed" || d.outcome === "warned" || d.outcome === "acknowledged") lines.push(`${TAG[d.outcome]} ${adr.file}:${d.line}:${d.col} ${d.message}`);
    for (const a of d.acknowledgements ?? []) {
      if (a.state === "expired") lines.push(`WARN ${adr.file}:${a.line}:${a.col} The acknowledgement of ${a.rule} expired on ${a.until} (${a.reason}).`);
    }
  }
  return lines.join("\n");
}
