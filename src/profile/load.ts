// From a parsed YAML document to a validated, normalized profile, or to a list
// of located diagnostics (every problem at once, each with file:line:col).

import { type Diagnostic, dedupeDiagnostics, InputError } from "../diagnostics.js";
import type { Path, YamlSource } from "../io/yaml.js";
import { LIMITS } from "../limits.js";
import { locator, show, sortDiagnostics, validateYaml, valueAt } from "../validate.js";
import {
  type Duration,
  durationHint,
  DURATION_PATTERN,
  durationProblem,
  parseDuration,
  parseRate,
  type Rate,
  rateHint,
  RATE_PATTERN,
  rateProblem,
  type UnitHint,
} from "../units.js";
import {
  type Cloud,
  type ConnectorKind,
  type Consistency,
  type OperationKind,
  type Serving,
  type DeploymentKind,
  type Language,
  type LicenseNeed,
  type Priority,
  type ProcessingKind,
  REQUIREMENTS,
  type Requirement,
  type StateSize,
  type UnitKind,
} from "./fields.js";
import { type ProfileInput, profileSchema } from "./schema.js";
import { KNOWN_PLATFORMS } from "./fields.js";
import { closest } from "../suggest.js";

export interface Profile {
  /** where it came from, for reports ("profiles/x.yaml", "<stdin>", "docs/adr/0001.md") */
  file: string;
  name?: string;
  description?: string;
  latency: Duration;
  /** form: how the user wrote it (a single rate, or a {sustained, peak} mapping) */
  throughput: { sustained: Rate; peak?: Rate; form?: "rate" | "object" };
  processing: ProcessingKind[];
  unit: UnitKind;
  deployment: DeploymentKind;
  sources: ConnectorKind[];
  sinks: ConnectorKind[];
  languages: Language[];
  eventTime: boolean;
  exactlyOnce: boolean;
  state: StateSize;
  batch: boolean;
  cloud: Cloud;
  license: LicenseNeed;
  portable: boolean;
  serving: Serving;
  consistency: Consistency;
  operations: OperationKind[];
  /** what the organisation already runs (engine ids, kafka, kafka-connect, kubernetes) */
  platforms: string[];
  priorities: Record<Requirement, Priority>;
}

/** Validates the document at `base` (a path inside the YAML, for embedded profiles) as a profile. */
export function loadProfile(src: YamlSource, base: Path = []): Profile {
  const value = valueAt(src.value, base);
  const diagnostics: Diagnostic[] = [];
  const at = locator(src, base);

  if ((value === undefined || value === null) && src.file === "<stdin>" && src.text.trim() === "") {
    throw new InputError([{ file: src.file, message: "standard input is empty", expected: "a profile piped in, e.g. `advise - < profile.yaml`" }]);
  }
  if (value === undefined || value === null) {
    throw new InputError([
      {
        file: src.file,
        ...at([]),
        message: "the profile is empty",
        expected: "a mapping with at least `version: 1`, `latency` and `throughput` (run `advise init` for a starter)",
      },
    ]);
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InputError([
      { file: src.file, ...at([]), message: `the profile is ${Array.isArray(value) ? "a list" : `a ${typeof value}`}`, expected: "a mapping of profile fields, such as `latency: 10ms`" },
    ]);
  }

  // Shape and spelling (zod), then the checks across values (units in range,
  // peak above sustained, no duplicates) on whatever parts are well formed, so
  // that every problem in the file is reported at once.
  let data: ProfileInput | undefined;
  try {
    data = validateYaml(profileSchema, src, base);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    diagnostics.push(...withUnitHints(e.diagnostics, value as Record<string, unknown>));
  }
  valueChecks(value as Record<string, unknown>, (path, d) => diagnostics.push({ file: src.file, ...at(path), ...d }));
  if (diagnostics.length === 0 && data) return normalize(data, src.file);
  throw new InputError(sortDiagnostics(dedupeDiagnostics(diagnostics)).slice(0, LIMITS.maxDiagnosticsPerFile));
}


/** A duration or rate that does not parse gets a did-you-mean when its mistake is a common one (`1m/s`, `10 msec`, `20k`). */
function withUnitHints(ds: Diagnostic[], v: Record<string, unknown>): Diagnostic[] {
  const t = v.throughput;
  const fields: [string, unknown, (x: string | number) => UnitHint | undefined][] = [
    ["latency", v.latency, (x) => (typeof x === "string" ? durationHint(x) : undefined)],
    ["throughput", t, rateHint],
  ];
  if (t && typeof t === "object" && !Array.isArray(t)) {
    const o = t as Record<string, unknown>;
    fields.push(["throughput.sustained", o.sustained, rateHint], ["throughput.peak", o.peak, rateHint]);
  }
  return ds.map((d) => {
    if (d.suggestion !== undefined) return d;
    for (const [field, x, hint] of fields) {
      if ((typeof x !== "string" && typeof x !== "number") || d.message !== `${show(x)} is not a valid ${field}`) continue;
      const h = hint(x);
      if (h) return { ...d, message: h.note ? `${d.message}: ${h.note}` : d.message, suggestion: h.suggestion };
    }
    return d;
  });
}

type Report = (path: Path, d: Omit<Diagnostic, "file">) => void;

const DURATION_RE = new RegExp(DURATION_PATTERN);
const RATE_RE = new RegExp(RATE_PATTERN);

/** Checks that need parsed values, run on the raw document: anything not well formed is zod's to report. */
function valueChecks(v: Record<string, unknown>, report: Report): void {
  if (typeof v.latency === "string" && DURATION_RE.test(v.latency.trim())) {
    const d = parseDuration(v.latency);
    const problem = d ? durationProblem(d) : "is too large a number";
    if (problem) report(["latency"], { message: `'${v.latency}' ${problem}`, expected: "a budget between 1us and a year" });
  }
  const rateAt = (x: unknown, path: Path): Rate | undefined => {
    if (typeof x !== "string" || !RATE_RE.test(x.trim())) return undefined;
    const r = parseRate(x);
    const problem = r ? rateProblem(r) : "is too large a number";
    if (problem) report(path, { message: `'${x}' ${problem}`, expected: "a rate between 1/day and 1000B/s" });
    return r;
  };
  const t = v.throughput;
  if (typeof t === "string") rateAt(t, ["throughput"]);
  else if (t && typeof t === "object" && !Array.isArray(t)) {
    const sustained = rateAt((t as Record<string, unknown>).sustained, ["throughput", "sustained"]);
    const peak = rateAt((t as Record<string, unknown>).peak, ["throughput", "peak"]);
    if (sustained && peak && peak.perSecond < sustained.perSecond) {
      report(["throughput", "peak"], { message: `peak '${peak.text}' is below sustained '${sustained.text}'`, expected: "a peak at least as high as the sustained rate" });
    }
  }
  const platforms = v.platforms;
  if (Array.isArray(platforms)) {
    platforms.forEach((item, i) => {
      if (typeof item !== "string" || (KNOWN_PLATFORMS as readonly string[]).includes(item)) return;
      const guess = closest(item, KNOWN_PLATFORMS);
      if (guess) report(["platforms", i], { message: `'${item}' is not a platform this catalogue knows`, expected: `an engine id, kafka, kafka-connect or kubernetes`, suggestion: guess });
    });
  }
  for (const list of ["processing", "sources", "sinks", "languages", "operations", "platforms"] as const) {
    const items = v[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (typeof item === "string" && items.indexOf(item) !== i) report([list, i], { message: `'${item}' is listed twice in ${list}`, expected: "each entry once" });
    });
  }
}

/** The validated input as a Profile: units parsed (the schema and valueChecks have vouched for them), defaults filled. */
function normalize(p: ProfileInput, file: string): Profile {
  const duration = (text: string): Duration => parseDuration(text)!;
  const rate = (text: string): Rate => parseRate(text)!;
  const throughput: Profile["throughput"] =
    typeof p.throughput === "string"
      ? { sustained: rate(p.throughput), form: "rate" as const }
      : {
          form: "object" as const,
          sustained: rate(p.throughput.sustained),
          ...(p.throughput.peak !== undefined ? { peak: rate(p.throughput.peak) } : {}),
        };
  // The spec's absolute fields are musts unless the profile weighs them lower: the job
  // "must be writable in at least one" of `languages`, and `license: open-source`
  // allows "OSI-approved licences only".
  const hard = (r: Requirement): boolean => (r === "languages" && (p.languages?.length ?? 0) > 0) || (r === "license" && p.license === "open-source");
  const priorities = Object.fromEntries(REQUIREMENTS.map((r) => [r, p.priorities?.[r] ?? (hard(r) ? "must" : "normal")])) as Record<Requirement, Priority>;
  return {
    file,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    latency: duration(p.latency),
    throughput,
    processing: p.processing ?? [],
    unit: p.unit ?? "either",
    deployment: p.deployment ?? "either",
    sources: p.sources ?? [],
    sinks: p.sinks ?? [],
    languages: p.languages ?? [],
    eventTime: p.eventTime ?? false,
    exactlyOnce: p.exactlyOnce ?? false,
    state: p.state ?? "none",
    batch: p.batch ?? false,
    cloud: p.cloud ?? "any",
    license: p.license ?? "any",
    portable: p.portable ?? false,
    serving: p.serving ?? "none",
    consistency: p.consistency ?? "eventual",
    operations: p.operations ?? [],
    platforms: p.platforms ?? [],
    priorities,
  };
}

/** The rate the engine must absorb: the peak when one is given. */
export function designRate(p: Profile): Rate {
  return p.throughput.peak ?? p.throughput.sustained;
}
