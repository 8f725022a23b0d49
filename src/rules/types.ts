// What a rule is: metadata apart from behaviour (id, the profile field it reads,
// the catalogue facts it compares, message templates) and a pure evaluate.

import type { Engine, Route, RulesConfig, Source } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import type { Requirement } from "../profile/fields.js";

export type Arg = string | number | boolean | readonly string[];

/** One rule's verdict on one engine, as data; words are made later by formatMessage. */
export interface Verdict {
  /** 0 (cannot meet it) .. 1 (meets it fully) */
  fit: number;
  /** the engine does not meet the requirement production-ready (no route, or only a limited, preview, external, third-party or own-code one): disqualifies under `must` */
  unmet: boolean;
  /** key into the rule's messages */
  messageId: string;
  /** the values compared: the user's own spelling, and the engine's facts */
  args: Record<string, Arg | undefined>;
  /** the catalogue note behind the verdict, shown as the detail */
  detail?: string;
  sources: Source[];
}

export interface RuleContext {
  config: RulesConfig;
  /** value of a route, from rules.yaml `routes` */
  value(r: Route): number;
  /** every condition's `latencyBelow` in the catalogue, in ms, ascending: what a budget can change in a condition (conditionKey) */
  latencyBelow?: readonly number[];
  /**
   * false when judging only engines none of whose facts hold under conditions:
   * then conditionKey leaves the condition inputs out of a rule's key (a rule
   * reads them only through its facts' variants)
   */
  conditions?: boolean;
}

export interface Rule {
  id: string;
  /** one line: what it checks */
  description: string;
  /** the profile field it reads; also its key in `priorities` */
  requirement: Requirement;
  /** the catalogue fields it compares */
  reads: readonly string[];
  /** how it scores, in words (for `advise explain` and docs/rules.md) */
  scoring: string;
  /** a profile (YAML) in which this rule decides the outcome: without it, the answer changes (tested) */
  example: string;
  /** the engines the example is ranked among, when the five cannot show it (every core engine is maintained) */
  exampleEngines?: "extended";
  /** message templates; {name} is replaced by args[name] */
  messages: Record<string, string>;
  /**
   * The profile inputs the verdict depends on, as a string: equal keys give
   * equal verdicts for the same engine (a property test holds every rule to
   * this). Sensitivity analysis memoises verdicts by it.
   */
  key(profile: Profile, ctx: RuleContext): string;
  /** whether the profile asks for anything this rule judges */
  applies(profile: Profile): boolean;
  evaluate(profile: Profile, engine: Engine, ctx: RuleContext): Verdict;
}

/** The message a route selects: `full` for production-ready routes, `none` for none, `partial` for the rest. */
export function routeClass(r: Route): "full" | "partial" | "none" {
  return isReady(r) ? "full" : r === "none" ? "none" : "partial";
}

/** Words after a production-ready capability that needs configuring (" (once configured)"), else nothing. */
export function configuredNote(r: Route): string {
  return r === "configured" ? " (once configured)" : "";
}

/** How a capability is reached, in words that fit after a verb ("reads from kafka only through a Kafka Connect cluster"). */
export function routeWords(r: Route, needs?: string): string {
  switch (r) {
    case "builtin":
      return "built in";
    case "configured":
      return "built in, once configured";
    case "limited":
      return "only in a limited form";
    case "preview":
      return "only as a preview";
    case "external":
      return `only through ${needs ?? "another system the team must run"}`;
    case "third-party":
      return "only through third-party code";
    case "own-code":
      return "only with code the team writes itself";
    case "none":
      return "not at all";
  }
}
