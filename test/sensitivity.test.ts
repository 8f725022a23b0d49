// Sensitivity statements are checked the way a user would: make the change
// in the YAML, re-run the scorer, and see that the stated winner results.
// A dense sweep of the latency budget (test-only sampling) checks that no
// nearer flip was missed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { evaluate } from "../src/engine/evaluate.js";
import { outcome } from "../src/engine/decide.js";
import { VerdictCache } from "../src/engine/score.js";
import { durationText, rateText } from "../src/engine/sensitivity.js";
import type { Profile } from "../src/profile/load.js";
import { CLOUDS, DEPLOYMENTS, LICENSES, PRIORITY_LEVELS, REQUIREMENTS, STATE_SIZES, UNITS } from "../src/profile/fields.js";
import { parseYaml } from "../src/io/yaml.js";
import { loadProfile } from "../src/profile/load.js";
import { parseDuration } from "../src/units.js";
import { shippedCatalog } from "./helpers.js";

const catalog = shippedCatalog();
const dir = join(__dirname, "..", "profiles");
const profiles = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

/** The winner as docs/result.md defines it: the engine id, or the kind when the kind changes to one that is not `engine`. */
function replay(text: string, path: string[], to: unknown, base: ReturnType<typeof outcome>) {
  const doc = parseDocument(text);
  doc.setIn(path, to);
  const p = loadProfile(parseYaml({ file: "replayed.yaml", text: doc.toString() }));
  const o = outcome(p, catalog);
  if (o.kind === "engine" || (o.kind === base.kind && o.engine)) return o.engine;
  return o.kind;
}

describe.each(profiles)("%s", (file) => {
  const text = readFileSync(join(dir, file), "utf8");
  const profile = loadProfile(parseYaml({ file, text }));
  const result = evaluate(profile, catalog);
  const base = outcome(profile, catalog);

  it("every sensitivity entry holds when the change is made in the YAML and the profile re-run", () => {
    for (const s of result.sensitivity) {
      expect(replay(text, s.path, s.to, base), s.summary).toBe(s.winner);
      const doc = parseDocument(text);
      doc.setIn(s.path, s.to);
      const o = outcome(loadProfile(parseYaml({ file: "replayed.yaml", text: doc.toString() })), catalog);
      expect(o.kind !== base.kind || o.engine !== base.engine, `${s.summary} should change the answer`).toBe(true);
    }
  });

  it("no nearer latency budget flips the answer than the ones reported", () => {
    const reported = result.sensitivity.filter((s) => s.path.join(".") === "latency").map((s) => parseDuration(String(s.to))!.ms);
    const now = profile.latency.ms;
    const nearestUp = Math.min(...reported.filter((x) => x > now), Infinity);
    const nearestDown = Math.max(...reported.filter((x) => x < now), 0);
    for (let i = -400; i <= 400; i++) {
      const ms = now * 10 ** (i / 80); // 80 steps per decade, five decades each way
      // values within rounding (3 significant digits) of a reported one are that same flip
      if (ms > nearestDown * 1.01 && ms < nearestUp / 1.01 && ms !== now) {
        const o = outcome({ ...profile, latency: { text: `${ms}ms`, ms } }, catalog);
        expect({ ms, kind: o.kind, engine: o.engine }).toEqual({ ms, kind: base.kind, engine: base.engine });
      }
    }
  });
});

describe("values in the user's units", () => {
  it.each([
    [120, "ms", "up", "120ms"],
    [123.45, "ms", "up", "124ms"],
    [123.45, "ms", "down", "123ms"],
    [0.999, "ms", "down", "999us"],
    [900_000, "ms", "up", "15m"],
    [900_000, "min", "up", "15min"],
    [1500, "s", "up", "1.5s"],
  ])("durationText(%d, %s, %s) = %s", (ms, unit, dir, text) => {
    expect(durationText(ms, unit, dir as "up" | "down")).toBe(text);
  });
  it.each([
    [100_000, "20k/s", "up", "100k/s"],
    [99_900, "20k/s", "down", "99.9k/s"],
    [1_000_000, "3M/min", "up", "60M/min"],
    [1_000_000, "500/s", "up", "1M/s"],
  ])("rateText(%d, %s, %s) = %s", (r, like, dir, text) => {
    expect(rateText(r, like, dir as "up" | "down")).toBe(text);
  });
});

describe("random profiles", () => {
  // A fuzz over the profile space: the reported latency changes are the nearest
  // budgets (to 3 significant digits) at which the answer changes.
  const pick = <T>(xs: readonly T[], r: () => number) => xs[Math.floor(r() * xs.length)]!;
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const profiles = Array.from({ length: 40 }, () => {
    const lines = [
      "version: 1",
      `latency: ${pick(["3ms", "20ms", "80ms", "300ms", "1s", "4s", "30s"], rnd)}`,
      `throughput: ${pick(["500/s", "20k/s", "400k/s", "3M/s"], rnd)}`,
      rnd() < 0.5 ? `unit: ${pick(["event", "record"], rnd)}` : "",
      rnd() < 0.5 ? `deployment: ${pick(["library", "service"], rnd)}` : "",
      rnd() < 0.5 ? `sources: [${pick(["kafka", "pubsub", "database", "kinesis"], rnd)}]` : "",
      rnd() < 0.3 ? `cloud: ${pick(["aws", "gcp", "azure", "none"], rnd)}` : "",
      rnd() < 0.3 ? "license: open-source" : "",
      rnd() < 0.3 ? "exactlyOnce: true" : "",
      rnd() < 0.3 ? `processing: [${pick(["sql", "cep", "ml-scoring", "etl"], rnd)}]` : "",
      rnd() < 0.3 ? `priorities: {${pick(["latency", "deployment", "exactlyOnce", "license"], rnd)}: must}` : "",
    ];
    return lines.filter(Boolean).join("\n") + "\n";
  });
  it.each(profiles.map((p, i) => [i, p] as const))("profile %i: no nearer latency flip than reported", (_, text) => {
    const profile = loadProfile(parseYaml({ file: "fuzz.yaml", text }));
    const base = outcome(profile, catalog);
    const result = evaluate(profile, catalog);
    const reported = result.sensitivity.filter((s) => s.path.join(".") === "latency").map((s) => parseDuration(String(s.to))!.ms);
    const now = profile.latency.ms;
    const nearestUp = Math.min(...reported.filter((x) => x > now), now * 1e4);
    const nearestDown = Math.max(...reported.filter((x) => x < now), now / 1e4);
    for (let i = 1; i <= 800; i++) {
      for (const ms of [now * (nearestUp / now) ** (i / 801), now * (nearestDown / now) ** (i / 801)]) {
        // three significant digits step by up to 1% (107.15ms is reported as 108ms)
        if (ms > nearestDown * 1.01 && ms < nearestUp / 1.01) {
          const o = outcome({ ...profile, latency: { text: `${ms}ms`, ms } }, catalog);
          expect({ ms, kind: o.kind, engine: o.engine }, text).toEqual({ ms, kind: base.kind, engine: base.engine });
        }
      }
    }
  });
});

describe("the verdict cache", () => {
  // Sensitivity analysis replays hundreds of changed profiles through one
  // VerdictCache (verdicts remembered by each rule's input key); a fresh
  // cache judges everything again. They must decide the same on every change.
  const changes = (p: Profile): Profile[] => {
    const out: Profile[] = [];
    for (const ms of [0.0005, 0.002, 1, 3, 9, 10, 11, 50, 99, 100, 101, 400, 999, 1000, 2500, 60_000, 899_000, 900_000, 4e6]) out.push({ ...p, latency: { text: `${ms}ms`, ms } });
    for (const perSecond of [1, 1e3, 99_999, 1e5, 2e5, 999_999, 1e6, 5e6]) out.push({ ...p, throughput: { ...p.throughput, sustained: { text: `${perSecond}/s`, perSecond }, peak: undefined } });
    for (const req of REQUIREMENTS) for (const level of PRIORITY_LEVELS) out.push({ ...p, priorities: { ...p.priorities, [req]: level } });
    for (const [field, values] of [["deployment", DEPLOYMENTS], ["unit", UNITS], ["license", LICENSES], ["cloud", CLOUDS], ["state", STATE_SIZES]] as const) for (const v of values) out.push({ ...p, [field]: v });
    for (const field of ["eventTime", "exactlyOnce", "batch", "portable"] as const) out.push({ ...p, [field]: !p[field] });
    for (const field of ["languages", "processing", "sources", "sinks"] as const) out.push({ ...p, [field]: (p[field] as string[]).slice(1) } as Profile);
    out.push({ ...p, languages: [...p.languages, "go"] as Profile["languages"] }, { ...p, sinks: [...p.sinks, "files"] as Profile["sinks"] });
    return out;
  };
  it("decides like a fresh scoring on every single change to every example profile", () => {
    let total = 0;
    for (const f of profiles) {
      const profile = loadProfile(parseYaml({ file: f, text: readFileSync(join(dir, f), "utf8") }));
      const cache = new VerdictCache(catalog);
      for (const changed of changes(profile)) {
        total++;
        expect(outcome(changed, catalog, cache), `${f}: ${JSON.stringify(changed).slice(0, 300)}`).toEqual(outcome(changed, catalog));
      }
    }
    expect(total).toBeGreaterThan(100);
  });
});

describe("replays shared by the profiles of one run", () => {
  it("give every example profile the sensitivity list it gets on its own, in any order", () => {
    const texts = profiles.map((f) => readFileSync(join(dir, f), "utf8"));
    const load = (f: string, text: string) => loadProfile(parseYaml({ file: f, text }));
    // alone: a catalogue of its own (a fresh identity) per profile, so nothing is shared
    const alone = profiles.map((f, i) => evaluate(load(f, texts[i]!), structuredClone(catalog)).sensitivity);
    // in one run, forwards and backwards, on one catalogue (so one replay cache)
    const shared = structuredClone(catalog);
    const forwards = profiles.map((f, i) => evaluate(load(f, texts[i]!), shared).sensitivity);
    const backwards = [...profiles.keys()].reverse().map((i) => evaluate(load(profiles[i]!, texts[i]!), shared).sensitivity).reverse();
    expect(forwards).toEqual(alone);
    expect(backwards).toEqual(alone);
    expect(alone.flat().length).toBeGreaterThan(20);
  });
});
