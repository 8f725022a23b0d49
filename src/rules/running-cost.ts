// What a team would run and take on besides its own code: a processing
// cluster, a runner underneath, a Connect cluster for non-native endpoints,
// a licence key. Scored for every profile, so that when capabilities tie
// the engine with less to run wins.

import type { Engine, Operation } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import type { Profile } from "../profile/load.js";
import { uniqueSources } from "./helpers.js";
import type { Rule } from "./types.js";

const CLOUD_NAMES: Record<string, string> = { aws: "AWS", gcp: "Google Cloud", azure: "Azure" };

/** Platforms in words, as a team says them ("the team already runs Flink"): engine ids too, since platforms lists them. */
const PLATFORM_NAMES: Record<string, string> = {
  kafka: "Kafka",
  "kafka-connect": "Kafka Connect",
  kubernetes: "Kubernetes",
  spark: "Spark",
  flink: "Flink",
  beam: "Beam",
  "kafka-streams": "Kafka Streams",
  "akka-streams": "Akka",
  "pekko-streams": "Pekko",
  arroyo: "Arroyo",
  bytewax: "Bytewax",
  ksqldb: "ksqlDB",
  materialize: "Materialize",
  risingwave: "RisingWave",
};

/** An operation by its short name, without the parenthesis that says what it holds ("a Flink cluster"). */
function shortWhat(op: Operation): string {
  const i = op.what.indexOf(" (");
  return i > 0 ? op.what.slice(0, i) : op.what;
}

/** Whether an operation counts for this profile, and if not, why not (in words). */
function waiver(profile: Profile, engine: Engine, op: Operation): string | undefined | null {
  // what the organisation already runs costs nothing new (it never makes a capability met)
  const runs = op.platforms?.find((x) => profile.platforms.includes(x));
  if (runs !== undefined) return `the team already runs ${PLATFORM_NAMES[runs] ?? runs}`;
  if (op.kind === "cluster" || op.kind === "runner") {
    const cloud = profile.cloud;
    if (cloud === "aws" || cloud === "gcp" || cloud === "azure") {
      const m = engine.managed[cloud];
      // the offering is named by the managed-cloud rule; here the words stay short enough to sit in a parenthesis
      if (isReady(m.route)) return `a managed offering on ${CLOUD_NAMES[cloud]} runs it`;
    }
    if (op.kind === "cluster" && profile.deployment === "service") return "the profile asks for a service that jobs are submitted to";
    return undefined;
  }
  if (op.kind === "broker") {
    const named = [...profile.sources, ...profile.sinks];
    return named.length === 0 || named.includes(op.endpoint!) ? null : undefined; // a system the profile names is not the engine's to add
  }
  if (op.kind === "connect") {
    const used = [...profile.sources.map((k) => engine.connectors[k]), ...profile.sinks.map((k) => engine.connectors[k])].some((c) => c.via === op.id);
    return used ? undefined : null; // null: not needed by this profile at all
  }
  return undefined;
}

/**
 * A team that says what it already runs (profile platforms) still adopts a
 * new system when a cluster or runner it does not run is run for it (a
 * managed offering, or the service it asked for): half the burden counts.
 */
function newBesideIncumbent(profile: Profile, op: Operation, why: string): boolean {
  return profile.platforms.length > 0 && (op.kind === "cluster" || op.kind === "runner") && !why.startsWith("the team already runs");
}

function listOf(xs: readonly string[]): string {
  const names = xs.map((x) => PLATFORM_NAMES[x] ?? x);
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Applications that read results by key or SQL from an engine that cannot serve them need a database beside it. */
export const SERVING_DATABASE_BURDEN = 1.5;

function servingDatabase(profile: Profile, engine: Engine): Operation | undefined {
  if (profile.serving === "none") return undefined;
  const fact = engine.serving?.[profile.serving];
  const served = engine.serving ? isReady(fact!.route) || (profile.serving === "lookup" && isReady(engine.serving.sql.route)) : false;
  if (served) return undefined;
  return {
    id: "serving-database",
    kind: "cluster",
    what: `a serving database for ${profile.serving === "sql" ? "ad-hoc SQL" : "by-key"} reads of the results`,
    burden: SERVING_DATABASE_BURDEN,
    note: fact?.note ?? "The descriptor records no way to read results from the engine itself.",
    sources: fact?.sources ?? engine.deployment.service.sources,
  };
}

/** The operations that count for this profile, and their total burden. */
export function burdenOf(profile: Profile, engine: Engine): { counted: Operation[]; waived: { op: Operation; why: string }[]; beside: { op: Operation; why: string }[]; burden: number } {
  const counted: Operation[] = [];
  const waived: { op: Operation; why: string }[] = [];
  /** counted at half: run for the team (a managed offering, the service it asked for), but new beside what it runs */
  const beside: { op: Operation; why: string }[] = [];
  const db = servingDatabase(profile, engine);
  if (db) counted.push(db);
  for (const op of engine.operations) {
    const w = waiver(profile, engine, op);
    if (w === undefined) counted.push(op);
    else if (w === null) continue;
    else if (newBesideIncumbent(profile, op, w)) {
      counted.push({ ...op, burden: op.burden / 2 });
      beside.push({ op, why: w });
    } else waived.push({ op, why: w });
  }
  return { counted, waived, beside, burden: counted.reduce((a, o) => a + o.burden, 0) };
}

export const runningCost: Rule = {
  example: "version: 1\nlatency: 200ms\nthroughput: 10k/s\nsources: [kafka]\nsinks: [kafka]\n",
  id: "running-cost",
  description: "What the team would run and take on besides its own code and the systems its profile names: a processing cluster, a runner underneath, a Connect cluster for endpoints the engine does not reach itself, a licence key.",
  requirement: "runningCost",
  reads: ["operations", "operations[].platforms", "managed.<cloud>", "connectors.<kind>.via", "serving"],
  scoring:
    "fit = halfAt / (halfAt + burden), with halfAt from rules.yaml runningCost and burden the sum of the engine's operations that count for the profile: a cluster or runner counts unless a production-ready managed offering on the profile's cloud runs it (a cluster also not when deployment is service: the team asked for one); a Connect cluster counts only when a source or sink the profile names is reached through it; a broker the engine cannot run without (Kafka for Kafka Streams) counts when the profile names sources or sinks and none of them is it; a licence always counts. An operation whose `platforms` names something the profile's `platforms` lists costs nothing (the team already runs it), and the reason says so; when the profile lists platforms, a cluster or runner it does not run that a managed offering or the requested service would take away still counts at half its burden (a new system beside what the team runs). When the profile's serving is lookup or sql and the engine cannot serve it production-ready, a serving database beside it counts (burden 1.5). Never unmet. Applied to every profile.",
  messages: {
    nothing: "{engine} adds nothing to run besides the team's own code{waived}",
    adds: "{engine} adds {what} to run{beside}{waived}",
  },
  applies: () => true,
  key: (p) => `${p.cloud}|${p.deployment}|${p.sources.join(",")}|${p.sinks.join(",")}|${p.serving}|${p.platforms.join(",")}`,
  evaluate(profile, engine, ctx) {
    const { counted, waived, beside, burden } = burdenOf(profile, engine);
    const halfAt = ctx.config.runningCost.halfAt;
    // short names in the parenthesis: the operations' own parentheses would nest
    const groups = new Map<string, string[]>();
    for (const w of waived) groups.set(w.why, [...(groups.get(w.why) ?? []), shortWhat(w.op)]);
    // one reason said once for all it covers ("not a runner cluster or the runner layer: a managed offering ... runs them")
    const waivedText = groups.size ? ` (${[...groups].map(([why, ops]) => `not ${ops.join(" or ")}: ${ops.length > 1 ? why.replace(/ runs it$/, " runs them") : why}`).join("; ")})` : "";
    const besideText = beside
      .map((b) => `, ${counted.length === 1 ? "" : `${shortWhat(b.op).replace(/^an? /, "the ")} `}new beside ${listOf(profile.platforms)}, though ${b.why}`)
      .join("");
    const what = counted.map((o) => o.what);
    return {
      fit: halfAt / (halfAt + burden),
      unmet: false,
      messageId: counted.length ? "adds" : "nothing",
      args: { engine: engine.name, what: what.length <= 2 ? what.join(" and ") : `${what.slice(0, -1).join(", ")} and ${what[what.length - 1]}`, burden, operations: counted.map((o) => o.id), waived: waivedText, beside: besideText },
      ...(counted.length ? { detail: counted.map((o) => o.note).join(" ") } : {}),
      // with nothing to run, the deployment facts say how the engine runs (as a library inside the team's own services)
      sources: uniqueSources(counted.length || waived.length ? [...counted, ...waived.map((w) => w.op)].flatMap((o) => o.sources) : [...engine.deployment.library.sources, ...engine.deployment.service.sources]),
    };
  },
};
