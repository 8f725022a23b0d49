// `advise check` as one function: ADR paths in, a CheckReport out. Every ADR is
// read with readSource (limits apply), its YAML parsed with parseYaml, its block
// validated with validateYaml, its profile loaded with loadProfile and scored
// with evaluate(): the same pipeline as `advise PROFILE`, one scoring path.
// A problem in one ADR is recorded in that ADR's report; it never stops the others.

import { dirname, resolve } from "node:path";
import * as z from "zod/mini";
import type { Catalog } from "../catalog/load.js";
import { type Diagnostic, formatDiagnostic, InputError } from "../diagnostics.js";
import { evaluate } from "../engine/evaluate.js";
import type { Result } from "../engine/result.js";
import { readSourceAs, type SourceText } from "../io/read.js";
import { insideRoot } from "../io/within.js";
import { type Path, type YamlSource, keyNodeAt, nodeAt, parseYaml, positionOf } from "../io/yaml.js";
import { loadProfile, type Profile } from "../profile/load.js";
import { locator, show, valueAt, validateYaml } from "../validate.js";
import { DEFAULT_MARGIN, judge } from "./judge.js";
import { type AdrBlock, discover, displayPath, isPlainObject, parseAdr } from "./reader.js";
import { type AdrOutcome, type AdrReport, CHECK_SCHEMA, type CheckReport, type DecisionReport } from "./types.js";

/** The stream-advisor block: strict, so a typo'd key gets a did-you-mean. */
export const blockSchema = z.strictObject({
  profile: z.union([
    z.string({ error: "expected a profile file path relative to the ADR" }).check(z.minLength(1, { error: "expected a profile file path relative to the ADR" })),
    z.record(z.string(), z.unknown(), { error: "expected an inline profile mapping" }),
  ]),
  chosen: z.string({ error: "expected an engine id, such as kafka-streams" }).check(z.minLength(1, { error: "expected an engine id, such as kafka-streams" })),
  margin: z.optional(z.number({ error: "expected a number of points, such as 10" })),
});

/** Scoring without the sensitivity list: the check reads the ranking only. */
function evaluateRanking(profile: Profile, catalog: Catalog): Result {
  return evaluate(profile, catalog, { sensitivity: false });
}

export interface CheckOptions {
  catalog: Catalog;
  /** the folder paths are shown relative to (default: process.cwd()) */
  cwd?: string;
  /** a real folder path: when given, nothing outside it is read (folders, ADRs, the profiles they name, symbolic links followed) */
  root?: string;
}

/** The profile behind a decision: where its values are written, for messages. */
interface ProfileRef {
  src: YamlSource;
  base: Path;
}

type Loaded = { ok: true; file: string; profile: Profile; ref: ProfileRef; result: Result } | { ok: false; error: InputError };

export function runCheck(args: readonly string[], options: CheckOptions): CheckReport {
  const cwd = options.cwd ?? process.cwd();
  const profiles = new Map<string, Loaded>();
  const adrs: AdrReport[] = [];
  for (const item of discover(args, cwd, options.root)) {
    if ("problem" in item) adrs.push(invalidAdr(item.file, [item.problem]));
    else adrs.push(checkAdr(item.file, cwd, options.catalog, profiles, options.root));
  }
  const count = (o: AdrOutcome) => adrs.filter((a) => a.outcome === o).length;
  const summary = { checked: adrs.length, passed: count("passed"), warned: count("warned"), failed: count("failed"), skipped: count("skipped"), invalid: count("invalid") };
  const catalog = options.catalog;
  return {
    schema: CHECK_SCHEMA,
    catalog: {
      asOf: catalog.asOf,
      engines: catalog.engines.map((e) => e.id),
      ...(Object.keys(catalog.userFiles).length ? { userFiles: catalog.userFiles } : {}),
    },
    summary,
    exitCode: summary.invalid > 0 ? 2 : summary.failed > 0 ? 1 : 0,
    adrs,
  };
}

function invalidAdr(file: string, diagnostics: Diagnostic[], extra: Partial<AdrReport> = {}): AdrReport {
  return { file, ...extra, outcome: "invalid", decisions: [], diagnostics };
}

/** readSource on the absolute path, with messages naming the path as shown; refused when it leads outside `root`. */
function readAs(shown: string, abs: string, root: string | undefined): SourceText {
  if (root !== undefined) insideRoot(root, abs, shown);
  return readSourceAs(abs, shown);
}

function checkAdr(file: string, cwd: string, catalog: Catalog, profiles: Map<string, Loaded>, root: string | undefined): AdrReport {
  const abs = resolve(cwd, file);
  let adr;
  try {
    adr = parseAdr(readAs(file, abs, root));
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
  const decisions = adr.blocks.map((b) => checkBlock(b, file, abs, cwd, catalog, profiles, root));
  const worst = (["invalid", "failed", "warned", "passed"] as const).find((o) => decisions.some((d) => d.outcome === o)) ?? "passed";
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

function checkBlock(block: AdrBlock, file: string, abs: string, cwd: string, catalog: Catalog, profiles: Map<string, Loaded>, root: string | undefined): DecisionReport {
  if (!("src" in block)) return invalidDecision(block.line, block.col, block.problems);
  const { src, base } = block;
  const value = valueAt(src.value, base);
  if (!isPlainObject(value)) {
    const what = value === undefined || value === null ? "empty" : Array.isArray(value) ? "a list" : show(value);
    return invalidDecision(block.line, block.col, [
      { file, line: block.line, col: block.col, message: `the stream-advisor block is ${what}`, expected: "a mapping with `profile` and `chosen` (and optionally `margin`)" },
    ]);
  }
  const at = locator(src, base);
  const hasChosen = keyNodeAt(src, base, "chosen") !== undefined;
  const where = hasChosen ? at(["chosen"]) : { line: block.line, col: block.col };
  let data: z.output<typeof blockSchema>;
  try {
    data = validateYaml(blockSchema, src, base);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const chosen = typeof value.chosen === "string" ? { chosen: value.chosen } : {};
    return invalidDecision(where.line, where.col, e.diagnostics, chosen);
  }
  const margin = data.margin ?? DEFAULT_MARGIN;
  const written = typeof data.profile === "string" ? data.profile : "inline";
  const common = { chosen: data.chosen, margin, profile: written };
  if (!Number.isFinite(margin) || margin < 0 || margin > 100) {
    return invalidDecision(where.line, where.col, [{ file, ...at(["margin"]), message: `margin ${margin} is out of range`, expected: "a number of points from 0 to 100" }], common);
  }

  let loaded: Loaded;
  if (typeof data.profile === "string") {
    loaded = loadProfileFile(data.profile, dirname(abs), cwd, catalog, profiles, root);
    if (!loaded.ok) {
      const pos = at(["profile"]);
      const diagnostics = loaded.error.diagnostics.map((d) =>
        d.line === undefined
          ? { file, ...pos, message: `the profile '${data.profile}' cannot be read (${d.file}: ${d.message})`, expected: "a profile file path relative to the ADR, or an inline profile mapping" }
          : d,
      );
      return invalidDecision(where.line, where.col, diagnostics, common);
    }
  } else {
    try {
      const ref = { src, base: [...base, "profile"] };
      const profile = loadProfile(src, ref.base);
      loaded = { ok: true, file, profile, ref, result: evaluateRanking(profile, catalog) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return invalidDecision(where.line, where.col, e.diagnostics, common);
    }
  }

  const { ref, result } = loaded;
  const j = judge({ result, chosen: data.chosen, margin, valueOf: (req) => valueOf(result, ref, req) });
  return {
    line: where.line,
    col: where.col,
    outcome: j.outcome,
    check: j.check,
    headline: j.headline,
    message: j.message,
    ...common,
    profileFile: loaded.file,
    recommendation: { kind: result.recommendation.kind, engine: result.recommendation.engine },
    ...(j.chosenEngine ? { chosenEngine: j.chosenEngine } : {}),
    ...(j.best ? { best: j.best } : {}),
    ...(j.gap !== undefined ? { gap: j.gap } : {}),
    ...(j.suggestion ? { suggestion: j.suggestion } : {}),
    deciding: j.deciding,
    diagnostics: [],
  };
}

/** A profile file, loaded and scored once per absolute path however many ADRs share it. */
function loadProfileFile(written: string, adrDir: string, cwd: string, catalog: Catalog, profiles: Map<string, Loaded>, root: string | undefined): Loaded {
  const abs = resolve(adrDir, written);
  const cached = profiles.get(abs);
  if (cached) return cached;
  const file = displayPath(abs, cwd);
  let loaded: Loaded;
  try {
    const src = parseYaml(readAs(file, abs, root));
    const profile = loadProfile(src);
    loaded = { ok: true, file, profile, ref: { src, base: [] }, result: evaluateRanking(profile, catalog) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    loaded = { ok: false, error: e };
  }
  profiles.set(abs, loaded);
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
