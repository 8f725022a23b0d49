// Facts that hold only under conditions (docs/catalog-format.md#conditions):
// whether a variant's `when` holds for a profile, and the value of a fact
// that holds for it. Pure; rules call these, so a reason can name the
// condition that decided it.

import type { Profile } from "../profile/load.js";
import type { Engine, Fact, Route, Source } from "./schema.js";
import { conditionSchema } from "./schema.js";
import { parseDuration } from "../units.js";

export type Condition = import("zod/mini").output<typeof conditionSchema>;

export interface Held {
  holds: boolean;
  /** what the condition asks that the profile does not meet, in words ("reads kafka only, not kinesis") */
  unmet: string[];
  /** the proprietary distribution the value exists in, when it holds only there */
  distribution?: string;
}

const notAmong = (named: readonly string[], allowed: readonly string[] | undefined) => (allowed ? named.filter((x) => !allowed.includes(x)) : []);

/** A distribution's name as a platform id: "the Databricks Runtime" -> "databricks-runtime", and its first word ("databricks") is accepted too (vendorId). */
function vendorId(distribution: string): string {
  return distribution.replace(/^the /i, "").split(/\s+/)[0]!.toLowerCase();
}

/** Whether `when` holds for the profile, and what of it does not. `platform`: the engine's id (a distribution holds where the team runs the engine). */
export function holds(when: Condition, profile: Profile, platform?: string, name?: string): Held {
  const unmet: string[] = [];
  const src = notAmong(profile.sources, when.sources);
  if (src.length) unmet.push(`it reads only ${when.sources!.join(", ")}, not ${src.join(", ")}`);
  const snk = notAmong(profile.sinks, when.sinks);
  if (snk.length) unmet.push(`it writes only to ${when.sinks!.join(", ")}, not ${snk.join(", ")}`);
  const ops = notAmong(profile.operations, when.operations);
  if (ops.length) unmet.push(`it runs ${when.operations!.length ? `only ${when.operations!.join(", ")}` : "no stateful operation"}, not ${ops.join(", ")}`);
  if (when.exactlyOnce === false && profile.exactlyOnce) unmet.push("it does not give exactly-once results");
  if (when.latencyBelow !== undefined && profile.latency.ms >= parseDuration(when.latencyBelow)!.ms) unmet.push(`a team turns it on only for budgets under ${when.latencyBelow}, not ${profile.latency.text}`);
  if (when.distribution !== undefined) {
    // a vendor's proprietary distribution is a product the team buys: never under license: open-source,
    // and assumed only where the team already runs the engine (platforms names it, or the vendor)
    // a variant named after its distribution ("Real-time Mode in the Databricks Runtime") is not told where it exists twice
    const where = names(name, when.distribution) ? "a proprietary distribution" : `${when.distribution}, a proprietary distribution`;
    if (profile.license === "open-source") unmet.push(`it exists only in ${where}, not under license: open-source`);
    else if (!platform || !(profile.platforms.includes(platform) || profile.platforms.includes(vendorId(when.distribution))))
      unmet.push(`it exists only in ${where} that the profile's platforms do not name`);
  }
  return { holds: unmet.length === 0, unmet, ...(when.distribution !== undefined ? { distribution: when.distribution } : {}) };
}

/**
 * The profile inputs any condition can read: rules that resolve variants add it
 * to their key. The budget matters to a condition only through `latencyBelow`,
 * so with the catalogue's thresholds (`latencyBelow` in the rule context) it is
 * keyed by how many of them it reaches, not by its value: replays of other
 * budgets then judge these rules again only where a condition changes.
 */
export function conditionKey(p: Profile, ctx?: { latencyBelow?: readonly number[]; conditions?: boolean }): string {
  // for engines none of whose facts hold under conditions, nothing of it matters (VerdictCache)
  if (ctx?.conditions === false) return "";
  // remembered per profile object and thresholds: a scoring asks it once for each rule
  const known = conditionKeys.get(p);
  if (known && known.at === ctx?.latencyBelow) return known.key;
  const budget = ctx?.latencyBelow ? ctx.latencyBelow.filter((t) => p.latency.ms >= t).length : p.latency.ms;
  const key = `${p.sources.join(",")}|${p.sinks.join(",")}|${p.operations.join(",")}|${p.exactlyOnce}|${p.license}|${p.platforms.join(",")}|${budget}`;
  conditionKeys.set(p, { at: ctx?.latencyBelow, key });
  return key;
}

const conditionKeys = new WeakMap<Profile, { at: readonly number[] | undefined; key: string }>();


/** What of an engine's facts holds under conditions: whether any fact has variants, and every `latencyBelow` of their conditions, in ms. */
interface Conditional {
  variants: boolean;
  latencyBelow: number[];
}

const conditionalOf = new WeakMap<Engine, Conditional>();

/** Found once per engine (a run's catalogues share engine objects): one walk of the descriptor. */
function conditional(engine: Engine): Conditional {
  let found = conditionalOf.get(engine);
  if (!found) {
    const c: Conditional = { variants: false, latencyBelow: [] };
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) {
        for (const v of x) walk(v);
      } else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        for (const k in o) {
          const v = o[k];
          if (k === "variants") c.variants = true;
          if (k === "latencyBelow" && typeof v === "string") c.latencyBelow.push(parseDuration(v)!.ms);
          else if (v && typeof v === "object") walk(v);
        }
      }
    };
    walk(engine);
    conditionalOf.set(engine, (found = c));
  }
  return found;
}

/** Whether any fact of the engine holds under conditions (has variants): only then can a condition's inputs change its verdicts. */
export function hasConditions(engine: Engine): boolean {
  return conditional(engine).variants;
}

const thresholds = new WeakMap<readonly Engine[], number[]>();

/** Every `latencyBelow` of a condition anywhere among the engines, in ms, ascending (remembered per engine list). */
export function latencyThresholds(engines: readonly Engine[]): number[] {
  let found = thresholds.get(engines);
  if (!found) thresholds.set(engines, (found = [...new Set(engines.flatMap((e) => conditional(e).latencyBelow))].sort((a, b) => a - b)));
  return found;
}

/** A fact's value for one profile: its own, or a better variant's that holds. */
export interface Resolved {
  route: Route;
  needs?: string | undefined;
  note: string;
  sources: Source[];
  /** words after the reason: under which condition the value holds, or why a better one does not */
  condition: string;
}

/** Whether a variant's name already says which distribution it is in ("Real-time Mode in the Databricks Runtime", "Databricks Runtime"). */
export function names(name: string | undefined, distribution: string): boolean {
  return name !== undefined && name.toLowerCase().includes(distribution.replace(/^the /i, "").toLowerCase());
}

/** The words for a variant that holds only in a vendor's distribution. */
export function onlyIn(name: string | undefined, distribution: string): string {
  // after the reason, which may end in "(once configured)": no second parenthesis right after it
  if (names(name, distribution)) return ` with ${name} (a proprietary distribution)`;
  return name ? ` with ${name}, only in ${distribution} (a proprietary distribution)` : ` (only in ${distribution}, a proprietary distribution)`;
}

/** The words for a better variant that does not hold. */
export function missed(name: string | undefined, unmet: string[]): string {
  return ` (${name ?? "a better variant"} would do more, but ${unmet.join("; ")})`;
}

/**
 * The value of a fact for the profile: the fact's own value, or the best
 * variant that holds (by route value). When a better variant does not hold,
 * `condition` says why; when the value holds only in a vendor's distribution,
 * it says so.
 */
export function resolveFact(fact: Pick<Fact, "route" | "needs" | "note" | "sources" | "variants">, profile: Profile, value: (r: Route) => number, platform?: string): Resolved {
  let best: Resolved = { route: fact.route, needs: fact.needs, note: fact.note, sources: fact.sources, condition: "" };
  let bestMissed: { v: number; words: string; sources: Source[] } | undefined;
  for (const variant of fact.variants ?? []) {
    const h = holds(variant.when, profile, platform, variant.name);
    const v = value(variant.route);
    if (h.holds && v > value(best.route)) {
      best = { route: variant.route, needs: variant.needs, note: variant.note, sources: variant.sources, condition: h.distribution ? onlyIn(variant.name, h.distribution) : "" };
    } else if (!h.holds && v > (bestMissed?.v ?? -1)) {
      bestMissed = { v, words: missed(variant.name, h.unmet), sources: variant.sources };
    }
  }
  if (bestMissed && bestMissed.v > value(best.route) && !best.condition) best = { ...best, condition: bestMissed.words, sources: [...best.sources, ...bestMissed.sources] };
  return best;
}
