// `advise engines [ID]`: the catalogue, one line per engine, or one descriptor in full.

import type { Catalog } from "../catalog/load.js";
import type { Engine, Fact } from "../catalog/schema.js";
import { isReady } from "../catalog/routes.js";
import { routeWords } from "../rules/types.js";
import { factRefs } from "../catalog/report.js";
import { UsageError } from "../diagnostics.js";
import { TOOL, type Tool } from "../tool.js";
import { unknownName } from "../suggest.js";

export interface EngineSummary {
  id: string;
  name: string;
  version: string;
  released: string;
  asOf: string;
  /** the newest date any fact was checked (asOf, or later where single facts were re-checked since) */
  lastChecked: string;
  license: string;
  osi: boolean;
  deployment: string;
  /** core: one of the five ranked by default; extended: the shipped extended catalogue (ranked with --engines extended); user: a user catalogue's */
  set: "core" | "extended" | "user";
  userFile?: string;
}

export function setOf(catalog: Catalog, id: string): EngineSummary["set"] {
  return catalog.userFiles[id] ? "user" : catalog.extended?.includes(id) ? "extended" : "core";
}

export function deploymentWord(e: Engine): string {
  const lib = isReady(e.deployment.library.route);
  const svc = isReady(e.deployment.service.route);
  return lib && svc ? "library or service" : lib ? "library" : svc ? "service" : "neither";
}

export function engineSummaries(catalog: Catalog): EngineSummary[] {
  return catalog.engines.map((e) => ({
    id: e.id,
    name: e.name,
    version: e.version,
    released: e.released,
    asOf: e.asOf,
    lastChecked: lastChecked(e),
    license: e.license.spdx,
    osi: e.license.osi,
    deployment: deploymentWord(e),
    set: setOf(catalog, e.id),
    ...(catalog.userFiles[e.id] ? { userFile: catalog.userFiles[e.id] } : {}),
  }));
}

/** `advise engines --format json` (and the MCP engines tool): the catalogue's date and one summary per engine. */
export function enginesJson(catalog: Catalog): { schema: "stream-advisor/engines@1"; tool: Tool; asOf: string; engines: EngineSummary[] } {
  return { schema: "stream-advisor/engines@1", tool: TOOL, asOf: catalog.asOf, engines: engineSummaries(catalog) };
}

/** The descriptor with that id; an unknown id is a UsageError with a did-you-mean. */
export function engineById(catalog: Catalog, id: string): Engine {
  const engine = catalog.engines.find((e) => e.id === id);
  if (!engine) throw new UsageError(unknownName("engine", id, catalog.engines.map((e) => e.id)));
  return engine;
}

/** `advise engines ID --format json`: the whole descriptor, with its set and the user file it came from. */
export function engineJson(catalog: Catalog, id: string): { schema: "stream-advisor/engine@1"; tool: Tool } & Engine & { set: EngineSummary["set"]; userFile?: string } {
  const engine = engineById(catalog, id);
  const userFile = catalog.userFiles[id];
  return { schema: "stream-advisor/engine@1", tool: TOOL, ...engine, set: setOf(catalog, id), ...(userFile ? { userFile } : {}) };
}

export function enginesText(catalog: Catalog, width = Infinity): string {
  const all = engineSummaries(catalog);
  // the default set first (the five and a user catalogue's), then the extended catalogue
  const summaries = [...all.filter((s) => s.set !== "extended"), ...all.filter((s) => s.set === "extended")];
  const rows = summaries.map((s) => [s.id, s.name, s.version, s.released, s.lastChecked === s.asOf ? s.asOf : `${s.asOf} (some ${s.lastChecked})`, `${s.license}${s.osi ? "" : " (not OSI)"}`, s.set, s.deployment + (s.userFile ? `  [from ${s.userFile}]` : "")]);
  const head = ["id", "name", "describes", "released", "facts checked", "licence", "set", "runs as"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const sets = all.some((s) => s.set === "extended") ? "\ncore and user engines are ranked by default; extended ones with --engines extended (or --engines ID,...).\n" : "";
  const tail = `${sets}\nadvise engines ID prints one descriptor with every fact and its sources.\n`;
  const tableWidth = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (tableWidth <= width) return `${[fmt(head), ...rows.map(fmt)].join("\n")}\n${tail}`;
  // narrower than the table: the first three columns, then the rest beneath each engine
  const short = (r: string[]) => r.slice(0, 3).map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const lines = rows.flatMap((r) => [short(r), `    released ${r[3]}; facts checked ${r[4]}; ${r[5]}; ${r[6]}; runs as ${r[7]}`]);
  return `${[short(head), ...lines].join("\n")}\n${tail}`;
}

/** Every fact of a descriptor as [path, fact] pairs, in the file's order. */
export function factsOf(e: Engine): { path: string; route?: string; needs?: string; value?: string; note: string; sources: { url: string; version: string }[] }[] {
  const out: ReturnType<typeof factsOf> = [];
  const f = (path: string, x: Fact & { offering?: string }) => out.push({ path, route: x.route, ...(x.needs ? { needs: x.needs } : {}), ...(x.offering ? { value: x.offering } : {}), note: x.note, sources: x.sources });
  out.push({ path: "latency", value: `floor ${e.latency.floor}, typical ${e.latency.typical}${e.latency.exactlyOnceFloor ? `, exactly-once floor ${e.latency.exactlyOnceFloor}` : ""}`, note: e.latency.note, sources: e.latency.sources });
  out.push({ path: "throughput", value: `scales by ${e.throughput.scaling}`, note: e.throughput.note, sources: e.throughput.sources });
  for (const [k, x] of Object.entries(e.processing)) f(`processing.${k}`, x);
  for (const [k, x] of Object.entries(e.unit)) f(`unit.${k}`, x);
  for (const [k, x] of Object.entries(e.deployment)) f(`deployment.${k}`, x);
  for (const [k, c] of Object.entries(e.connectors)) {
    const batch = [c.batchSource ? `batch source ${c.batchSource}` : "", c.batchSink ? `batch sink ${c.batchSink}` : ""].filter(Boolean).join(", ");
    out.push({ path: `connectors.${k}`, value: `source ${c.source}, sink ${c.sink}${batch ? `, ${batch}` : ""}${c.via ? `, via ${c.via}` : ""}`, note: c.note, sources: c.sources });
    if (c.tables) out.push({ path: `connectors.${k}.tables`, route: c.tables.route, note: c.tables.note, sources: c.tables.sources });
  }
  for (const [k, x] of Object.entries(e.languages)) f(`languages.${k}`, x);
  f("eventTime", e.eventTime);
  const sinks = e.exactlyOnce.sinks ? Object.entries(e.exactlyOnce.sinks).map(([k, v]) => `${k} ${v}`).join(", ") : "";
  out.push({ path: "exactlyOnce", route: e.exactlyOnce.route, ...(sinks ? { value: `per sink: ${sinks}` } : {}), note: e.exactlyOnce.note, sources: e.exactlyOnce.sources });
  for (const [k, x] of Object.entries(e.state)) f(`state.${k}`, x);
  f("batch", e.batch);
  f("portability", e.portability);
  for (const o of e.operations) out.push({ path: `operations.${o.id}`, value: `${o.kind}: ${o.what} (burden ${o.burden})`, note: o.note, sources: o.sources });
  for (const [k, x] of Object.entries(e.managed)) f(`managed.${k}`, x);
  out.push({ path: "license", value: `${e.license.spdx}${e.license.osi ? " (OSI-approved)" : " (not OSI-approved)"}`, note: e.license.note, sources: e.license.sources });
  out.push({ path: "maintenance", value: e.maintenance.status, note: e.maintenance.note, sources: e.maintenance.sources });
  e.seedCorrections.forEach((c, i) => out.push({ path: `seedCorrections[${i}]`, value: `the talk: ${c.claim}`, note: `now: ${c.current}`, sources: c.sources }));
  return out;
}

/** The newest date any fact of the descriptor was checked. */
export function lastChecked(e: Engine): string {
  return factRefs(e).reduce((a, f) => (f.checked > a ? f.checked : a), e.asOf);
}

export function engineText(e: Engine, userFile?: string, extended = false): string {
  const last = lastChecked(e);
  const lines = [`${e.name} (${e.id}) ${e.version}, released ${e.released}; facts checked ${e.asOf}${last !== e.asOf ? ` (some since, last ${last})` : ""}${userFile ? `; from ${userFile}` : ""}${extended ? "; extended catalogue (rank it with --engines extended)" : ""}`, e.summary, e.homepage, ""];
  for (const x of factsOf(e)) {
    const what = [x.route ? `${routeWords(x.route as Parameters<typeof routeWords>[0], x.needs)} (${x.route})` : "", x.value ?? ""].filter(Boolean).join("; ");
    lines.push(`${x.path}: ${what}`);
    lines.push(`  ${x.note}`);
    for (const s of x.sources) lines.push(`  ${s.url} (${s.version})`);
  }
  return `${lines.join("\n")}\n`;
}
