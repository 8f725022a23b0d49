// `advise check` as one function: ADR paths in, a CheckReport out. Every ADR is
// read with readSource (limits apply), its YAML parsed with parseYaml, its block
// validated with validateYaml, its profile loaded with loadProfile and scored
// with evaluate(): the same pipeline as `advise PROFILE`, one scoring path.
// A problem in one ADR is recorded in that ADR's report; it never stops the others,
// and every problem of a block (its keys, its margin, its acknowledgements, its
// profile) is reported at once.

import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import * as z from "zod/mini";
import type { Catalog } from "../catalog/load.js";
import { staleMessage, staleMonths } from "../catalog/stale.js";
import { dayOf, parseDate } from "../clock.js";
import { type Diagnostic, formatDiagnostic, InputError } from "../diagnostics.js";
import { evaluate } from "../engine/evaluate.js";
import type { Result } from "../engine/result.js";
import { readSource, type SourceText } from "../io/read.js";
import { type Path, type YamlSource, keyNodeAt, nodeAt, parseYaml, positionOf } from "../io/yaml.js";
import { loadProfile, type Profile } from "../profile/load.js";
import { closest } from "../suggest.js";
import { locator, show, sortDiagnostics, valueAt, validateYaml } from "../validate.js";
import { TOOL } from "../tool.js";
import { addFingerprints, applyBaseline, type BaselineEntry, baselineEntries } from "./baseline.js";
import { DEFAULT_MARGIN, judge } from "./judge.js";
import { type AdrBlock, discover, displayPath, findRepoRoot, isPlainObject, parseAdr } from "./reader.js";
import {
  ACKNOWLEDGEABLE,
  type Acknowledgement,
  type AdrOutcome,
  type AdrReport,
  CHECK_IDS,
  CHECK_SCHEMA,
  type CheckId,
  type CheckReport,
  type DecisionReport,
  type Notice,
} from "./types.js";

const PROFILE_EXPECTED = "expected a profile file path relative to the ADR";
const CHOSEN_EXPECTED = "expected an engine id, such as kafka-streams";

/** The fields of a stream-advisor block, each validated on its own so that one bad field never hides another's problems. */
const fields = {
  profile: z.union([
    z.string({ error: PROFILE_EXPECTED }).check(z.minLength(1, { error: PROFILE_EXPECTED })),
    z.record(z.string(), z.unknown(), { error: "expected an inline profile mapping" }),
  ]),
  chosen: z.string({ error: CHOSEN_EXPECTED }).check(z.minLength(1, { error: CHOSEN_EXPECTED })),
  margin: z.number({ error: "expected a number of points, such as 10" }),
  acknowledge: z.array(
    z.strictObject({
      rule: z.string({ error: "expected a check id, such as better-engine-within-margin" }).check(z.minLength(1, { error: "expected a check id, such as better-engine-within-margin" })),
      reason: z.string({ error: "expected why the warning is accepted, in words" }).check(z.minLength(1, { error: "expected why the warning is accepted, in words" })),
      until: z.string({ error: "expected the last day the acknowledgement holds, such as 2027-06-30" }),
    }),
    { error: "expected a list of {rule, reason, until} entries" },
  ),
};

/** The stream-advisor block: strict, so a typo'd key gets a did-you-mean. */
export const blockSchema = z.strictObject({
  profile: fields.profile,
  chosen: fields.chosen,
  margin: z.optional(fields.margin),
  acknowledge: z.optional(fields.acknowledge),
});

type Block = z.output<typeof blockSchema>;

/**
 * Scoring without the sensitivity list: the check reads the ranking only.
 * Scoring is a pure function of the profile's values and the catalogue, so
 * ADRs that hold the same values (inline, or in files of their own) are
 * scored once per run; where a profile was written is not part of the key,
 * and nothing the check reads from the result depends on it.
 */
function evaluateRanking(profile: Profile, run: Run): Result {
  const key = JSON.stringify({ ...profile, file: "" });
  let result = run.results.get(key);
  if (!result) run.results.set(key, (result = evaluate(profile, run.catalog, { sensitivity: false })));
  return result;
}

export interface CheckOptions {
  catalog: Catalog;
  /** the working folder, which paths in arguments are relative to (default: process.cwd()) */
  cwd?: string;
  /** the folder paths are shown relative to (default: cwd; the repository root for sarif, github, junit) */
  base?: string;
  /** the repository root (default: found from cwd, see findRepoRoot) */
  root?: string;
  /** read profile files outside the repository root too (default: false) */
  allowOutside?: boolean;
  /** read nothing at all outside root: ADRs and .adr-dir folders too, symbolic links followed (advise mcp) */
  confine?: boolean;
  /** the day acknowledgements are judged on and the catalogue's age counted to (default: the clock) */
  today?: Date;
  /** more warned decisions than this fail the run (exit 1); default: no limit */
  maxWarnings?: number;
  /** findings that do not fail the run (--baseline); without entries, every finding of this run (--write-baseline) */
  baseline?: { file: string; entries?: BaselineEntry[] };
  /** --changed-since: only the ADRs among these files (absolute real paths), and the ADRs whose profile file is */
  changed?: Set<string>;
}

/** How one run resolves and shows paths, and what it may read. */
interface Run {
  cwd: string;
  root: string;
  allowOutside: boolean;
  /** today, YYYY-MM-DD */
  today: string;
  catalog: Catalog;
  show(abs: string): string;
  profiles: Map<string, Loaded>;
  /** results by profile values (evaluateRanking) */
  results: Map<string, Result>;
}

/** The profile behind a decision: where its values are written, for messages. */
interface ProfileRef {
  src: YamlSource;
  base: Path;
}

type Loaded = { ok: true; file: string; profile: Profile; ref: ProfileRef; result: Result } | { ok: false; diagnostics: Diagnostic[] };

export function runCheck(args: readonly string[], options: CheckOptions): CheckReport {
  const cwd = resolve(options.cwd ?? process.cwd());
  const root = resolve(options.root ?? findRepoRoot(cwd));
  const base = resolve(options.base ?? cwd);
  const now = options.today ?? new Date();
  const run: Run = {
    cwd,
    root,
    allowOutside: options.allowOutside ?? false,
    today: dayOf(now),
    catalog: options.catalog,
    show: (abs) => displayPath(abs, cwd, base, root),
    profiles: new Map(),
    results: new Map(),
  };
  const adrs: AdrReport[] = [];
  // paths that name nothing: reported (as invalid, with the problem), never counted as checked
  const missing = new Set<AdrReport>();
  for (const item of discover(args, { cwd, base, root, confine: options.confine ?? false })) {
    if ("problem" in item) {
      const adr = invalidAdr(item.file, [item.problem]);
      if (item.missing) missing.add(adr);
      adrs.push(adr);
    }
    else adrs.push(checkAdr(item.file, item.abs, run));
  }
  if (options.changed) {
    const changed = options.changed;
    const kept = adrs.filter((a) => {
      const abs = resolve(base, a.file);
      const profiles = a.decisions.flatMap((d) => (d.profile !== undefined && d.profile !== "inline" ? [resolve(dirname(abs), d.profile)] : []));
      return [abs, ...profiles].some((f) => changed.has(realOrSame(f)));
    });
    adrs.splice(0, adrs.length, ...kept);
  }
  addFingerprints(adrs, base, root);
  const baselined = options.baseline ? applyBaseline(adrs, options.baseline.entries ?? baselineEntries(adrs, base, root), base, root) : undefined;
  const count = (o: AdrOutcome) => adrs.filter((a) => a.outcome === o && !missing.has(a)).length;
  const summary = {
    checked: adrs.length - missing.size,
    passed: count("passed"),
    acknowledged: count("acknowledged"),
    warned: count("warned"),
    failed: count("failed"),
    skipped: count("skipped"),
    invalid: count("invalid"),
    ...(missing.size ? { missing: missing.size } : {}),
    ...(baselined ? { baselined: baselined.matched } : {}),
  };
  const notices: Notice[] = [];
  const catalog = options.catalog;
  const months = staleMonths(catalog.asOf, now);
  if (months !== undefined) notices.push({ id: "catalogue-stale", level: "note", message: staleMessage(catalog.asOf, months) });
  if (baselined?.stale.length) {
    const n = baselined.stale.length;
    const list = baselined.stale.map((e) => `${e.file} (chosen: ${e.chosen}, ${e.check})`).join("; ");
    notices.push({ id: "baseline-stale", level: "note", message: `${n} ${n === 1 ? "entry" : "entries"} of the baseline ${options.baseline!.file} no longer ${n === 1 ? "matches" : "match"} a finding (fixed, or the ADR changed): ${list}. Write the baseline again (--write-baseline) to drop ${n === 1 ? "it" : "them"}` });
  }
  // a baselined decision is counted, and does not fail the run
  const failing = adrs.some((a) => a.decisions.some((d) => d.outcome === "failed" && !d.baselined));
  let exitCode: 0 | 1 | 2 = summary.invalid > 0 || missing.size > 0 ? 2 : failing ? 1 : 0;
  const warnings = adrs.reduce((n, a) => n + a.decisions.filter((d) => d.outcome === "warned" && !d.baselined).length, 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    notices.push({ id: "too-many-warnings", level: "error", message: `${warnings} warned ${warnings === 1 ? "decision" : "decisions"}, more than --max-warnings ${options.maxWarnings}` });
    if (exitCode === 0) exitCode = 1;
  }
  return {
    schema: CHECK_SCHEMA,
    tool: TOOL,
    catalog: {
      asOf: catalog.asOf,
      engines: catalog.engines.map((e) => e.id),
      ...(Object.keys(catalog.userFiles).length ? { userFiles: catalog.userFiles } : {}),
    },
    summary,
    exitCode,
    ...(notices.length ? { notices } : {}),
    ...(baselined ? { baseline: { file: options.baseline!.file, matched: baselined.matched, stale: baselined.stale } } : {}),
    adrs,
  };
}

/** Whether the run judged nothing: no ADR it read has a stream-advisor block (and none was unreadable). */
export function noDecisions(report: CheckReport): boolean {
  return report.adrs.every((a) => a.outcome === "skipped" && a.skipReason === "no-block");
}

function invalidAdr(file: string, diagnostics: Diagnostic[], extra: Partial<AdrReport> = {}): AdrReport {
  return { file, ...extra, outcome: "invalid", decisions: [], diagnostics };
}

/** readSource on the absolute path, with messages naming the path as shown. */
function readAs(shown: string, abs: string): SourceText {
  try {
    return { ...readSource(abs), file: shown };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.diagnostics.map((d) => (d.file === abs ? { ...d, file: shown } : d)));
    throw e;
  }
}

function checkAdr(file: string, abs: string, run: Run): AdrReport {
  let adr;
  try {
    adr = parseAdr(readAs(file, abs));
  } catch (e) {
    if (e instanceof InputError) return invalidAdr(file, e.diagnostics);
    throw e;
  }
  const head: Partial<AdrReport> = {
    ...(adr.title !== undefined ? { title: adr.title } : {}),
    ...(adr.status !== undefined ? { status: adr.status } : {}),
    ...(adr.style !== undefined ? { style: adr.style } : {}),
  };
  if (adr.blocks.length === 0) return { file, ...head, outcome: "skipped", skipReason: "no-block", decisions: [], diagnostics: [] };
  if (adr.inactive) return { file, ...head, outcome: "skipped", skipReason: "inactive-status", decisions: [], diagnostics: [] };
  const decisions = adr.blocks.map((b) => checkBlock(b, file, abs, run));
  const worst = (["invalid", "failed", "warned", "acknowledged", "passed"] as const).find((o) => decisions.some((d) => d.outcome === o)) ?? "passed";
  return { file, ...head, outcome: worst, decisions, diagnostics: [] };
}

function invalidDecision(line: number, col: number, diagnostics: Diagnostic[], extra: Partial<DecisionReport> = {}): DecisionReport {
  const n = diagnostics.length;
  return {
    line,
    col,
    ...extra,
    outcome: "invalid",
    check: "invalid-adr",
    headline: `This decision cannot be judged: ${n === 1 ? "1 problem" : `${n} problems`}.`,
    message: `This decision cannot be judged: ${diagnostics.map(formatDiagnostic).join("; ")}`,
    deciding: [],
    diagnostics,
  };
}

/** The fields of a block that are valid on their own, even when the block as a whole is not. */
function validFields(value: Record<string, unknown>): Partial<Block> {
  const out: Partial<Block> = {};
  for (const key of ["profile", "chosen", "margin", "acknowledge"] as const) {
    const r = fields[key].safeParse(value[key]);
    if (r.success) (out as Record<string, unknown>)[key] = r.data;
  }
  return out;
}

function checkBlock(block: AdrBlock, file: string, abs: string, run: Run): DecisionReport {
  if (!("src" in block)) return invalidDecision(block.line, block.col, block.problems);
  const { src, base } = block;
  const value = valueAt(src.value, base);
  if (!isPlainObject(value)) {
    const what = value === undefined || value === null ? "empty" : Array.isArray(value) ? "a list" : show(value);
    return invalidDecision(block.line, block.col, [
      { file, line: block.line, col: block.col, message: `the stream-advisor block is ${what}`, expected: "a mapping with `profile` and `chosen` (and optionally `margin` and `acknowledge`)" },
    ]);
  }
  const at = locator(src, base);
  const hasChosen = keyNodeAt(src, base, "chosen") !== undefined;
  const where = hasChosen ? at(["chosen"]) : { line: block.line, col: block.col };

  // Every problem of the block at once: its keys and types, its margin, its acknowledgements, its profile.
  const problems: Diagnostic[] = [];
  let data: Partial<Block>;
  try {
    data = validateYaml(blockSchema, src, base);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(...e.diagnostics);
    data = validFields(value);
  }
  const margin = data.margin ?? DEFAULT_MARGIN;
  if (data.margin !== undefined && (!Number.isFinite(margin) || margin < 0 || margin > 100)) {
    problems.push({ file, ...at(["margin"]), message: `margin ${margin} is out of range`, expected: "a number of points from 0 to 100" });
  }
  const acks = acknowledgements(data.acknowledge ?? [], file, at, run.today, problems);

  const written = typeof data.profile === "string" ? data.profile : data.profile !== undefined ? "inline" : undefined;
  const chosenText = data.chosen ?? (typeof value.chosen === "string" ? value.chosen : undefined);
  const common: Partial<DecisionReport> = {
    ...(chosenText !== undefined ? { chosen: chosenText } : {}),
    margin,
    ...(written !== undefined ? { profile: written } : {}),
  };

  let loaded: Loaded | undefined;
  if (typeof data.profile === "string") {
    loaded = loadProfileFile(data.profile, dirname(abs), run);
    if (!loaded.ok) {
      const pos = at(["profile"]);
      for (const d of loaded.diagnostics) {
        // a problem without a position (missing, unreadable, outside the repository) is located on `profile:` in the ADR
        if (d.line !== undefined) problems.push(d);
        else if (OUTSIDE in d) problems.push({ file, ...pos, message: `the profile '${data.profile}' (${d.file}) ${d.message}`, expected: d.expected! });
        else problems.push({ file, ...pos, message: `the profile '${data.profile}' cannot be read (${d.file}: ${d.message})`, expected: "a profile file path relative to the ADR, or an inline profile mapping" });
      }
    }
  } else if (data.profile !== undefined) {
    try {
      const ref = { src, base: [...base, "profile"] };
      const profile = loadProfile(src, ref.base);
      loaded = { ok: true, file, profile, ref, result: evaluateRanking(profile, run) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.diagnostics);
    }
  }

  if (problems.length || !loaded?.ok || data.chosen === undefined) {
    // the ADR's own problems in file order, then the profile file's
    const own = sortDiagnostics(problems.filter((d) => d.file === file));
    return invalidDecision(where.line, where.col, [...own, ...problems.filter((d) => d.file !== file)], { ...common, ...(acks.length ? { acknowledgements: acks } : {}) });
  }

  const { ref, result } = loaded;
  const j = judge({ result, chosen: data.chosen, margin, valueOf: (req) => valueOf(result, ref, req) });
  let outcome: DecisionReport["outcome"] = j.outcome;
  let message = j.message;
  for (const a of acks) {
    if (a.state === "expired") continue;
    if (j.outcome === "warned" && a.rule === j.check && outcome === "warned") {
      a.state = "applied";
      outcome = "acknowledged";
      message = `${message} Acknowledged until ${a.until} (${file}:${a.line}:${a.col}): ${a.reason}`;
    } else a.state = "unused";
  }
  for (const a of acks) if (a.state === "expired" && a.rule === j.check && j.outcome === "warned") message = `${message} The acknowledgement of this warning expired on ${a.until} (${file}:${a.line}:${a.col}).`;
  return {
    line: where.line,
    col: where.col,
    outcome,
    check: j.check,
    headline: j.headline,
    message,
    chosen: data.chosen,
    margin,
    profile: written!,
    profileFile: loaded.file,
    recommendation: { kind: result.recommendation.kind, engine: result.recommendation.engine },
    ...(j.chosenEngine ? { chosenEngine: j.chosenEngine } : {}),
    ...(j.best ? { best: j.best } : {}),
    ...(j.gap !== undefined ? { gap: j.gap } : {}),
    ...(j.suggestion ? { suggestion: j.suggestion } : {}),
    ...(acks.length ? { acknowledgements: acks } : {}),
    deciding: j.deciding,
    diagnostics: [],
  };
}

/**
 * The block's `acknowledge:` entries, checked: an unknown check id, one that
 * cannot be acknowledged (a failure), a date that is not a date, or the same
 * check twice is a located problem; an entry whose `until` is before today is
 * kept as expired (reported as its own warning, never applied).
 */
function acknowledgements(entries: NonNullable<Block["acknowledge"]>, file: string, at: ReturnType<typeof locator>, today: string, problems: Diagnostic[]): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const path = ["acknowledge", i];
    let ok = true;
    if (!(CHECK_IDS as readonly string[]).includes(e.rule)) {
      const suggestion = closest(e.rule, [...ACKNOWLEDGEABLE]) ?? closest(e.rule, [...CHECK_IDS]);
      problems.push({ file, ...at([...path, "rule"]), message: `unknown check id '${e.rule}'`, ...(suggestion ? { suggestion } : {}), expected: `one of ${ACKNOWLEDGEABLE.join(", ")} (the checks that warn)` });
      ok = false;
    } else if (!ACKNOWLEDGEABLE.includes(e.rule as CheckId)) {
      problems.push({
        file,
        ...at([...path, "rule"]),
        message: `'${e.rule}' cannot be acknowledged: it fails the decision`,
        expected: `one of ${ACKNOWLEDGEABLE.join(", ")}; a failing decision is fixed by choosing again, superseding the ADR or widening \`margin\``,
      });
      ok = false;
    } else if (seen.has(e.rule)) {
      problems.push({ file, ...at([...path, "rule"]), message: `'${e.rule}' is acknowledged twice`, expected: "each check once per block" });
      ok = false;
    }
    seen.add(e.rule);
    if (!parseDate(e.until)) {
      problems.push({ file, ...at([...path, "until"]), message: `${show(e.until)} is not a date`, expected: "the last day the acknowledgement holds, as YYYY-MM-DD, such as 2027-06-30" });
      ok = false;
    }
    if (!ok) return;
    const pos = at([...path, "until"]);
    out.push({ rule: e.rule as CheckId, reason: e.reason, until: e.until, line: pos.line, col: pos.col, state: e.until < today ? "expired" : "unused" });
  });
  return out;
}

/** Whether `abs` is `dir` or below it. */
function isInside(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Marks the diagnostic of a profile outside the repository (it has its own wording in the ADR). */
const OUTSIDE = Symbol("outside");

/**
 * Why a profile path may not be read: it resolves outside the repository root,
 * or it is (or passes through) a symbolic link that leads outside it. Checked
 * before anything is opened, so nothing outside the repository is read.
 */
function outsideProblem(abs: string, run: Run): Diagnostic | undefined {
  if (run.allowOutside) return undefined;
  const expected = `a profile file inside the repository root (${run.show(run.root)}), or --allow-outside to read it anyway`;
  const problem = (message: string) => ({ file: run.show(abs), message, expected, [OUTSIDE]: true });
  if (!isInside(run.root, abs)) return problem("is outside the repository; nothing outside it is read");
  if (!existsSync(abs)) return undefined;
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(abs);
    realRoot = realpathSync(run.root);
  } catch {
    return undefined; // reported by the read itself
  }
  if (!isInside(realRoot, real)) return problem("leads outside the repository through a symbolic link; nothing outside it is read");
  return undefined;
}

/** A profile file, loaded and scored once per absolute path however many ADRs share it. */
function loadProfileFile(written: string, adrDir: string, run: Run): Loaded {
  const abs = resolve(adrDir, written);
  const cached = run.profiles.get(abs);
  if (cached) return cached;
  const file = run.show(abs);
  let loaded: Loaded;
  const outside = outsideProblem(abs, run);
  if (outside) loaded = { ok: false, diagnostics: [outside] };
  else {
    try {
      const src = parseYaml(readAs(file, abs));
      const profile = loadProfile(src);
      loaded = { ok: true, file, profile, ref: { src, base: [] }, result: evaluateRanking(profile, run) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      loaded = { ok: false, diagnostics: e.diagnostics };
    }
  }
  run.profiles.set(abs, loaded);
  return loaded;
}

/** The user's value for a profile field as written, and where; "(default)" when the profile leaves it out. */
function valueOf(result: Result, ref: ProfileRef, requirement: string): { value: string; at?: { file: string; line: number; col: number } } {
  const p = result.profile as unknown as Record<string, unknown>;
  const v = p[requirement];
  let text: string;
  if (requirement === "latency") text = result.profile.latency.text;
  else if (requirement === "throughput") {
    const t = result.profile.throughput;
    text = t.peak ? `${t.sustained.text} sustained, ${t.peak.text} peak` : t.sustained.text;
  } else if (Array.isArray(v)) text = `[${v.join(", ")}]`;
  else text = String(v);
  if (keyNodeAt(ref.src, ref.base, requirement) === undefined) return { value: `${text} (default)` };
  const pos = positionOf(ref.src, nodeAt(ref.src, [...ref.base, requirement]));
  return { value: text, at: { file: ref.src.file, ...pos } };
}

/** A path with its symbolic links resolved, or as it is when it does not exist. */
function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
