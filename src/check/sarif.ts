// `advise check --format sarif`: SARIF 2.1.0 for code scanning (GitHub's
// upload-sarif and other consumers). One result per failed, warned or
// acknowledged decision (the last with an in-source suppression), located on its
// `chosen:` line, one per expired acknowledgement and one per problem; passing
// decisions are not results. Rule ids are the stable check ids (types.ts
// CHECK_IDS); every artifact URI is relative to the repository root
// (uriBaseId %SRCROOT%), so the file is the same on every machine and from any
// folder. Run-level notices (an old catalogue, too many warnings) are
// notifications of the run's invocation. Validated against the official schema
// in test/check-formats.test.ts.
import type { Diagnostic } from "../diagnostics.js";
import { formatDiagnostic } from "../diagnostics.js";
import { jsonText, visibleDeep } from "../text.js";
import type { CheckContext } from "./context.js";
import { type Acknowledgement, type CheckId, CHECK_IDS, CHECK_RULES, type CheckReport, type DecisionReport, helpUri, ruleHelpUri } from "./types.js";
import { LINKS } from "../tool.js";
import { FINGERPRINT_KEY, fingerprintOf } from "./baseline.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** The rules a SARIF log describes: every check id that can be a result. */
const SARIF_RULES: CheckId[] = CHECK_IDS.filter((id) => CHECK_RULES[id].level !== "none");

export function formatSarif(report: CheckReport, ctx: Pick<CheckContext, "version">): string {
  const results: unknown[] = [];
  // with --baseline: whether each result is new, or one the baseline holds
  const baselineState = report.baseline ? (held: boolean) => ({ baselineState: held ? "unchanged" : "new" }) : () => ({});
  // one broken profile shared by several ADRs is one result
  const seen = new Set<string>();
  const once = (d: Diagnostic, decision?: DecisionReport) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
    if (!seen.has(key)) results.push(problem(d, decision, baselineState));
    seen.add(key);
  };
  for (const adr of report.adrs) {
    for (const d of adr.diagnostics) once(d);
    for (const d of adr.decisions) {
      if (d.outcome === "invalid") for (const x of d.diagnostics) once(x, d);
      else if (d.outcome === "failed" || d.outcome === "warned" || d.outcome === "acknowledged") results.push({ ...verdict(adr.file, d), ...baselineState(d.baselined === true) });
      for (const a of d.acknowledgements ?? []) if (a.state === "expired") results.push({ ...expired(adr.file, d, a), ...baselineState(false) });
    }
  }
  const notifications = (report.notices ?? []).map((n) => ({ level: n.level, message: { text: n.message }, descriptor: { id: n.id } }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "stream-advisor",
            fullName: "stream-advisor advise check",
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: LINKS.home,
            rules: SARIF_RULES.map((id) => {
              const r = CHECK_RULES[id];
              return {
                id,
                name: r.name,
                shortDescription: { text: r.short },
                fullDescription: { text: r.full },
                helpUri: helpUri(id),
                help: { text: `${r.full} See ${helpUri(id)}`, markdown: `${r.full}\n\n[docs/check.md#${id}](${helpUri(id)})` },
                defaultConfiguration: { level: r.level },
                properties: { tags: ["architecture-decision-record", "maintainability"] },
              };
            }),
          },
        },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true, exitCode: report.exitCode, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        results,
        properties: { catalogAsOf: report.catalog.asOf, summary: report.summary },
      },
    ],
  };
  // messages quote ADR text: control characters shown as escapes; URIs are percent-encoded already
  return `${jsonText(visibleDeep(log, ["uri"]))}\n`;
}

function ruleIndex(id: CheckId): number {
  return SARIF_RULES.indexOf(id);
}

function verdict(file: string, d: DecisionReport) {
  const related = d.deciding
    .filter((r) => r.at)
    .map((r, i) => ({
      id: i,
      physicalLocation: physical(r.at!.file, r.at!.line, r.at!.col),
      message: { text: `your ${r.requirement}: ${r.value} (${r.priority}), read by ${r.rule}` },
    }));
  const applied = d.acknowledgements?.find((a) => a.state === "applied");
  return {
    ruleId: d.check,
    ruleIndex: ruleIndex(d.check),
    level: d.outcome === "failed" ? "error" : "warning",
    message: { text: d.message },
    locations: [{ physicalLocation: physical(file, d.line, d.col) }],
    // what the finding is about, not its line: code scanning keeps one alert when lines move
    partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint ?? fingerprintOf(d.check, file, d.chosen ?? "", String(d.line)) },
    ...(related.length ? { relatedLocations: related } : {}),
    // an acknowledged warning: reported, and marked as accepted in the ADR itself
    ...(applied ? { suppressions: [{ kind: "inSource", status: "accepted", justification: `${applied.reason} (until ${applied.until})`, location: { physicalLocation: physical(file, applied.line, applied.col) } }] } : {}),
    properties: {
      chosen: d.chosen,
      margin: d.margin,
      ...(d.best ? { best: d.best.engine, bestScore: d.best.score } : {}),
      ...(d.chosenEngine ? { chosenScore: d.chosenEngine.score, disqualifiedBy: d.chosenEngine.disqualifiedBy } : {}),
      ...(d.gap !== undefined ? { gap: d.gap } : {}),
      ...(d.suggestion ? { suggestion: d.suggestion } : {}),
      ...(d.baselined ? { baselined: true } : {}),
      decidingRules: d.deciding.map((r) => ({ rule: r.rule, help: ruleHelpUri(r.rule), sources: r.evidence.map((e) => e.url) })),
    },
  };
}

function expired(file: string, d: DecisionReport, a: Acknowledgement) {
  return {
    ruleId: "acknowledgement-expired",
    ruleIndex: ruleIndex("acknowledgement-expired"),
    level: "warning",
    message: { text: `The acknowledgement of ${a.rule} for chosen: ${d.chosen ?? "(none)"} expired on ${a.until} (${a.reason}). Review the decision, then renew the acknowledgement or remove it.` },
    locations: [{ physicalLocation: physical(file, a.line, a.col) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf("acknowledgement-expired", d.fingerprint ?? file, d.chosen ?? "", a.rule) },
    properties: { rule: a.rule, until: a.until, ...(d.chosen !== undefined ? { chosen: d.chosen } : {}) },
  };
}

function problem(d: Diagnostic, decision: DecisionReport | undefined, baselineState: (held: boolean) => object) {
  return {
    ruleId: "invalid-adr",
    ruleIndex: ruleIndex("invalid-adr"),
    level: "error",
    message: { text: formatDiagnostic(d) },
    locations: [{ physicalLocation: physical(d.file, d.line, d.col) }],
    // the file and the problem, not its line
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf("invalid-adr", d.file, d.message) },
    ...baselineState(false),
    ...(decision?.chosen !== undefined ? { properties: { chosen: decision.chosen } } : {}),
  };
}

function physical(file: string, line?: number, col?: number) {
  return {
    artifactLocation: artifact(file),
    ...(line !== undefined ? { region: { startLine: line, startColumn: col ?? 1 } } : {}),
  };
}

/**
 * A path as a relative URI reference under %SRCROOT% (the repository root): the
 * command gives every path relative to the root (`..` segments for one outside
 * it). Only an absolute path (another Windows drive) becomes a file: URI.
 */
export function artifact(file: string): { uri: string; uriBaseId?: string } {
  const encoded = file
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
  if (file.startsWith("/")) return { uri: `file://${encoded}` };
  return { uri: encoded, uriBaseId: "%SRCROOT%" };
}
