import { parseDuration } from "../units.js";
import { conditionKey, holds, names } from "../catalog/conditions.js";
import type { Engine, Source } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import { type Rule, type RuleContext, routeWords } from "./types.js";

/** The engine's latency floor and typical value in ms, raised by its exactly-once floor when the profile needs exactly-once. */
export function engineLatency(engine: Engine, exactlyOnce: boolean): { floor: number; typical: number; raisedByExactlyOnce: boolean } {
  const floor = parseDuration(engine.latency.floor)!.ms;
  const typical = parseDuration(engine.latency.typical)!.ms;
  const eo = engine.latency.exactlyOnceFloor !== undefined ? parseDuration(engine.latency.exactlyOnceFloor)!.ms : 0;
  if (exactlyOnce && eo > floor) return { floor: eo, typical: Math.max(typical, eo), raisedByExactlyOnce: true };
  return { floor, typical, raisedByExactlyOnce: false };
}

/** Every floor an engine has, in any mode and under any condition, in ms (for the custom tier and sensitivity analysis). */
export function allLatencies(engine: Engine): { floor: number; typical: number }[] {
  return [engine.latency, ...(engine.latency.variants ?? [])].map((l) => ({ floor: parseDuration(l.floor)!.ms, typical: parseDuration(l.typical)!.ms }));
}

/** How well a floor and typical latency meet a budget (the scoring below), with the message it selects. */
function latencyFit(budget: number, floor: number, typical: number): { fit: number; messageId: "meets" | "tuned" | "below" } {
  if (budget >= typical) return { fit: 0.9 + 0.1 * Math.min(1, Math.log(budget / typical) / Math.LN10), messageId: "meets" };
  if (budget >= floor) return { fit: typical > floor ? 0.5 + (0.4 * Math.log(budget / floor)) / Math.log(typical / floor) : 0.9, messageId: "tuned" };
  return { fit: 0, messageId: "below" };
}

/** The slowest delivery delay among the profile's sources (rules.yaml latency.sourceDelay), in ms, with what it is. */
export function sourceDelay(profile: Profile, config: RuleContext["config"]): { ms: number; kind?: string; text?: string; sources: Source[] } {
  let worst: { ms: number; kind?: string; text?: string; sources: Source[] } = { ms: 0, sources: [] };
  for (const k of profile.sources) {
    const d = config.latency.sourceDelay?.[k];
    if (d && parseDuration(d.delay)!.ms > worst.ms) worst = { ms: parseDuration(d.delay)!.ms, kind: k, text: d.delay, sources: d.sources };
  }
  return worst;
}

export const latencyBudget: Rule = {
  example: "version: 1\nlatency: 50ms\nthroughput: 10k/s\n",
  id: "latency-budget",
  description: "The end-to-end p99 budget against the lowest latency the engine can credibly promise (its floor) and what it gives with defaults (its typical latency).",
  requirement: "latency",
  reads: ["latency.floor", "latency.typical", "batch"],
  scoring:
    "Below the engine's floor it cannot meet the budget (unmet: disqualified when latency is a must). From the floor to the typical latency the fit rises on a log scale from 0.5 to 0.9 (it can, when tuned); from the typical latency to ten times it, from 0.9 to 1 (headroom: an engine with room to spare scores above one that just meets the budget). At or above rules.yaml latency.periodicBatchAt the budget suits scheduled batch jobs: the fit is 0.5 plus half the value of the engine's batch route. Exactly-once costs are judged by the exactly-once rule, not here.",
  messages: {
    batch: "a {budget} budget suits scheduled batch jobs; {engine} runs bounded batch jobs {how}",
    meets: "{engine} meets the {budget} budget{left}{mode} with default settings (typically {typical})",
    tuned: "{engine} can meet {budget}{left}{mode} only when tuned (floor {floor}, default {typical})",
    below: "{budget}{left} is below the {floor} floor of {engine}",
  },
  applies: () => true,
  key: (p, ctx) => `${p.latency.ms}|${p.sources.join(",")}|${conditionKey(p, ctx)}`,
  evaluate(profile: Profile, engine: Engine, ctx) {
    // a source's own delivery delay comes off the budget before the engine sees a record
    const delay = sourceDelay(profile, ctx.config);
    const budget = profile.latency.ms - delay.ms;
    // what is left of the budget once the source has delivered, said once after the budget
    const left = delay.kind ? ` (${formatMs(Math.max(budget, 0))} left after ${delay.text} for ${delay.kind} to deliver)` : "";
    const base = { budget: profile.latency.text, left, mode: "", engine: engine.name, floor: engine.latency.floor, typical: engine.latency.typical, condition: "" };
    const periodic = parseDuration(ctx.config.latency.periodicBatchAt)!.ms;
    if (profile.latency.ms >= periodic) {
      const route = engine.batch.route;
      return { fit: 0.5 + ctx.value(route) / 2, unmet: false, messageId: "batch", args: { ...base, route, how: isReady(route) ? `(${routeWords(route)})` : routeWords(route, engine.batch.needs) }, detail: engine.batch.note, sources: [...engine.latency.sources, ...engine.batch.sources] };
    }
    // The engine's own latency, or a lower one that holds only under conditions (a
    // low-latency mode that reads some sources or runs some operations): the best that
    // holds for this profile. A better one that does not hold is named, with why.
    type Mode = { name?: string; floor: string; typical: string; note: string; sources: Source[]; condition: string; fit: number; messageId: "meets" | "tuned" | "below" };
    const modeOf = (l: { floor: string; typical: string; note: string; sources: Source[] }, name: string | undefined, condition: string): Mode => ({
      ...(name !== undefined ? { name } : {}),
      floor: l.floor,
      typical: l.typical,
      note: l.note,
      sources: l.sources,
      condition,
      ...latencyFit(Math.max(budget, 0), parseDuration(l.floor)!.ms, parseDuration(l.typical)!.ms),
    });
    let best = modeOf(engine.latency, undefined, "");
    let missedMode: Mode | undefined;
    for (const v of engine.latency.variants ?? []) {
      const h = holds(v.when, profile, engine.id, v.name);
      // a mode that holds is named where the budget is met ("in Real-time Mode"); one that would do better but does not hold, after the reason
      const m = modeOf(v, v.name, h.holds ? ` in ${v.name}${h.distribution ? (names(v.name, h.distribution) ? " (a proprietary distribution)" : `, only in ${h.distribution} (a proprietary distribution)`) : ""}` : ` (${v.name}, floor ${v.floor}, would do better, but ${h.unmet.join("; ")})`);
      if (h.holds && m.fit > best.fit) best = m;
      else if (!h.holds && m.fit > (missedMode?.fit ?? -1)) missedMode = m;
    }
    const args = { ...base, floor: best.floor, typical: best.typical, mode: best.condition, condition: best.condition ? "" : missedMode && missedMode.fit > best.fit ? missedMode.condition : "" };
    const sources = [...(missedMode && missedMode.fit > best.fit && !best.condition ? [...best.sources, ...missedMode.sources] : best.sources), ...delay.sources];
    return { fit: best.fit, unmet: best.messageId === "below", messageId: best.messageId, args, detail: best.note, sources };
  },
};

/** A duration in ms in the units a user writes: 10ms, 1.5s, 500us. */
function formatMs(ms: number): string {
  const round = (x: number) => String(Math.round(x * 100) / 100);
  if (ms >= 1000) return `${round(ms / 1000)}s`;
  if (ms >= 1 || ms === 0) return `${round(ms)}ms`;
  return `${round(ms * 1000)}us`;
}
