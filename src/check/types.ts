// The result of `advise check`: plain data that every check formatter renders
// (human, json, github, sarif, junit) and that `--format json` prints as it is
// (docs/check.md, `stream-advisor/check@1`). Paths are relative to the working
// folder, with forward slashes; lines and columns are 1-based.

import type { Diagnostic } from "../diagnostics.js";
import type { Evidence, RecommendationKind } from "../engine/result.js";
import { LINKS, type Tool } from "../tool.js";

export const CHECK_SCHEMA = "stream-advisor/check@1";

/**
 * How one decision came out. `invalid`: it could not be judged (a broken block or profile).
 * `acknowledged`: it would be warned, and the ADR acknowledges that warning until a date not yet past.
 */
export type DecisionOutcome = "passed" | "acknowledged" | "warned" | "failed" | "invalid";
/** How one ADR came out: the worst of its decisions, or skipped. */
export type AdrOutcome = DecisionOutcome | "skipped";

/**
 * Stable ids for what a check found (SARIF ruleId, JUnit failure type, JSON `check`).
 * They never change; docs/check.md#<id> explains each.
 */
export const CHECK_IDS = [
  "chosen-engine-first",
  "better-engine-within-margin",
  "chosen-engine-outscored",
  "chosen-engine-disqualified",
  "chosen-engine-unknown",
  "invalid-adr",
  "acknowledgement-expired",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** The checks an ADR may acknowledge (`acknowledge: [{rule: ...}]`): warnings only; a failure is fixed, never acknowledged. */
export const ACKNOWLEDGEABLE: readonly CheckId[] = ["better-engine-within-margin"];

/** One entry of a block's `acknowledge:` list, and what became of it. */
export interface Acknowledgement {
  /** the check id acknowledged */
  rule: CheckId;
  reason: string;
  /** the last day it holds, YYYY-MM-DD */
  until: string;
  /** where `until:` is written (what to change when it expires) */
  line: number;
  col: number;
  /** applied: it turned a warning into `acknowledged`; expired: `until` is past; unused: nothing to acknowledge */
  state: "applied" | "expired" | "unused";
}

export interface Position {
  line: number;
  col: number;
}

/** A rule that decided a verdict, with the user's own value and where it is written. */
export interface DecidingReason {
  /** stable engine rule id (docs/rules.md#<rule>) */
  rule: string;
  /** the profile field the rule read */
  requirement: string;
  priority: string;
  /** the user's value as written in the profile ("10ms", "library", "[kafka]"); "(default)" when not written */
  value: string;
  /** where the value is written: the profile file, or the ADR for an inline profile */
  at?: { file: string; line: number; col: number };
  /** the chosen engine's reason for this rule */
  message: string;
  /** points this rule gave the chosen engine */
  impact: number;
  /** points the same rule gave the best engine (for a score gap) */
  bestImpact?: number;
  /** the sources of the chosen engine's fact, each with the version or date it holds for */
  evidence: Evidence[];
}

export interface EngineScore {
  engine: string;
  name: string;
  rank: number;
  score: number;
  disqualified: boolean;
  disqualifiedBy: string[];
}

export interface DecisionReport {
  /** where the decision is judged: the value of `chosen:` (or the block, when it has none) */
  line: number;
  col: number;
  outcome: DecisionOutcome;
  check: CheckId;
  /** the verdict in a sentence or two */
  headline: string;
  /** one paragraph, plain text: the headline, then the deciding rule(s), the user's value and the source */
  message: string;
  /** the engine id written in the ADR (absent when the block has no valid `chosen`) */
  chosen?: string;
  margin?: number;
  /** the profile file as written in the ADR, or "inline" */
  profile?: string;
  /** the profile file used, relative to the working folder (the ADR itself for an inline profile) */
  profileFile?: string;
  recommendation?: { kind: RecommendationKind; engine: string | null };
  chosenEngine?: EngineScore;
  best?: EngineScore;
  /** points between the best engine and the chosen one */
  gap?: number;
  /** a did-you-mean for an unknown engine id */
  suggestion?: string;
  /** the block's `acknowledge:` entries, when it has any */
  acknowledgements?: Acknowledgement[];
  deciding: DecidingReason[];
  /** why the decision could not be judged */
  diagnostics: Diagnostic[];
  /** what the finding is about, not where it is written: the same across line moves, different across files (SARIF partialFingerprints, baselines) */
  fingerprint?: string;
  /** a failed or warned decision the --baseline file holds: counted, and it does not fail the run */
  baselined?: boolean;
}

export type SkipReason = "no-block" | "inactive-status";

export interface AdrReport {
  file: string;
  title?: string;
  /** the status word, lower case (accepted, proposed, superseded, ...) */
  status?: string;
  /** madr: YAML front matter; nygard: a fenced `yaml stream-advisor` block */
  style?: "madr" | "nygard";
  outcome: AdrOutcome;
  skipReason?: SkipReason;
  decisions: DecisionReport[];
  /** problems with the ADR itself (unreadable, broken front matter) */
  diagnostics: Diagnostic[];
}

export interface CheckSummary {
  /** ADR files examined: passed + acknowledged + warned + failed + skipped + invalid (paths that name nothing are not among them: see missing) */
  checked: number;
  passed: number;
  acknowledged: number;
  warned: number;
  failed: number;
  skipped: number;
  invalid: number;
  /** when there are any: paths given that name nothing (no such file or folder, a glob that matches nothing); each is in adrs as invalid, with its problem, and makes the exit code 2 */
  missing?: number;
  /** with --baseline: the failed and warned decisions it holds */
  baselined?: number;
}

/** Something about the run as a whole: an old catalogue, too many warnings. */
export interface Notice {
  id: "catalogue-stale" | "too-many-warnings" | "baseline-stale";
  /** note: for information; error: it sets the exit code */
  level: "note" | "error";
  message: string;
}

export interface CheckReport {
  schema: typeof CHECK_SCHEMA;
  /** the tool and version that wrote the report */
  tool: Tool;
  catalog: { asOf: string; engines: string[]; userFiles?: Record<string, string> };
  summary: CheckSummary;
  /** 2 when any ADR is invalid or unreadable, else 1 when any decision failed (or more warned than --max-warnings), else 0 */
  exitCode: 0 | 1 | 2;
  /** run-level notices, when there are any */
  notices?: Notice[];
  /** with --baseline (or --write-baseline): the file, how many decisions it matched, and its entries that match nothing any more */
  baseline?: { file: string; matched: number; stale: { fingerprint: string; check: CheckId; file: string; chosen: string }[] };
  adrs: AdrReport[];
}

/** What each check id means; SARIF rules and docs/check.md are built from this. */
export const CHECK_RULES: Record<CheckId, { level: "none" | "warning" | "error"; name: string; short: string; full: string }> = {
  "chosen-engine-first": {
    level: "none",
    name: "ChosenEngineFirst",
    short: "The chosen engine still ranks first.",
    full: "The engine the ADR chose ranks first for the ADR's profile with the current catalogue.",
  },
  "better-engine-within-margin": {
    level: "warning",
    name: "BetterEngineWithinMargin",
    short: "Another engine now ranks first, within the ADR's margin.",
    full: "Another engine now scores higher than the engine the ADR chose, but by no more than the ADR's margin (default 10 points). The decision still passes; review it when you next touch the ADR.",
  },
  "chosen-engine-outscored": {
    level: "error",
    name: "ChosenEngineOutscored",
    short: "The chosen engine scores more than the margin below the best engine.",
    full: "The engine the ADR chose now scores more than the ADR's margin (default 10 points) below the best engine for its profile. The message names the rules where it loses most, the profile value each rule read, and the sources of the facts.",
  },
  "chosen-engine-disqualified": {
    level: "error",
    name: "ChosenEngineDisqualified",
    short: "The chosen engine cannot meet a requirement the profile marks `must`.",
    full: "The engine the ADR chose cannot meet at all a requirement that the profile marks `must`, so it is disqualified. The message names the rule, the profile value and the source of the fact.",
  },
  "chosen-engine-unknown": {
    level: "error",
    name: "ChosenEngineUnknown",
    short: "The chosen engine is not in the catalogue.",
    full: "The engine id in `chosen:` is not in the catalogue (the shipped engines plus any --catalog folder). The message suggests the closest id.",
  },
  "invalid-adr": {
    level: "error",
    name: "InvalidAdr",
    short: "The ADR or its profile cannot be read or is invalid.",
    full: "The ADR could not be read, its front matter or stream-advisor block is malformed, or its profile is missing, invalid or outside the repository. Each problem is reported with file:line:col.",
  },
  "acknowledgement-expired": {
    level: "warning",
    name: "AcknowledgementExpired",
    short: "An acknowledgement in the ADR is past its `until` date.",
    full: "The ADR's stream-advisor block acknowledges a warning until a date that has passed, so the warning is reported again. Review the decision, then renew the acknowledgement with a new `until` date or remove it.",
  },
};

/** Where a check id is documented (SARIF helpUri): docs/check.md of the repository package.json names. */
export function helpUri(id: CheckId): string {
  return LINKS.doc("docs/check.md", id);
}

/** Where an engine rule is documented: docs/rules.md of the repository package.json names. */
export function ruleHelpUri(rule: string): string {
  return LINKS.doc("docs/rules.md", rule);
}
