// Property tests: random valid profiles always score; random mutations of a
// valid profile either validate or fail with located diagnostics, never anything else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { InputError } from "../src/diagnostics.js";
import { evaluate } from "../src/engine/evaluate.js";
import { parseYaml } from "../src/io/yaml.js";
import { loadProfile } from "../src/profile/load.js";
import { CLOUDS, CONNECTOR_KINDS, DEPLOYMENTS, LANGUAGES, LICENSES, PRIORITY_LEVELS, PROCESSING_KINDS, REQUIREMENTS, STATE_SIZES, UNITS } from "../src/profile/fields.js";
import { shippedCatalog } from "./helpers.js";

const catalog = shippedCatalog();

const duration = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom("us", "ms", "s", "m", "min", "h"))
  .map(([n, u]) => `${n}${u}`);
const rate = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom("", "k", "M", "B"), fc.constantFrom("s", "min", "h", "day"))
  .map(([n, m, p]) => `${n}${m}/${p}`);
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

const profileArb = fc.record(
  {
    version: fc.constant(1),
    name: fc.string({ maxLength: 40 }),
    latency: duration,
    throughput: fc.oneof(rate, fc.record({ sustained: fc.constant("1/day"), peak: rate })),
    processing: subset(PROCESSING_KINDS),
    unit: fc.constantFrom(...UNITS),
    deployment: fc.constantFrom(...DEPLOYMENTS),
    sources: subset(CONNECTOR_KINDS),
    sinks: subset(CONNECTOR_KINDS),
    languages: subset(LANGUAGES),
    eventTime: fc.boolean(),
    exactlyOnce: fc.boolean(),
    state: fc.constantFrom(...STATE_SIZES),
    batch: fc.boolean(),
    cloud: fc.constantFrom(...CLOUDS),
    license: fc.constantFrom(...LICENSES),
    priorities: fc.dictionary(fc.constantFrom(...REQUIREMENTS), fc.constantFrom(...PRIORITY_LEVELS), { maxKeys: 6 }),
  },
  { requiredKeys: ["version", "latency", "throughput"] },
);

const load = (text: string) => loadProfile(parseYaml({ file: "p.yaml", text }));

describe("random valid profiles", () => {
  it("always validate and score within 0..100, the same way twice", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const text = stringify(p);
        const r1 = evaluate(load(text), catalog);
        const r2 = evaluate(load(text), catalog);
        expect(JSON.stringify(r1)).toBe(JSON.stringify(r2));
        expect(r1.ranking).toHaveLength(catalog.engines.length);
        for (const e of r1.ranking) {
          expect(e.score).toBeGreaterThanOrEqual(0);
          expect(e.score).toBeLessThanOrEqual(100);
          expect(e.score).toBe(Math.min(100, Math.max(0, 50 + e.reasons.reduce((a, x) => a + x.impact, 0))));
        }
        // a must that an engine breaks always disqualifies it, and only then
        for (const e of r1.ranking) expect(e.disqualified).toBe(e.reasons.some((x) => x.unmet && x.priority === "must"));
        if (r1.recommendation.engine) expect(r1.ranking.find((e) => e.engine === r1.recommendation.engine)!.disqualified).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("random mutations of a valid profile", () => {
  const valid = "version: 1\nname: Card authorization\nlatency: 10ms\nthroughput:\n  sustained: 20k/s\n  peak: 200k/s\nprocessing: [dataflow, ml-scoring]\nunit: event\ndeployment: library\nsources: [kafka]\npriorities:\n  latency: must\n";
  const mutation = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(":", "-", "[", "{", "&a", "*a", "!!js/function", "\t", "\n", "'", '"', "#", "__proto__: 1\n", "\u0000", "\uFEFF")) }),
      fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 5 }) }),
    ),
    { minLength: 1, maxLength: 4 },
  );

  it("either validate or give located InputErrors, never another exception", () => {
    fc.assert(
      fc.property(mutation, (ops) => {
        let text = valid;
        for (const m of ops) {
          const at = m.at % (text.length + 1);
          text = m.op === "insert" ? text.slice(0, at) + m.text + text.slice(at) : text.slice(0, at) + text.slice(at + m.len);
        }
        try {
          const p = load(text);
          evaluate(p, catalog);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          for (const d of (e as InputError).diagnostics) {
            expect(d.file).toBe("p.yaml");
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.col).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("hostile shapes (security review)", () => {
  // the heading regular expression the scanner replaced: the same answer on every short line
  const OLD_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
  it("the linear heading parser agrees with the old heading regex", async () => {
    const { parseHeading } = await import("../src/check/reader.js");
    const line = fc.array(fc.constantFrom(" ", "\t", "#", "a", "b"), { maxLength: 14 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(line, (l) => {
        const old = OLD_HEADING.exec(l);
        const got = parseHeading(l);
        expect(got === undefined).toBe(old === null);
        if (old && got) {
          expect(got.level).toBe(old[1]!.length);
          expect(got.text).toBe((old[2] ?? "").trim());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("a key repeated in any spelling (plain, quoted, through an alias) is a located duplicate", () => {
    const spelling = fc.constantFrom("latency", '"latency"', "'latency'", "*k");
    fc.assert(
      fc.property(spelling, (second) => {
        const text = `version: 1\n&k latency: 10ms\nthroughput: 20k/s\n${second} : 5ms\n`;
        try {
          loadProfile(parseYaml({ file: "p.yaml", text }));
          expect.unreachable("a duplicate key was accepted");
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).diagnostics[0]).toMatchObject({ line: 4, col: 1, message: "duplicate key 'latency'" });
        }
      }),
    );
  });

  it("nesting and entry counts are refused before parsing, with a located message", () => {
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 3000 }), fc.constantFrom("seq", "map", "inline"), (depth, shape) => {
        const body =
          shape === "seq"
            ? Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 1)}- \n`).join("")
            : shape === "map"
              ? Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 1)}k${i}:\n`).join("")
              : `  ${"- ".repeat(depth)}x\n`;
        try {
          parseYaml({ file: "p.yaml", text: `version: 1\nname:\n${body}` });
          expect.unreachable("deep nesting was accepted");
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).diagnostics[0]!.message).toBe("nesting is deeper than 64 levels");
        }
      }),
      { numRuns: 30 },
    );
  });
});
