// stream-advisor/check@1 (`advise check --format json`, docs/check.md) as a zod
// schema, held to src/check/types.ts by the type check at the bottom.

import * as z from "zod/mini";
import { CHECK_IDS, type CheckReport } from "../check/types.js";
import { described, type Same, toolSchema } from "./result.js";

const position = { line: z.int().check(z.gte(1)), col: z.int().check(z.gte(1)) };

export const diagnosticSchema = z.strictObject({
  file: z.string(),
  line: z.optional(z.int().check(z.gte(1))),
  col: z.optional(z.int().check(z.gte(1))),
  message: z.string(),
  expected: z.optional(z.string()),
  suggestion: z.optional(z.string()),
});

const evidence = z.strictObject({ url: z.string(), version: z.string() });

const engineScore = z.strictObject({
  engine: z.string(),
  name: z.string(),
  rank: z.int().check(z.gte(1)),
  score: z.int().check(z.gte(0), z.lte(100)),
  disqualified: z.boolean(),
  disqualifiedBy: z.array(z.string()),
});

const deciding = z.strictObject({
  rule: z.string(),
  requirement: z.string(),
  priority: z.string(),
  value: described(z.string(), "the user's value as written, or (default)"),
  at: z.optional(z.strictObject({ file: z.string(), ...position })),
  message: z.string(),
  impact: z.int(),
  bestImpact: z.optional(z.int()),
  evidence: z.array(evidence),
});

const acknowledgement = z.strictObject({
  rule: z.enum(CHECK_IDS),
  reason: z.string(),
  until: described(z.string(), "the last day it holds, YYYY-MM-DD"),
  ...position,
  state: z.enum(["applied", "expired", "unused"]),
});

const decision = z.strictObject({
  ...position,
  outcome: z.enum(["passed", "acknowledged", "warned", "failed", "invalid"]),
  check: described(z.enum(CHECK_IDS), "stable id, docs/check.md#<id>"),
  headline: z.string(),
  message: z.string(),
  chosen: z.optional(z.string()),
  margin: z.optional(z.number()),
  profile: z.optional(z.string()),
  profileFile: z.optional(z.string()),
  recommendation: z.optional(z.strictObject({ kind: z.enum(["engine", "periodic-batch", "custom", "none"]), engine: z.nullable(z.string()) })),
  chosenEngine: z.optional(engineScore),
  best: z.optional(engineScore),
  gap: z.optional(z.int()),
  suggestion: z.optional(z.string()),
  acknowledgements: z.optional(z.array(acknowledgement)),
  deciding: z.array(deciding),
  diagnostics: z.array(diagnosticSchema),
  fingerprint: z.optional(described(z.string(), "what the finding is about, not where: the same across line moves, different across files (SARIF partialFingerprints, --baseline)")),
  baselined: z.optional(described(z.boolean(), "held by the --baseline file: counted, does not fail the run")),
});

const adr = z.strictObject({
  file: z.string(),
  title: z.optional(z.string()),
  status: z.optional(z.string()),
  style: z.optional(z.enum(["madr", "nygard"])),
  outcome: z.enum(["passed", "acknowledged", "warned", "failed", "invalid", "skipped"]),
  skipReason: z.optional(z.enum(["no-block", "inactive-status"])),
  decisions: z.array(decision),
  diagnostics: z.array(diagnosticSchema),
});

const count = () => z.int().check(z.gte(0));

export const checkJsonSchema = described(
  z.strictObject({
    schema: z.literal("stream-advisor/check@1"),
    tool: toolSchema,
    catalog: z.strictObject({ asOf: z.string(), engines: z.array(z.string()), userFiles: z.optional(z.record(z.string(), z.string())) }),
    summary: z.strictObject({ checked: count(), passed: count(), acknowledged: count(), warned: count(), failed: count(), skipped: count(), invalid: count(), missing: z.optional(described(count(), "paths given that name nothing (no such file or folder, a glob that matches nothing); not counted in checked")), baselined: z.optional(count()) }),
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    notices: z.optional(z.array(z.strictObject({ id: z.enum(["catalogue-stale", "too-many-warnings", "baseline-stale"]), level: z.enum(["note", "error"]), message: z.string() }))),
    baseline: z.optional(
      z.strictObject({
        file: z.string(),
        matched: count(),
        stale: z.array(z.strictObject({ fingerprint: z.string(), check: z.enum(CHECK_IDS), file: z.string(), chosen: z.string() })),
      }),
    ),
    adrs: z.array(adr),
  }),
  "stream-advisor/check@1: `advise check --format json` (docs/check.md)",
);

const checkTypesAgree: Same<z.infer<typeof checkJsonSchema>, CheckReport> = true;
void checkTypesAgree;
