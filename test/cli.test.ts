// Golden scenario tests: the built CLI on every example profile in every
// format, compared byte for byte with test/golden/. Regenerate after an
// intended change with `UPDATE_GOLDEN=1 npx vitest run test/cli.test.ts`
// and review the diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { advise, CLI_ROOT as ROOT } from "./cli-helpers.js";

const GOLDEN = join(__dirname, "golden");
const update = process.env.UPDATE_GOLDEN === "1";

const profiles = readdirSync(join(ROOT, "profiles")).filter((f) => /\.ya?ml$/.test(f)).sort();
const formats = [
  ["table", "txt"],
  ["json", "json"],
  ["markdown", "md"],
] as const;

describe("golden: advise PROFILE --format F", () => {
  it("ships at least eight example profiles", () => expect(profiles.length).toBeGreaterThanOrEqual(8));
  if (update) mkdirSync(GOLDEN, { recursive: true });
  for (const p of profiles) {
    for (const [format, ext] of formats) {
      it(`${p} ${format}`, () => {
        const r = advise([`profiles/${p}`, "--format", format]);
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        const file = join(GOLDEN, `${p.replace(/\.ya?ml$/, "")}.${ext}`);
        if (update || !existsSync(file)) writeFileSync(file, r.stdout);
        expect(r.stdout).toBe(readFileSync(file, "utf8"));
      });
    }
  }
});

describe("the JSON result", () => {
  it("is byte-identical across runs", () => {
    const a = advise(["profiles/card-authorization.yaml", "--format", "json"]).stdout;
    const b = advise(["profiles/card-authorization.yaml", "--format", "json"]).stdout;
    expect(a).toBe(b);
  });

  it("has the fields of shared/spec/result-v1.md", () => {
    const r = JSON.parse(advise(["profiles/card-authorization.yaml", "--format", "json"]).stdout);
    expect(r.schema).toBe("stream-advisor/result@1");
    expect(r.profile.file).toBe("profiles/card-authorization.yaml");
    expect(r.catalog.engines).toEqual(["akka-streams", "beam", "flink", "kafka-streams", "spark"]);
    expect(["engine", "periodic-batch", "custom", "none"]).toContain(r.recommendation.kind);
    expect(typeof r.recommendation.summary).toBe("string");
    expect(r.ranking).toHaveLength(5);
    r.ranking.forEach((e: { rank: number; score: number; reasons: { rule: string; impact: number; message: string; sources: string[] }[] }, i: number) => {
      expect(e.rank).toBe(i + 1);
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.score).toBeLessThanOrEqual(100);
      for (const x of e.reasons) {
        expect(x.rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(Number.isInteger(x.impact)).toBe(true);
        expect(x.sources.length).toBeGreaterThan(0);
        for (const s of x.sources) expect(s).toMatch(/^https:\/\//);
      }
    });
  });

  it("reads the profile from standard input with -", () => {
    const text = readFileSync(join(ROOT, "profiles", "card-authorization.yaml"), "utf8");
    const r = advise(["-", "--format", "json"], {}, text);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).profile.file).toBe("<stdin>");
  });
});

describe("colour", () => {
  const hasAnsi = (s: string) => s.includes("\u001b[");
  it("is off when piped", () => expect(hasAnsi(advise(["profiles/card-authorization.yaml"], { NO_COLOR: undefined }).stdout)).toBe(false));
  it("is on with FORCE_COLOR", () => expect(hasAnsi(advise(["profiles/card-authorization.yaml"], { NO_COLOR: undefined, FORCE_COLOR: "1" }).stdout)).toBe(true));
  it("--color wins over NO_COLOR", () => expect(hasAnsi(advise(["profiles/card-authorization.yaml", "--color"]).stdout)).toBe(true));
  it("--no-color wins over FORCE_COLOR", () => expect(hasAnsi(advise(["profiles/card-authorization.yaml", "--no-color"], { FORCE_COLOR: "1" }).stdout)).toBe(false));
  it("is never in JSON", () => expect(hasAnsi(advise(["profiles/card-authorization.yaml", "--format", "json", "--color"]).stdout)).toBe(false));
});

describe("help and version", () => {
  it("--help teaches: usage, an example profile, exit codes; exit 0", () => {
    const r = advise(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: advise");
    expect(r.stdout).toContain("latency: 10ms");
    expect(r.stdout).toContain("Exit codes: 0 done, 1 a check failed");
  });
  // A run that names a profile first does not build the subcommands (it is the common, timed path): nothing else may change.
  it("help after a profile still lists every command; extra words still fail the same way", () => {
    const full = advise(["--help"]).stdout;
    const r = advise(["profiles/card-authorization.yaml", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(full);
    for (const c of ["check", "engines", "explain", "init", "mcp", "schema"]) expect(r.stdout).toContain(`  ${c}`);
    // several profiles are allowed, so a command name after one is caught as such, on both paths alike
    const extra = advise(["profiles/card-authorization.yaml", "check"]);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toBe("advise: 'check' is a command, not a profile: a command comes first (advise check ...)\n(run `advise --help` for usage)\n");
    expect(advise(["--no-color", "profiles/card-authorization.yaml", "check"]).stderr).toBe(extra.stderr);
  });
  it("--version prints the package version", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const r = advise(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe("the README", () => {
  it("shows the real output of `advise profiles/card-authorization.yaml` (up to the reasons)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const golden = readFileSync(join(GOLDEN, "card-authorization.txt"), "utf8");
    const shown = golden.slice(0, golden.indexOf("\nReasons")).trimEnd();
    expect(readme).toContain(`\`\`\`text\n${shown}\n...\n\`\`\``);
  });
});

describe("the README's error example", () => {
  it("is what advise prints for that input", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /\$ printf '([^']+)' \| advise -\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const input = block![1]!.replace(/\\n/g, "\n");
    const r = advise(["-"], {}, input);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toBe(block![2]!.trimEnd());
  });
});
