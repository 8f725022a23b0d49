// From a parsed YAML document to a validated, normalized profile, or to a list
// of located diagnostics (every problem at once, each with file:line:col).

import { type Diagnostic, InputError } from "../diagnostics.js";
import type { Path, YamlSource } from "../io/yaml.js";
import { LIMITS } from "../limits.js";
import { fieldName, locator, sortDiagnostics, validateYaml, valueAt } from "../validate.js";
import {
  type Duration,
  DURATION_EXPECTED,
  durationProblem,
  parseDuration,
  parseRate,
  type Rate,
  RATE_EXPECTED,
  rateProblem,
} from "../units.js";
import {
  type Cloud,
  type ConnectorKind,
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

  const data = validateYaml(profileSchema, src, base);
  const profile = normalize(data, src.file, (path, d) => diagnostics.push({ file: src.file, ...at(path), ...d }));
  if (diagnostics.length === 0) return profile;
  throw new InputError(sortDiagnostics(diagnostics).slice(0, LIMITS.maxDiagnosticsPerFile));
}

function normalize(p: ProfileInput, file: string, report: (path: Path, d: Omit<Diagnostic, "file">) => void): Profile {
  const duration = (text: string, path: Path): Duration => {
    const d = parseDuration(text);
    if (!d) {
      report(path, { message: `'${text}' is not a valid ${fieldName(path)}`, expected: DURATION_EXPECTED });
      return { text, ms: 1 };
    }
    const problem = durationProblem(d);
    if (problem) report(path, { message: `'${text}' is ${problem}`, expected: "a budget between 1us and a year" });
    return d;
  };
  const rate = (text: string, path: Path): Rate => {
    const r = parseRate(text);
    if (!r) {
      report(path, { message: `'${text}' is not a valid ${fieldName(path)}`, expected: RATE_EXPECTED });
      return { text, perSecond: 1 };
    }
    const problem = rateProblem(r);
    if (problem) report(path, { message: `'${text}' is ${problem}`, expected: "a rate between 1/day and 1000B/s" });
    return r;
  };
  const throughput: Profile["throughput"] =
    typeof p.throughput === "string"
      ? { sustained: rate(p.throughput, ["throughput"]), form: "rate" as const }
      : {
          form: "object" as const,
          sustained: rate(p.throughput.sustained, ["throughput", "sustained"]),
          ...(p.throughput.peak !== undefined ? { peak: rate(p.throughput.peak, ["throughput", "peak"]) } : {}),
        };
  if (throughput.peak && throughput.peak.perSecond < throughput.sustained.perSecond) {
    report(["throughput", "peak"], {
      message: `peak '${throughput.peak.text}' is below sustained '${throughput.sustained.text}'`,
      expected: "a peak at least as high as the sustained rate",
    });
  }
  for (const list of ["processing", "sources", "sinks", "languages"] as const) {
    const items: readonly string[] = p[list] ?? [];
    items.forEach((item, i) => {
      if (items.indexOf(item) !== i) report([list, i], { message: `'${item}' is listed twice in ${list}`, expected: "each entry once" });
    });
  }
  const priorities = Object.fromEntries(REQUIREMENTS.map((r) => [r, p.priorities?.[r] ?? "normal"])) as Record<Requirement, Priority>;
  return {
    file,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    latency: duration(p.latency, ["latency"]),
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
    priorities,
  };
}

/** The rate the engine must absorb: the peak when one is given. */
export function designRate(p: Profile): Rate {
  return p.throughput.peak ?? p.throughput.sustained;
}
