// The advice result (shared/spec/result-v1.md): plain data that every
// formatter renders and that `--format json` prints as it is.

import type { Profile } from "../profile/load.js";
import type { Priority, Requirement } from "../profile/fields.js";

export const RESULT_SCHEMA = "stream-advisor/result@1";

export interface Evidence {
  url: string;
  /** the engine version or date the fact holds for */
  version: string;
}

export interface Reason {
  /** stable rule id (docs/rules.md#<rule>) */
  rule: string;
  /** signed points this rule added to or took from the engine's score (which starts at 50) */
  impact: number;
  message: string;
  sources: string[];
  /** the profile field the rule read, and its priority there */
  requirement: Requirement;
  priority: Priority;
  /** 0..1: how well the engine meets this requirement */
  fit: number;
  /** the engine does not meet the requirement production-ready (not at all, or only in a limited form, as a preview, through another system, third-party or own code): a `must` it disqualifies */
  unmet: boolean;
  /** the catalogue's note behind the verdict */
  detail?: string;
  /** every source with the version or date it holds for */
  evidence: Evidence[];
  /** the values compared, for scripts */
  args: Record<string, string | number | boolean | readonly string[]>;
  /** the catalogue file, when the fact came from a user's catalogue */
  catalogFile?: string;
}

export interface RankedEngine {
  engine: string;
  name: string;
  /** the engine release its descriptor describes */
  version: string;
  rank: number;
  score: number;
  disqualified: boolean;
  /** the rule ids of the musts it breaks */
  disqualifiedBy: string[];
  reasons: Reason[];
  /** the user catalogue file this engine's descriptor came from (absent for the shipped catalogue) */
  catalogFile?: string;
}

export type RecommendationKind = "engine" | "periodic-batch" | "custom" | "none";

export interface Recommendation {
  kind: RecommendationKind;
  engine: string | null;
  summary: string;
  /** points between the first and the second qualified engine (null with fewer than two) */
  margin: number | null;
  /** the lead is smaller than rules.yaml closeMargin */
  close: boolean;
  /** the other engines that tie exactly with `engine` after every tie-break (absent when there is no tie): the id orders the listing, it never makes the pick */
  tiedWith?: string[];
  /** the reasons that separate `engine` from the runner-up, largest difference first (absent when nothing separates them on points) */
  decisive?: Decisive[];
}

/** One rule on which the pick and the runner-up differ. */
export interface Decisive {
  rule: string;
  /** the pick's points on this rule */
  impact: number;
  /** the runner-up's points on this rule */
  runnerUpImpact: number;
  message: string;
  runnerUpMessage: string;
}

export interface SensitivityJson {
  path: string[];
  from: string | number | boolean | string[] | null;
  to: string | number | boolean | string[];
  winner: string;
  summary: string;
}

export interface Result {
  schema: typeof RESULT_SCHEMA;
  profile: ProfileJson;
  catalog: {
    asOf: string;
    engines: string[];
    userFiles?: Record<string, string>;
    /** the ids among `engines` that come from the shipped extended catalogue (only with --engines) */
    extended?: string[];
    /** the --engines (or config `engines:`) selection as given (absent for the default set) */
    selection?: string[];
  };
  recommendation: Recommendation;
  ranking: RankedEngine[];
  /** the smallest single profile changes that change the top pick or the kind (docs/result.md) */
  sensitivity: SensitivityJson[];
  /** with --why-not ENGINE: why that engine lost and what would make it win */
  whyNot?: WhyNot;
  /** present when the default engines give `none` or a weak fit and extended engines would meet every must (docs/result.md#beyond) */
  beyond?: Beyond;
}

/** Extended engines that would do better than the default set (`advise PROFILE --engines extended`). */
export interface Beyond {
  /** `none`: no default engine meets every must; `weak-fit`: the top pick scores under `weakFitBelow` */
  reason: "none" | "weak-fit";
  /** the threshold (rules.yaml beyond.weakFitBelow), with reason weak-fit */
  weakFitBelow?: number;
  /** the extended engines that meet every must (and, for weak-fit, rank ahead of the pick), best first, with their score and rank among all engines */
  engines: { engine: string; name: string; score: number; rank: number }[];
  /** the command that ranks them with the rest */
  command: string;
  /** the line the reports print */
  summary: string;
}

export type ProfileJson = ReturnType<typeof profileJson>;

/** The normalized profile as it appears in the result: users' spellings kept beside the numbers. */
export function profileJson(p: Profile) {
  return {
    file: p.file,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    latency: { text: p.latency.text, ms: p.latency.ms },
    throughput: {
      ...(p.throughput.form ? { form: p.throughput.form } : {}),
      sustained: { text: p.throughput.sustained.text, perSecond: p.throughput.sustained.perSecond },
      ...(p.throughput.peak ? { peak: { text: p.throughput.peak.text, perSecond: p.throughput.peak.perSecond } } : {}),
    },
    processing: p.processing,
    unit: p.unit,
    deployment: p.deployment,
    sources: p.sources,
    sinks: p.sinks,
    languages: p.languages,
    eventTime: p.eventTime,
    exactlyOnce: p.exactlyOnce,
    state: p.state,
    batch: p.batch,
    cloud: p.cloud,
    license: p.license,
    portable: p.portable,
    serving: p.serving,
    consistency: p.consistency,
    operations: p.operations,
    platforms: p.platforms,
    priorities: p.priorities,
  };
}

export interface WhyNot {
  engine: string;
  name: string;
  rank: number;
  score: number;
  /** the engine that is the answer now (null for custom/none) */
  winner: string | null;
  /** points behind the winner */
  behind: number | null;
  disqualifiedBy: string[];
  /** per rule: this engine's impact, the winner's, and the gap; largest gap first */
  reasons: { rule: string; impact: number; winnerImpact: number | null; gap: number; message: string; sources: string[] }[];
  /** changes that would make this engine the answer, smallest first */
  changes: { path: string[]; from: unknown; to: unknown; winner: string; summary: string }[];
}
