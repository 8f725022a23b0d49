// `advise check`: the command-line wiring. Registered by cli.ts; the work is
// loaded only when the command runs. Exit codes (set through process.exitCode,
// like the main command): 2 when any ADR or profile is unreadable or invalid,
// else 1 when any decision fails, else 0. Every ADR's result is printed either way.

import { noCommands, writeOut } from "../text.js";
import { stdoutIsTTY, stdoutWidth, writeStdout } from "../io/stdout.js";
import { appendFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { CHECK_FORMATS, type CheckContext, type CheckFormat } from "./context.js";

declare const __STREAM_ADVISOR_VERSION__: string | undefined;

interface CheckOptions {
  format: CheckFormat;
  color?: boolean;
  catalog?: string;
  debug?: boolean;
}

const EXAMPLES = `
Examples:
  advise check                                  the ADRs in .adr-dir, doc/adr, docs/adr or docs/decisions
  advise check docs/decisions/0007-streams.md    one ADR
  advise check --format sarif > advise.sarif    for GitHub code scanning (upload-sarif)
  advise check --format github                  annotations in a GitHub Actions log
  advise check --format junit > adr-report.xml  for a CI test report

An ADR takes part when its front matter has a \`stream-advisor\` block, or its body a
\`\`\`yaml stream-advisor fenced block:
  stream-advisor:
    profile: ../../profiles/card-authorization.yaml   # relative to the ADR, or an inline profile
    chosen: kafka-streams
    margin: 10                                        # optional, points below the best (default 10)

A decision fails when the chosen engine is disqualified, unknown, or scores more than the
margin below the best; it passes with a warning when another engine ranks first within it.
Superseded, deprecated and rejected ADRs are skipped.
Exit codes: 0 all passed, 1 a decision failed, 2 an ADR or profile is unreadable or invalid.`;

export function registerCheckCommand(program: Command): void {
  // `advise check --format sarif`: the options after `check` are check's, not the main command's.
  program.enablePositionalOptions();
  program
    .command("check")
    .description("check that the engine each architecture decision record (ADR) chose still fits its profile")
    .argument("[paths...]", "ADR Markdown files or folders of them (default: .adr-dir, doc/adr, docs/adr, docs/decisions)")
    .addOption(new Option("-f, --format <name>", "output format").choices([...CHECK_FORMATS]).default("human"))
    .option("--color", "force colour on")
    .option("--no-color", "force colour off")
    .option("--catalog <dir>", "a folder of extra or overriding engine descriptors (YAML)")
    .option("--debug", "print stack traces for internal errors")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheckCommand(paths, opts);
    });
}

async function runCheckCommand(paths: string[], opts: CheckOptions): Promise<number> {
  // the same catalogue as `advise PROFILE`: --catalog, else the nearest config file's `catalog:`
  const { catalogFor } = await import("../catalog/shipped.js");
  const catalog = await catalogFor(opts.catalog);
  const { runCheck } = await import("./run.js");
  const report = runCheck(paths, { catalog });

  const { wantColor, makeStyle } = await import("../color.js");
  const color = opts.format === "human" && wantColor(opts.color, process.env, stdoutIsTTY);
  const summaryFile = opts.format === "github" ? process.env.GITHUB_STEP_SUMMARY : undefined;
  const ctx: CheckContext = {
    style: await makeStyle(color),
    width: stdoutWidth(),
    version: typeof __STREAM_ADVISOR_VERSION__ !== "undefined" ? __STREAM_ADVISOR_VERSION__ : "0.0.0-dev",
    timestamp: new Date().toISOString().slice(0, 19),
    // from the environment (CI runners set one of these); the JUnit schema's own advice otherwise
    hostname: process.env.HOSTNAME || process.env.COMPUTERNAME || process.env.RUNNER_NAME || "localhost",
    stepSummaryFile: Boolean(summaryFile),
  };
  const text = await render(opts.format, report, ctx);
  if (summaryFile) {
    const { githubSummary } = await import("./github.js");
    try {
      appendFileSync(summaryFile, githubSummary(report));
    } catch (e) {
      const { describeFsError } = await import("../io/read.js");
      process.stderr.write(`note: the step summary ${summaryFile} cannot be written (${describeFsError(e)}); the annotations are complete without it\n`);
    }
  }
  // only `--format github` writes workflow commands; a line of any other format never starts with `::`
  await writeStdout(opts.format === "github" ? text : noCommands(text));
  // Each problem is printed once: in place when the report is for people (human, github),
  // else on stderr as `file:line:col: message; expected …`, as every command reports problems.
  if (opts.format !== "human" && opts.format !== "github") {
    const { formatDiagnostic } = await import("../diagnostics.js");
    const problems = report.adrs.flatMap((a) => [...a.diagnostics, ...a.decisions.flatMap((d) => d.diagnostics)]);
    if (problems.length) await writeOut(process.stderr, noCommands(`${problems.map(formatDiagnostic).join("\n")}\n`));
  }
  return report.exitCode;
}

async function render(format: CheckFormat, report: import("./types.js").CheckReport, ctx: CheckContext): Promise<string> {
  switch (format) {
    case "human":
      return (await import("./human.js")).formatHuman(report, ctx);
    case "json":
      return (await import("./json.js")).formatJson(report, ctx);
    case "github":
      return (await import("./github.js")).formatGithub(report, ctx);
    case "sarif":
      return (await import("./sarif.js")).formatSarif(report, ctx);
    case "junit":
      return (await import("./junit.js")).formatJunit(report, ctx);
  }
}

