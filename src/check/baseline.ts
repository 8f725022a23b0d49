// Fingerprints and baselines for `advise check`.
//
// A finding's fingerprint names what it is about, not where it is written: the
// check id, the ADR's path from the repository root, the chosen engine, and
// which decision for that engine it is in the ADR (the first, the second...).
// Lines and columns are left out, so moving the block or editing other lines
// keeps it; the path is in, so the same decision in two files never matches.
// SARIF carries it as partialFingerprints (GitHub code scanning then tracks one
// alert across runs and branches), and a baseline file lists it.
//
// A baseline (`--write-baseline FILE`, then `--baseline FILE`) is how a
// repository adopts the check with failing decisions already in it: the
// failed and warned decisions it lists are counted as `baselined` and do not
// fail the run; any other failure does; entries that match nothing any more
// (fixed, or the ADR is gone) are reported as stale.

import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import * as z from "zod/mini";
import { InputError } from "../diagnostics.js";
import { readSource } from "../io/read.js";
import { parseYaml } from "../io/yaml.js";
import { jsonText } from "../text.js";
import type { AdrReport, CheckId, DecisionReport } from "./types.js";

export const BASELINE_SCHEMA = "stream-advisor/check-baseline@1";

/** The key partialFingerprints uses (versioned: a new way of computing them gets a new key). */
export const FINGERPRINT_KEY = "streamAdvisorFinding/v1";

export interface BaselineEntry {
  fingerprint: string;
  check: CheckId;
  /** the ADR, from the repository root */
  file: string;
  chosen: string;
}

export interface Baseline {
  /** the file, as given */
  file: string;
  entries: BaselineEntry[];
}

/** A stable fingerprint of some parts: 32 hex digits of their SHA-256. */
export function fingerprintOf(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/** A path shown relative to `base`, from the repository root, with forward slashes. */
export function fromRoot(file: string, base: string, root: string): string {
  const abs = resolve(base, file);
  const rel = relative(root, abs);
  const shown = rel === "" || isAbsolute(rel) ? abs : rel;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

/** Whether a decision is a finding a baseline can hold: failed or warned (an invalid ADR is fixed, never baselined). */
export function baselineable(d: DecisionReport): boolean {
  return (d.outcome === "failed" || d.outcome === "warned") && d.chosen !== undefined;
}

/**
 * Sets `fingerprint` on every judged decision of the ADRs: the check, the ADR's
 * path from the root, the chosen engine, and its place among the ADR's
 * decisions for that engine.
 */
export function addFingerprints(adrs: AdrReport[], base: string, root: string): void {
  for (const adr of adrs) {
    const file = fromRoot(adr.file, base, root);
    const seen = new Map<string, number>();
    for (const d of adr.decisions) {
      if (d.chosen === undefined || d.outcome === "invalid") continue;
      const n = seen.get(d.chosen) ?? 0;
      seen.set(d.chosen, n + 1);
      d.fingerprint = fingerprintOf(d.check, file, d.chosen, String(n));
    }
  }
}

/** The baseline entries of a run: every failed and warned decision. */
export function baselineEntries(adrs: AdrReport[], base: string, root: string): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  for (const adr of adrs) {
    for (const d of adr.decisions) {
      if (baselineable(d) && d.fingerprint) out.push({ fingerprint: d.fingerprint, check: d.check, file: fromRoot(adr.file, base, root), chosen: d.chosen! });
    }
  }
  return out.sort((a, b) => cmp(a.file, b.file) || cmp(a.chosen, b.chosen) || cmp(a.check, b.check) || cmp(a.fingerprint, b.fingerprint));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The baseline file's text: stable JSON, one entry per finding, sorted, so that it diffs well. */
export function baselineText(entries: BaselineEntry[]): string {
  return `${jsonText({ schema: BASELINE_SCHEMA, findings: entries })}\n`;
}

const entrySchema = z.object({
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{32}$/, { error: "expected 32 hexadecimal digits, as --write-baseline writes" })),
  check: z.string(),
  file: z.string(),
  chosen: z.string(),
});

/** Reads a baseline file (JSON, as --write-baseline writes it); a bad one is an InputError at its place. */
export function readBaseline(path: string): Baseline {
  const src = readSource(path);
  const yaml = parseYaml(src);
  const v = yaml.value as { schema?: unknown; findings?: unknown } | null;
  const at = { file: src.file, line: 1, col: 1 };
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new InputError([{ ...at, message: "is not a baseline", expected: `a JSON object {"schema": "${BASELINE_SCHEMA}", "findings": [...]}, as advise check --write-baseline writes` }]);
  if (v.schema !== BASELINE_SCHEMA) throw new InputError([{ ...at, message: `has schema ${JSON.stringify(v.schema ?? null)}`, expected: `"${BASELINE_SCHEMA}" (write it with advise check --write-baseline)` }]);
  if (!Array.isArray(v.findings)) throw new InputError([{ ...at, message: "has no findings list", expected: "findings: a list of {fingerprint, check, file, chosen}" }]);
  const entries: BaselineEntry[] = [];
  v.findings.forEach((f, i) => {
    const r = entrySchema.safeParse(f);
    if (!r.success) throw new InputError([{ ...at, message: `findings[${i}] is not a baseline entry (${r.error.issues[0]?.message ?? "invalid"})`, expected: "{fingerprint, check, file, chosen}, as advise check --write-baseline writes" }]);
    entries.push(r.data as BaselineEntry);
  });
  return { file: path, entries };
}

/**
 * Marks the decisions the baseline holds as baselined, and returns the
 * entries that matched nothing among the ADRs this run checked (entries for
 * ADRs it did not look at are neither matched nor stale).
 */
export function applyBaseline(adrs: AdrReport[], baseline: BaselineEntry[], base: string, root: string): { matched: number; stale: BaselineEntry[] } {
  const wanted = new Map(baseline.map((e) => [e.fingerprint, e]));
  const used = new Set<string>();
  let matched = 0;
  for (const adr of adrs) {
    for (const d of adr.decisions) {
      if (!baselineable(d) || !d.fingerprint || !wanted.has(d.fingerprint)) continue;
      d.baselined = true;
      used.add(d.fingerprint);
      matched++;
    }
  }
  const looked = new Set(adrs.map((a) => fromRoot(a.file, base, root)));
  const stale = baseline.filter((e) => !used.has(e.fingerprint) && looked.has(e.file));
  return { matched, stale };
}
