// Whether the engine is still maintained and released: a team adopting it
// takes on its future. Read from the descriptor's maintenance facts, dated
// by the descriptor's own asOf (no clock: the same catalogue gives the same answer).
import type { Engine } from "../catalog/schema.js";
import type { Rule } from "./types.js";

/** Releases older than this, by the descriptor's asOf, make an active engine a weak pick. */
export const STALE_MONTHS = 12;

/** Months from one date (2026-11 or 2026-11-25) to another, by calendar month and day. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number | undefined];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number | undefined];
  return (ty - fy) * 12 + (tm - fm) + ((td ?? 1) < (fd ?? 1) ? -1 : 0);
}

export interface MaintenanceState {
  status: "active" | "maintenance" | "dormant";
  lastRelease: { version: string; date: string };
  /** an active engine whose newest release is more than STALE_MONTHS before the descriptor's asOf */
  stale: boolean;
}

/** The engine's maintenance as reports show it. */
export function maintenanceOf(engine: Engine): MaintenanceState {
  const m = engine.maintenance;
  const lastRelease = m.lastRelease ?? { version: engine.version, date: engine.released };
  const stale = m.status === "active" && monthsBetween(lastRelease.date, engine.asOf) > STALE_MONTHS;
  return { status: m.status, lastRelease, stale };
}

export interface MaintenanceJson {
  /** active, maintenance (fixes only) or dormant */
  status: "active" | "maintenance" | "dormant";
  /** the newest release of any line, with its date */
  lastRelease: { version: string; date: string };
  /** active, but no release in the twelve months before the descriptor's asOf */
  stale: boolean;
}

export function maintenanceJson(engine: Engine): MaintenanceJson {
  const m = maintenanceOf(engine);
  return { status: m.status, lastRelease: m.lastRelease, stale: m.stale };
}

/** Words for an engine that is not actively maintained ("dormant, last release 0.21.1 of 2024-11-25"); empty for an active one. */
export function maintenanceWords(m: MaintenanceJson): string {
  const last = `${m.lastRelease.version} of ${m.lastRelease.date}`;
  if (m.status === "maintenance") return `maintenance only, last release ${last}`;
  if (m.status === "dormant") return `dormant, last release ${last}`;
  return m.stale ? `no release since ${last}` : "";
}

/** The short mark a table puts beside an engine's name ("dormant", "maintenance only", "no release since 2025-12-01"); empty for an active one. */
export function maintenanceMark(m: MaintenanceJson): string {
  if (m.status === "maintenance") return "maintenance only";
  if (m.status === "dormant") return "dormant";
  return m.stale ? `no release since ${m.lastRelease.date}` : "";
}

export const maintenance: Rule = {
  example: "version: 1\nlatency: 200ms\nthroughput: 5k/s\ndeployment: library\nlanguages: [python]\n",
  exampleEngines: "extended",
  id: "maintenance",
  description: "Whether the engine is actively maintained and released: a maintenance-only or dormant engine, or one with no release in twelve months, is a weak pick.",
  requirement: "maintenance",
  reads: ["maintenance.status", "maintenance.lastRelease", "asOf"],
  scoring:
    "Full marks for an active engine with a release in the twelve months before its descriptor's asOf; one half for an active engine without one; a quarter for maintenance only (fixes, no feature releases); none for a dormant engine. Unmet unless active with a recent release (priorities.maintenance: must rules the others out). Applied to every profile.",
  messages: {
    active: "{engine} is actively maintained (last release {version} of {date})",
    stale: "{engine} has had no release since {version} of {date}",
    maintenance: "{engine} is in maintenance only, with no feature releases (last release {version} of {date})",
    dormant: "{engine} is dormant: nobody is committed to releasing it (last release {version} of {date})",
  },
  applies: () => true,
  key: () => "",
  evaluate(_p, engine) {
    const m = maintenanceOf(engine);
    const fit = m.status === "dormant" ? 0 : m.status === "maintenance" ? 0.25 : m.stale ? 0.5 : 1;
    return {
      fit,
      unmet: fit < 1,
      messageId: m.stale ? "stale" : m.status,
      args: { engine: engine.name, version: m.lastRelease.version, date: m.lastRelease.date, status: m.status },
      detail: engine.maintenance.note,
      sources: engine.maintenance.sources,
    };
  },
};
