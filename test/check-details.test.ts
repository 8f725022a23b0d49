// advise check's details: --max-warnings -1 is "no limit" (as in ESLint), a subcommand's usage
// error points to that subcommand's help, --format github annotates a run stopped for want of
// an ADR folder, and a misspelt path gets a did-you-mean.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { advise } from "./cli-helpers.js";

describe("advise check details", () => {
  it("--max-warnings -1 means no limit", () => {
    const r = advise(["check", "--max-warnings", "-1", "docs/decisions"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const bad = advise(["check", "--max-warnings", "-2", "docs/decisions"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("or -1 for no limit");
  });
  it("a subcommand's usage error points to its own help", () => {
    expect(advise(["check", "--bogus"]).stderr).toContain("(run `advise check --help` for usage)");
    expect(advise(["engines", "--format", "x"]).stderr).toContain("(run `advise engines --help` for usage)");
    expect(advise(["explain", "nope-rule"]).stderr).toContain("(run `advise explain --help` for usage)");
    expect(advise(["--bogus"]).stderr).toContain("(run `advise --help` for usage)");
  });
  it("with no ADR folder, --format github writes an ::error annotation and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "advise-noadr-"));
    mkdirSync(join(dir, ".git"));
    const r = advise(["check", "--format", "github"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=\.,title=advise check%3A nothing checked::\.: no ADR folder found/);
    const human = advise(["check"], {}, undefined, dir);
    expect(human.status).toBe(2);
    expect(human.stdout).toBe("");
  });
  it("a misspelt path gets a did-you-mean", () => {
    const r = advise(["check", "docs/decisons"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("docs/decisons: no such file or folder (did you mean 'docs/decisions'?)");
  });
  it("missing paths are reported apart from the ADRs checked, never counted as checked", () => {
    const args = ["check", "docs/decisions", "docs/decisons", "docs/nothing/*.md"];
    const human = advise(args);
    expect(human.status).toBe(2);
    expect(human.stdout.trimEnd().split("\n").at(-1)).toBe("4 checked, 3 passed, 0 warned, 0 failed, 1 skipped, 2 paths not found");
    const json = advise([...args, "--format", "json"]);
    expect(json.status).toBe(2);
    const report = JSON.parse(json.stdout) as { summary: Record<string, number>; adrs: { file: string; outcome: string }[]; exitCode: number };
    expect(report.summary).toEqual({ checked: 4, passed: 3, acknowledged: 0, warned: 0, failed: 0, skipped: 1, invalid: 0, missing: 2 });
    expect(report.exitCode).toBe(2);
    // each missing path is still listed, with its problem
    expect(report.adrs.filter((a) => a.outcome === "invalid").map((a) => a.file)).toEqual(["docs/decisons", "docs/nothing/*.md"]);
    // a run with every path found has no missing count at all
    expect(JSON.parse(advise(["check", "docs/decisions", "--format", "json"]).stdout).summary).not.toHaveProperty("missing");
  });
});
