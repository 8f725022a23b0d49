// Paging as git does it, and a first screen that is the answer. On a terminal, output longer
// than the screen goes through $ADVISE_PAGER, else $PAGER, else `less` (LESS=FRX unless set);
// --no-pager and a pager of "" or `cat` turn it off; a pipe never pages. Without a pager the
// report is shortened to the screen's height, so the recommendation and the top of the ranking
// are still on it. The terminal tests run the CLI under script(1), which gives it a real pty.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readProfile } from "../src/advise.js";
import { evaluate } from "../src/engine/evaluate.js";
import { formatTable } from "../src/format/table.js";
import { PLAIN } from "../src/format/types.js";
import { longerThanScreen, pagerCommand, pagerEnv } from "../src/io/pager.js";
import { pagerOption } from "../src/main.js";
import { advise, CLI, CLI_ROOT as ROOT, TEST_CACHE_HOME, TODAY_ENV } from "./cli-helpers.js";
import { shippedCatalog } from "./helpers.js";

const profiles = readdirSync(join(ROOT, "profiles")).filter((f) => f.endsWith(".yaml")).sort();

describe("which pager", () => {
  it("ADVISE_PAGER first, then PAGER, then less", () => {
    expect(pagerCommand({})).toBe("less");
    expect(pagerCommand({ PAGER: "more" })).toBe("more");
    expect(pagerCommand({ PAGER: "more", ADVISE_PAGER: "most -s" })).toBe("most -s");
  });
  it("none for cat or an empty value (ADVISE_PAGER=cat overrides a PAGER)", () => {
    expect(pagerCommand({ PAGER: "cat" })).toBeUndefined();
    expect(pagerCommand({ PAGER: "" })).toBeUndefined();
    expect(pagerCommand({ PAGER: "less", ADVISE_PAGER: "cat" })).toBeUndefined();
  });
  it("less gets -FRX through LESS unless LESS is set", () => {
    expect(pagerEnv({}).LESS).toBe("FRX");
    expect(pagerEnv({ LESS: "-S" }).LESS).toBe("-S");
  });
  it("pages only what is taller than the screen, counting wrapped lines and not colour codes", () => {
    expect(longerThanScreen("a\n".repeat(22), 24, 80)).toBe(false);
    expect(longerThanScreen("a\n".repeat(24), 24, 80)).toBe(true);
    expect(longerThanScreen(`${"x".repeat(800)}\n`, 24, 80)).toBe(false);
    expect(longerThanScreen(`${"x".repeat(80 * 25)}\n`, 24, 80)).toBe(true);
    expect(longerThanScreen(`\x1b[1m${"x".repeat(80)}\x1b[22m\n`.repeat(10), 24, 80)).toBe(false);
  });
  it("--no-pager is taken from anywhere before --, by every command", () => {
    expect(pagerOption(["engines", "--no-pager"])).toEqual({ argv: ["engines"], noPager: true });
    expect(pagerOption(["--no-pager", "x.yaml"])).toEqual({ argv: ["x.yaml"], noPager: true });
    expect(pagerOption(["x.yaml", "--", "--no-pager"])).toEqual({ argv: ["x.yaml", "--", "--no-pager"], noPager: false });
  });
  it("is listed in --help, and accepted by a subcommand", () => {
    expect(advise(["--help"]).stdout).toContain("--no-pager");
    const r = advise(["explain", "--no-pager"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("the first screen without a pager", () => {
  function short(file: string, width: number, height: number): string {
    const profile = readProfile(join(ROOT, "profiles", file));
    const result = evaluate({ ...profile, file: `profiles/${file}` }, shippedCatalog());
    return formatTable(result, { style: PLAIN, width, reasons: false, height });
  }
  it.each(profiles)("%s at 80x24 fits, and at 60x24 the last screen still starts at the recommendation", (f) => {
    for (const width of [60, 80]) {
      const text = short(f, width, 24);
      const lines = text.split("\n").slice(0, -1);
      if (width === 80) expect(lines.length, `${f} at ${width}`).toBeLessThan(24);
      const answer = lines.findIndex((l) => /^Recommendation\b/.test(l));
      expect(answer, `${f} at ${width}: the recommendation's title`).toBeGreaterThan(0);
      expect(lines.length - answer, `${f} at ${width}: lines from the recommendation on`).toBeLessThan(24);
      expect(lines.slice(answer).some((l) => /^ *1\. \S/.test(l))).toBe(true);
    }
  });
  it("is the full report when the screen is tall enough, or when no height is given (a pipe)", () => {
    const profile = readProfile(join(ROOT, "profiles", "card-authorization.yaml"));
    const result = evaluate({ ...profile, file: "profiles/card-authorization.yaml" }, shippedCatalog());
    const full = formatTable(result, { style: PLAIN, width: 80, reasons: false });
    expect(formatTable(result, { style: PLAIN, width: 80, reasons: false, height: 100 })).toBe(full);
    expect(full).toContain("\u2502 Engine");
  });
});

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

/** The CLI on a pseudo-terminal of `rows` x `cols`, as a user at a terminal runs it. */
function onTerminal(args: string[], env: Record<string, string | undefined>, rows = 24, cols = 80): string {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("script", ["-qec", `stty rows ${rows} cols ${cols}; ${quoted}`, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined, LINES: undefined, PAGER: undefined, ADVISE_PAGER: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, ...TODAY_ENV, ...env },
  });
  return r.stdout.replace(/\r\n/g, "\n");
}

describe.skipIf(!hasScript)("on a terminal", () => {
  // a pager that only counts what it is given, so the test needs no keyboard
  const counter = { ADVISE_PAGER: "wc -l" };
  it("long output goes through the pager", () => {
    expect(onTerminal(["profiles/card-authorization.yaml", "--reasons"], counter).trim()).toMatch(/^\d{3,}$/);
    expect(onTerminal(["engines", "flink"], counter).trim()).toMatch(/^\d+$/);
  });
  it("PAGER is used when ADVISE_PAGER is not set", () => {
    expect(onTerminal(["profiles/card-authorization.yaml", "--reasons"], { PAGER: "wc -l" }).trim()).toMatch(/^\d{3,}$/);
  });
  it("--no-pager and ADVISE_PAGER=cat write it directly", () => {
    expect(onTerminal(["profiles/card-authorization.yaml", "--reasons", "--no-pager"], counter)).toContain("Recommendation:");
    expect(onTerminal(["profiles/card-authorization.yaml", "--reasons"], { ADVISE_PAGER: "cat", PAGER: "wc -l" })).toContain("Recommendation:");
  });
  it("output that fits the screen is not paged", () => {
    expect(onTerminal(["--version"], counter)).toMatch(/^\d+\.\d+\.\d+/);
  });
  it("unpaged at 80x24, the screen holds the recommendation and the top of the ranking", () => {
    const out = onTerminal(["profiles/card-authorization.yaml"], { PAGER: "cat" });
    expect(out.split("\n").length - 1).toBeLessThan(24);
    expect(out).toContain("Recommendation:");
    expect(out).toMatch(/1\. Akka Streams +88 +best fit/);
  });
  it("a pipe is never paged", () => {
    const r = advise(["profiles/card-authorization.yaml"], counter);
    expect(r.stdout).toContain("Recommendation:");
    expect(r.stdout).toContain("Reasons");
  });
});
