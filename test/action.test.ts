// The GitHub Action (action.yml) run locally: its script steps, as a runner
// runs them (bash -eo pipefail, inputs through `env:`, GITHUB_ENV and
// GITHUB_OUTPUT files), against a fixture repository, with the packaged CLI
// installed from `npm pack` (offline). The upload step is GitHub's own action;
// what the test checks is the decision to run it (its `if:` reads `upload`).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI_ROOT, sarifValidator, TODAY_ENV } from "./cli-helpers.js";

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
  "continue-on-error"?: boolean;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(CLI_ROOT, "action.yml"), "utf8")) as Action;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "advise-action-"));
  const pack = spawnSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: CLI_ROOT, encoding: "utf8", timeout: 120_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  tarball = join(work, JSON.parse(pack.stdout)[0].filename);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A repository with one passing and one failing decision (and .git, so paths are from its root). */
function fixture(): string {
  const dir = mkdtempSync(join(work, "repo-"));
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
  mkdirSync(join(dir, "profiles"));
  copyFileSync(join(CLI_ROOT, "test", "fixtures", "adr", "profiles", "card-authorization.yaml"), join(dir, "profiles", "card.yaml"));
  const adr = (chosen: string) => `---\nstatus: accepted\nstream-advisor:\n  profile: ../../profiles/card.yaml\n  chosen: ${chosen}\n---\n# Use ${chosen}\n`;
  writeFileSync(join(dir, "docs", "decisions", "0001-akka.md"), adr("akka-streams"));
  writeFileSync(join(dir, "docs", "decisions", "0002-flink.md"), adr("flink"));
  return dir;
}

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.s.outputs.o }}` as the runner expands them. */
function expand(text: string, ctx: { inputs: Record<string, string>; outputs: Record<string, Record<string, string>> }): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.inputs[m[1]!] ?? "";
    if (expr === "github.action_path") return CLI_ROOT;
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (m) return ctx.outputs[m[1]!]?.[m[2]!] ?? "";
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+) == '(\w+)'$/.exec(expr);
    if (m) return String(ctx.outputs[m[1]!]?.[m[2]!] === m[3]);
    throw new Error(`the test does not know the expression ${expr}`);
  });
}

interface Run {
  steps: { name: string; status: number | null; stdout: string; stderr: string; skipped?: boolean }[];
  outputs: Record<string, Record<string, string>>;
  /** the steps that use another action and would run */
  uses: string[];
}

/** Runs the action's steps for an event; `event.fork` makes it a pull request from a fork. */
function runAction(repo: string, given: Record<string, string>, event: { fork?: boolean } = {}): Run {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default]));
  inputs.package ??= tarball;
  if (!inputs.package) inputs.package = tarball;
  const runner = mkdtempSync(join(work, "runner-"));
  const files = { env: join(runner, "env"), output: join(runner, "output"), summary: join(runner, "summary.md"), event: join(runner, "event.json") };
  writeFileSync(files.event, JSON.stringify({ pull_request: { head: { repo: { full_name: event.fork ? "someone/fork" : "acme/app" } }, base: { repo: { full_name: "acme/app" } } } }));
  const ctx = { inputs, outputs: {} as Record<string, Record<string, string>> };
  const run: Run = { steps: [], outputs: ctx.outputs, uses: [] };
  for (const step of action.runs.steps) {
    if (step.if !== undefined && expand(step.if, ctx) !== "true") {
      run.steps.push({ name: step.name, status: null, stdout: "", stderr: "", skipped: true });
      continue;
    }
    if (step.uses) {
      run.uses.push(step.uses);
      continue;
    }
    writeFileSync(files.output, "");
    const carried = existsSync(files.env) ? Object.fromEntries(readFileSync(files.env, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])) : {};
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx)]));
    const script = join(runner, `${step.name.replace(/\W+/g, "-")}.sh`);
    writeFileSync(script, step.run!);
    const cwd = join(repo, expand(step["working-directory"] ?? ".", ctx));
    // how a runner starts a `shell: bash` step
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      encoding: "utf8",
      timeout: 120_000,
      env: {
        ...process.env,
        ...TODAY_ENV,
        NO_COLOR: "1",
        RUNNER_TEMP: runner,
        GITHUB_ENV: files.env,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REPOSITORY: "acme/app",
        // the packaged CLI is installed from the tarball: nothing may come from a registry
        npm_config_offline: "true",
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_cache: join(runner, "npm-cache"),
        ...carried,
        ...env,
      },
    });
    run.steps.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (step.id) ctx.outputs[step.id] = Object.fromEntries(readFileSync(files.output, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    if (r.status !== 0 && !step["continue-on-error"]) break;
  }
  return run;
}

const step = (run: Run, name: string) => run.steps.find((s) => s.name === name)!;

describe("action.yml", () => {
  it("is a composite action with the inputs the README documents, using Node and the packaged CLI", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["paths", "format", "max-warnings", "annotations", "sarif"]));
    // no input reaches a script except through the environment
    for (const s of action.runs.steps) if (s.run) expect(s.run, s.name).not.toContain("${{");
    expect(action.runs.steps.find((s) => s.uses)?.uses).toBe("github/codeql-action/upload-sarif@v4");
    const readme = readFileSync(join(CLI_ROOT, "README.md"), "utf8");
    expect(readme).toContain("uses: stream-advisor/stream-advisor@v0");
    for (const input of Object.keys(action.inputs)) expect(readme, input).toContain(`\`${input}\``);
  });

  it("on a pull request: annotations, a SARIF report to upload, and a failed job for a failing decision", () => {
    const repo = fixture();
    const run = runAction(repo, {});
    expect(step(run, "Install stream-advisor").status, step(run, "Install stream-advisor").stderr).toBe(0);
    const check = step(run, "advise check");
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^::error file=docs\/decisions\/0002-flink\.md,line=5,col=11,title=advise check%3A decision for flink fails/m);
    expect(run.outputs.check).toMatchObject({ "exit-code": "1", "sarif-file": "advise-check.sarif", upload: "true" });
    const sarif = JSON.parse(readFileSync(join(repo, "advise-check.sarif"), "utf8"));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].partialFingerprints["streamAdvisorFinding/v1"]).toMatch(/^[0-9a-f]{32}$/);
    expect(run.uses).toEqual(["github/codeql-action/upload-sarif@v4"]);
    const result = step(run, "Result");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("::error title=stream-advisor::a decision record no longer holds");
  }, 120_000);

  it("on a pull request from a fork: no upload (no security-events: write), a notice, the annotations, and still a failed job", () => {
    const repo = fixture();
    const run = runAction(repo, {}, { fork: true });
    const check = step(run, "advise check");
    expect(check.stdout).toContain("::notice title=stream-advisor::SARIF upload skipped: a pull request from a fork");
    expect(check.stdout).toMatch(/^::error file=docs\/decisions\/0002-flink\.md/m);
    expect(run.outputs.check?.upload).toBe("false");
    expect(run.uses).toEqual([]);
    expect(step(run, "Result").status).toBe(1);
  }, 120_000);

  it("annotations and SARIF off, paths as globs, a baseline that lets the old failure pass", () => {
    const repo = fixture();
    // the repository adopts the check: the failing decision goes into a baseline
    const adopt = spawnSync(process.execPath, [join(CLI_ROOT, "dist", "advise.cjs"), "check", "--write-baseline", "baseline.json"], { cwd: repo, encoding: "utf8", env: { ...process.env, ...TODAY_ENV } });
    expect(adopt.status, adopt.stderr).toBe(0);
    const run = runAction(repo, { annotations: "false", sarif: "false", paths: "docs/decisions/*.md", baseline: "baseline.json" });
    const check = step(run, "advise check");
    expect(check.stdout).not.toMatch(/^::/m);
    expect(check.stdout).toMatch(/FAIL +docs\/decisions\/0002-flink\.md:5:11 +chosen: flink +\(baselined\)/);
    expect(check.stdout).toContain("1 baselined");
    expect(existsSync(join(repo, "advise-check.sarif"))).toBe(false);
    expect(run.outputs.check).toMatchObject({ "exit-code": "0", upload: "false" });
    expect(step(run, "Result").status).toBe(0);
    // a new failure fails the job again
    writeFileSync(join(repo, "docs", "decisions", "0003-flink.md"), readFileSync(join(repo, "docs", "decisions", "0002-flink.md"), "utf8"));
    const again = runAction(repo, { annotations: "false", sarif: "false", baseline: "baseline.json", "max-warnings": "0" });
    expect(again.outputs.check?.["exit-code"]).toBe("1");
    expect(step(again, "Result").status).toBe(1);
  }, 120_000);

  it("refuses an unknown format before running anything", () => {
    const run = runAction(fixture(), { format: "sarif; rm -rf /" });
    expect(step(run, "advise check").status).toBe(2);
    expect(step(run, "advise check").stdout).toContain("format must be github, human, json or junit");
  }, 120_000);
});
