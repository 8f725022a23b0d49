// The table as a first screen: on a terminal it answers (recommendation,
// table, what would change) and leaves the per-engine reasons to --reasons;
// piped, it prints everything as before. It fits the width it is given, from
// 60 to 100 columns (COLUMNS, else the terminal's width): narrower columns,
// then one stacked block per engine.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readProfile } from "../src/advise.js";
import { evaluate } from "../src/engine/evaluate.js";
import { whyNot } from "../src/engine/why-not.js";
import { columnWidths, formatTable } from "../src/format/table.js";
import { PLAIN } from "../src/format/types.js";
import { advise, CLI, CLI_ROOT as ROOT } from "./cli-helpers.js";
import { shippedCatalog } from "./helpers.js";

const profiles = readdirSync(join(ROOT, "profiles")).filter((f) => f.endsWith(".yaml")).sort();

function table(file: string, width: number, reasons = true, why?: string): string {
  const catalog = shippedCatalog();
  const profile = readProfile(join(ROOT, "profiles", file));
  const result = evaluate({ ...profile, file: `profiles/${file}` }, catalog);
  if (why) result.whyNot = whyNot(result, profile, catalog, why);
  return formatTable(result, { style: PLAIN, width, reasons });
}

/** Lines wider than the width, leaving out source URLs (a URL is never broken). */
const overflowing = (text: string, width: number) => text.split("\n").filter((l) => l.length > width && !/^\s+https?:\/\//.test(l));

describe("the table fits the width", () => {
  const widths = [60, 63, 68, 72, 76, 80, 88, 96, 100];
  it.each(profiles)("%s: every line fits 60..100 columns, nothing is cut short", (f) => {
    for (const w of widths) {
      const text = table(f, w, true, "spark");
      expect(overflowing(text, w), `${f} at ${w}`).toEqual([]);
      expect(text, `${f} at ${w}`).not.toContain("\u2026");
    }
  });
  it("is wider than 100 columns never, and narrower than 60 never", () => {
    expect(table("card-authorization.yaml", 240)).toBe(table("card-authorization.yaml", 100));
    expect(table("card-authorization.yaml", 30)).toBe(table("card-authorization.yaml", 60));
  });
  it("boxes the ranking down to about 75 columns, then stacks one block per engine", () => {
    expect(table("card-authorization.yaml", 80)).toContain("\u2502 Engine");
    const narrow = table("card-authorization.yaml", 60);
    expect(narrow).not.toContain("\u2502");
    expect(narrow).toContain("1. Akka Streams  score 88  best fit\n   +10 Akka Streams meets the 10ms budget");
  });
  it("narrows the verdict before the reasons, and never below its longest word", () => {
    const names = ["Akka Streams", "Kafka Streams"];
    expect(columnWidths(names, ["best fit"], 100)).toEqual([4, 15, 7, 22, 46]);
    const w = columnWidths(names, ["disqualified (deployment-model)"], 80)!;
    expect(w.reduce((a, b) => a + b, 0) + 6).toBe(80);
    expect(w[3]).toBeGreaterThanOrEqual("(deployment-model)".length + 2);
    expect(columnWidths(names, ["best fit"], 60)).toBeUndefined();
  });
  it("fits with a user catalogue's longer names and licence ids", () => {
    for (const w of [60, 80, 90, 100]) {
      const r = advise(["profiles/ad-budget-pacing.yaml", "--catalog", "examples/catalog", "--reasons"], { COLUMNS: String(w) });
      expect(r.status).toBe(0);
      expect(overflowing(r.stdout, w)).toEqual([]);
      expect(r.stdout).not.toContain("\u2026");
    }
  });
});

describe("reasons", () => {
  it("without them the report ends with what would change the answer and a pointer to --reasons", () => {
    const text = table("card-authorization.yaml", 100, false);
    expect(text).toContain("What would change the answer");
    expect(text).not.toContain("\nReasons");
    expect(text).not.toContain("https://");
    expect(text.trimEnd().split("\n").pop()).toContain("--reasons");
    expect(table("card-authorization.yaml", 100, true).startsWith(text.slice(0, text.lastIndexOf("Every engine's")))).toBe(true);
  });
  it("piped, the table still prints them (the golden files); --no-reasons leaves them out", () => {
    expect(advise(["profiles/card-authorization.yaml"]).stdout).toContain("\nReasons");
    expect(advise(["profiles/card-authorization.yaml", "--no-reasons"]).stdout).not.toContain("\nReasons");
  });
  it("COLUMNS narrows piped output too", () => {
    const r = advise(["profiles/card-authorization.yaml"], { COLUMNS: "72" });
    expect(overflowing(r.stdout, 72)).toEqual([]);
  });
});

const script = existsSync("/usr/bin/script") && process.platform === "linux";
describe.skipIf(!script)("on a terminal", () => {
  const onTty = (args: string, cols: number) =>
    spawnSync("script", ["-qc", `stty cols ${cols} rows 60; "${process.execPath}" "${CLI}" ${args}`, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      // no pager (that would wait for a key), and a screen tall enough for the whole first screen
      env: { ...process.env, NO_COLOR: "1", COLUMNS: undefined, LINES: undefined, ADVISE_PAGER: "cat" },
      timeout: 20_000,
    }).stdout.replace(/\r/g, "");
  it("the first screen answers: recommendation, table, what would change; no reasons", () => {
    const out = onTty("profiles/card-authorization.yaml", 90);
    expect(out).toContain("Recommendation:");
    expect(out).toContain("\u2502 Akka Streams");
    expect(out).toContain("What would change the answer");
    expect(out).not.toContain("\nReasons");
    expect(out.split("\n").length).toBeLessThan(60);
    expect(overflowing(out, 90)).toEqual([]);
  });
  it("--reasons adds every engine's reasons with sources", () => {
    const out = onTty("profiles/card-authorization.yaml --reasons", 90);
    expect(out).toContain("\nReasons");
    expect(out).toContain("https://");
  });
  it("follows the terminal's width", () => {
    const out = onTty("profiles/card-authorization.yaml", 64);
    expect(out).not.toContain("\u2502");
    expect(overflowing(out, 64)).toEqual([]);
  });
});
