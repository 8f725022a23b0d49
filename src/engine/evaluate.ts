// The advice for a profile: the ranking (score.ts) and the decision
// (decide.ts) put into words, as the result object every formatter renders.

import { capitalize, lowerFirst } from "../text.js";
import type { Catalog } from "../catalog/load.js";
import type { Profile } from "../profile/load.js";
import { formatMessage } from "../rules/index.js";
import { uniqueSources } from "../rules/helpers.js";
import { isReady } from "../catalog/routes.js";
import { burdenOf } from "../rules/running-cost.js";
import { decide, lowestFloor, type Outcome } from "./decide.js";
import { rank, type Scored, VerdictCache } from "./score.js";
import { sensitivity } from "./sensitivity.js";
import { maintenanceJson, maintenanceWords } from "../rules/maintenance.js";
import { type Decisive, type RankedEngine, type Reason, type Recommendation, RESULT_SCHEMA, type Result, profileJson } from "./result.js";

export interface EvaluateOptions {
  /** compute the sensitivity list (default true; `advise check` does not need it) */
  sensitivity?: boolean;
}

export function evaluate(profile: Profile, catalog: Catalog, options: EvaluateOptions = {}): Result {
  const cache = new VerdictCache(catalog);
  const scored = rank(profile, catalog, cache);
  const ranking = scored.map((s, i) => rankedEngine(profile, catalog, s, i + 1));
  const decision = decide(profile, catalog, scored);
  const sens = options.sensitivity === false ? [] : sensitivity(profile, catalog, decision); // replays share a cache of their own for the run (sensitivity.ts replayCache)
  return {
    schema: RESULT_SCHEMA,
    profile: profileJson(profile),
    catalog: {
      asOf: catalog.asOf,
      engines: catalog.engines.map((e) => e.id),
      ...(Object.keys(catalog.userFiles).length ? { userFiles: catalog.userFiles } : {}),
      ...(catalog.extended?.length ? { extended: catalog.extended } : {}),
      ...(catalog.selection ? { selection: catalog.selection } : {}),
    },
    recommendation: recommend(profile, catalog, scored, ranking, decision),
    ranking,
    sensitivity: sens.map(({ path, from, to, winner, summary }) => ({ path, from, to, winner, summary })),
  };
}

/** One scored engine as the result shows it: its score and one reason per rule. */
export function rankedEngine(profile: Profile, catalog: Catalog, s: Scored, rank: number): RankedEngine {
  const userFile = catalog.userFiles[s.engine.id];
  const reasons: Reason[] = s.verdicts.map((v, r) => {
    const rule = s.weighed[r]!.rule;
    const args = Object.fromEntries(Object.entries(v.args).filter(([, x]) => x !== undefined)) as Reason["args"];
    return {
      rule: rule.id,
      impact: s.impacts[r]!,
      message: formatMessage(rule, v.messageId, v.args),
      sources: [...new Set(v.sources.map((x) => x.url))],
      requirement: rule.requirement,
      priority: profile.priorities[rule.requirement],
      fit: Math.round(v.fit * 1000) / 1000,
      unmet: v.unmet,
      ...(v.detail !== undefined ? { detail: v.detail } : {}),
      evidence: uniqueSources(v.sources).map((x) => ({ url: x.url, version: x.version })),
      args,
      ...(userFile ? { catalogFile: userFile } : {}),
    };
  });
  return {
    engine: s.engine.id,
    name: s.engine.name,
    version: s.engine.version,
    rank,
    score: s.score,
    disqualified: s.disqualifiedBy.length > 0,
    disqualifiedBy: s.disqualifiedBy,
    reasons,
    maintenance: maintenanceJson(s.engine),
    ...(userFile ? { catalogFile: userFile } : {}),
  };
}

/**
 * What separates one engine from another: the rules where the winner's
 * contribution is larger, largest difference first (the same comparison
 * --why-not makes). Compared unrounded, so a difference that rounding hides
 * in the shown points (two engines both shown at 100) is still named.
 */
export function decisiveReasons(winner: Scored, other: Scored, winnerShown: RankedEngine, otherShown: RankedEngine): Decisive[] {
  const out: { d: Decisive; gap: number }[] = [];
  winner.weighed.forEach((_, r) => {
    const gap = winner.parts[r]! - other.parts[r]!;
    if (gap <= 1e-9) return;
    const a = winnerShown.reasons[r]!;
    const b = otherShown.reasons[r]!;
    out.push({ d: { rule: a.rule, impact: a.impact, runnerUpImpact: b.impact, message: a.message, runnerUpMessage: b.message }, gap });
  });
  return out.sort((x, y) => y.gap - x.gap || (x.d.rule < y.d.rule ? -1 : 1)).map((x) => x.d);
}

/** How many decisive reasons the summary quotes (the JSON carries them all). */
const QUOTED = 2;

function recommend(profile: Profile, catalog: Catalog, scored: Scored[], ranking: RankedEngine[], decision: Outcome): Recommendation {
  const budget = profile.latency;
  const byId = (id: string | null) => ranking.find((r) => r.engine === id);
  const qualified = ranking.filter((r) => !r.disqualified);
  const marginOf = (a?: RankedEngine, b?: RankedEngine) => (a && b ? a.score - b.score : null);

  if (decision.kind === "custom") {
    const lowest = lowestFloor(catalog);
    const margin = marginOf(qualified[0], qualified[1]);
    // below every floor, or (no engine qualified) the budget is what rules out the in-process libraries
    const why =
      budget.ms < lowest.floor
        ? `is below what any general streaming engine can promise (the lowest floor in the catalogue is ${lowest.text}, ${lowest.e.name})`
        : `${profile.exactlyOnce ? "with exactly-once " : ""}is more than the in-process libraries can promise (${ranking
            .filter((r) => isReady(catalog.engines.find((e) => e.id === r.engine)!.deployment.library.route))
            .map((r) => r.reasons.find((x) => x.unmet && (x.rule === "latency-budget" || x.rule === "exactly-once"))?.message)
            .filter((m): m is string => m !== undefined)
            .join("; ")})`;
    return {
      kind: "custom",
      engine: null,
      summary: `A ${budget.text} p99 budget ${why}; write custom code for the hot path and use an engine only around it.`,
      margin,
      close: margin !== null && margin < catalog.config.closeMargin,
    };
  }
  if (decision.kind === "none") return { kind: "none", engine: null, summary: noneSummary(profile, catalog, ranking), margin: null, close: false };

  const top = byId(decision.engine)!;
  const ties = decision.tiedWith.map((id) => byId(id)!);
  // the runner-up: the best qualified engine that does not tie with the pick
  const second = qualified.find((r) => r !== top && !decision.tiedWith.includes(r.engine));
  const margin = marginOf(top, qualified.find((r) => r !== top));
  const close = margin !== null && margin < catalog.config.closeMargin;
  const scoredOf = (r: RankedEngine) => scored.find((s) => s.engine.id === r.engine)!;
  const decisive = second ? decisiveReasons(scoredOf(top), scoredOf(second), top, second) : [];
  const tiedWith = ties.length ? { tiedWith: ties.map((r) => r.engine) } : {};
  // an engine that is not actively maintained is never recommended silently
  const status = (r: RankedEngine) => (maintenanceWords(r.maintenance) ? `${maintenanceWords(r.maintenance)}; ` : "");
  const named = (r: RankedEngine) => (maintenanceWords(r.maintenance) ? `${r.name} (${maintenanceWords(r.maintenance)})` : r.name);
  const strip = (r: RankedEngine, m: string) => lowerFirst(m.replace(new RegExp(`^${escapeRe(r.name)} `), ""));

  // what the pick is, with its score and lead, and why it beats the runner-up
  let head: string;
  let because: string;
  if (ties.length) {
    head = decision.kind === "periodic-batch" ? `${[top, ...ties].map(named).join(" or ")} (they tie at ${top.score}/100` : `${listNames([top, ...ties].map(named))} tie at ${top.score}/100`;
    because = `${whyTied([top, ...ties])}; ${unsaid(profile)}${decision.kind === "periodic-batch" ? ")" : ""}`;
  } else if (!second) {
    const strengths = top.reasons.filter((r) => r.impact > 0).sort((x, y) => y.impact - x.impact).slice(0, QUOTED);
    head = `${top.name} (${status(top)}score ${top.score}/100, the only engine that meets every must)`;
    because = strengths.map((r) => strip(top, r.message)).join("; ");
  } else {
    const lead = margin === 0 ? `level with ${second.name} on points, ahead on ${Math.abs(scoredOf(top).raw - scoredOf(second).raw) > 1e-9 ? "the unrounded score" : "what it costs to run"}` : `${margin} point${margin === 1 ? "" : "s"} ahead of ${second.name}${close ? ", a close call" : ""}`;
    head = `${top.name} (${status(top)}score ${top.score}/100, ${lead})`;
    // a reason whose words are the same for both engines tells the reader nothing: quote those that differ
    const differing = decisive.filter((d) => strip(top, d.message) !== strip(second, d.runnerUpMessage));
    const quoted = differing.length ? differing : decisive;
    const contrast = (d: Decisive) => (strip(top, d.message) === strip(second, d.runnerUpMessage) ? `${strip(top, d.message)}, as does ${second.name}, which the catalogue grades lower there` : `${strip(top, d.message)}, where ${second.name} ${strip(second, d.runnerUpMessage)}`);
    because = quoted.length ? quoted.slice(0, QUOTED).map(contrast).join("; ") : runningCostWords(profile, catalog, top, second);
  }
  const said = because ? `${head}: ${because}` : head;
  const summary =
    decision.kind === "periodic-batch"
      ? `A ${budget.text} budget is long enough for scheduled batch jobs rather than a long-running stream; write them in ${said}.`
      : `${ties.length ? said : said.replace(/^(.*?) \(score/, "$1 fits best (score")}.`;
  return { kind: decision.kind, engine: top.engine, summary, ...tiedWith, ...(decisive.length ? { decisive } : {}), margin, close };
}

/** When two engines score alike, what the running-cost tie-break saw. */
function runningCostWords(profile: Profile, catalog: Catalog, top: RankedEngine, second: RankedEngine): string {
  const of = (id: string) => burdenOf(profile, catalog.engines.find((e) => e.id === id)!).counted.map((o) => o.what);
  const mine = of(top.engine);
  const theirs = of(second.engine);
  return `${second.name} would add ${theirs.join(" and ") || "nothing"} to run, ${top.name} ${mine.join(" and ") || "nothing"}`;
}

function noneSummary(profile: Profile, catalog: Catalog, ranking: RankedEngine[]): string {
  const musts = (Object.keys(profile.priorities) as (keyof Profile["priorities"])[]).filter((k) => profile.priorities[k] === "must");
  const broken = new Map<string, string[]>();
  for (const r of ranking) for (const rule of r.disqualifiedBy) broken.set(rule, [...(broken.get(rule) ?? []), r.name]);
  const conflicts = [...broken.entries()].map(([rule, names]) => `${rule} rules out ${names.join(", ")}`).join("; ");
  const relax = musts
    .map((m) => {
      const relaxed: Profile = { ...profile, priorities: { ...profile.priorities, [m]: "high" } };
      const winner = rank(relaxed, catalog).find((r) => r.disqualifiedBy.length === 0);
      return winner ? `relaxing ${m} from must to high would make ${winner.engine.name} the pick (score ${winner.score})` : undefined;
    })
    .filter((x): x is string => x !== undefined);
  const options = relax.length ? ` ${capitalize(relax.join("; "))}.` : " No single must relaxed is enough; relax two or more.";
  return `No engine meets every must: ${conflicts}.${options}`;
}

/** Why engines tie: the same grade on every rule, or strengths that offset; and what would separate them. */
function whyTied(ties: RankedEngine[]): string {
  const [a, b] = ties as [RankedEngine, RankedEngine];
  const fitOf = (r: RankedEngine, rule: string) => r.reasons.find((x) => x.rule === rule)?.fit;
  const aBetter = a.reasons.filter((x) => x.fit > (fitOf(b, x.rule) ?? x.fit)).map((x) => x.rule);
  const bBetter = b.reasons.filter((x) => x.fit > (fitOf(a, x.rule) ?? x.fit)).map((x) => x.rule);
  if (ties.length === 2 && (aBetter.length || bBetter.length)) {
    return `their differences offset (${a.name} is stronger on ${aBetter.join(", ") || "nothing"}, ${b.name} on ${bBetter.join(", ") || "nothing"})`;
  }
  const alike = ties.every((t) => t.reasons.every((x) => x.fit === fitOf(a, x.rule)));
  return alike ? "on every rule this profile asks about, the catalogue grades them alike" : "their strengths and weaknesses offset";
}

/** What the profile leaves open, to suggest when engines tie. */
function unsaid(p: Profile): string {
  const open = [
    p.processing.length ? "" : "processing",
    p.unit === "either" ? "unit" : "",
    p.deployment === "either" ? "deployment" : "",
    p.sources.length ? "" : "sources",
    p.sinks.length ? "" : "sinks",
    p.languages.length ? "" : "languages",
  ].filter(Boolean);
  return open.length ? `saying more about ${open.join(", ")} would decide between them` : "weigh the facts behind the reasons (advise engines ID) or add a requirement that separates them";
}

function listNames(names: string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

