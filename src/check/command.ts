// `advise check`: the command-line wiring. Registered by cli.ts; the work is
// loaded only when the command runs. Exit codes (set through process.exitCode,
// like the main command): 2 when any ADR or profile is unreadable or invalid,
// or when the paths hold no ADR with a stream-advisor block at all (unless
// --allow-empty), else 1 when any decision fails (or more are warned than
// --max-warnings), else 0. Every ADR's result is printed either way.
//
// Where things go, each exactly once: the report to stdout or --output-file.
// Problems and notices are part of the report when it is for people on stdout
// (human, github); otherwise (json, sarif, junit, or any report in a file) they
// also go to stderr, one `file:line:col: message` per line.

import { appendFileSync } from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import { stdoutIsTTY, stdoutWidth, writeStdout } from "../io/stdout.js";
import { noCommands, writeOut } from "../text.js";
import { CHECK_FORMATS, type CheckContext, type CheckFormat } from "./context.js";
import { toolVersion } from "../version.js";
import type { CheckReport } from "./types.js";
import type { BaselineEntry } from "./baseline.js";
import { UsageError } from "../diagnostics.js";
import { visible as visibleText } from "../text.js";


interface CheckOptions {
  format: CheckFormat;
  color?: boolean;
  catalog?: string;
  allowOutsideCatalog?: boolean;
  engines?: string;
  debug?: boolean;
  outputFile?: string;
  maxWarnings?: number;
  allowEmpty?: boolean;
  allowOutside?: boolean;
  today?: string;
  baseline?: string;
  writeBaseline?: string;
  changedSince?: string;
}

const EXAMPLES = `
Examples:
  advise check                                  the ADRs in .adr-dir, doc/adr, docs/adr or docs/decisions
  advise check docs/decisions/0007-streams.md    one ADR
  advise check 'services/*/docs/adr/*.md' docs   several paths and globs (quoted: advise expands them)
  advise check --format sarif --output-file advise.sarif
                                                for GitHub code scanning (upload-sarif); written atomically
  advise check --format github                  annotations in a GitHub Actions log
  advise check --format junit -o adr-report.xml for a CI test report
  advise check --max-warnings 0                 fail (exit 1) on any warned decision
  advise check --allow-empty README.md docs/adr/0003-x.md
                                                changed files (a pre-commit hook): fine if none is an ADR
  advise check --today 2027-07-01               judge acknowledgements as of a day (also SOURCE_DATE_EPOCH)
  advise check --write-baseline .advise-baseline.json
                                                adopt the check: record today's failed and warned decisions
  advise check --baseline .advise-baseline.json those do not fail the run (counted as baselined); new ones do
  advise check --changed-since origin/main      only the ADRs changed since the ref, and those whose profile changed

An ADR takes part when its front matter has a \`stream-advisor\` block, or its body a
\`\`\`yaml stream-advisor fenced block:
  stream-advisor:
    profile: ../../profiles/card-authorization.yaml   # relative to the ADR (inside the repository), or inline
    chosen: kafka-streams
    margin: 10                                        # optional, points below the best (default 10)
    acknowledge:                                      # optional: accept a warning until a date
      - {rule: better-engine-within-margin, reason: "we already run Kafka", until: 2027-06-30}

A decision fails when the chosen engine is disqualified, unknown, or scores more than the
margin below the best; it passes with a warning when another engine ranks first within it
(\`acknowledged\` instead while an acknowledgement holds). Superseded, deprecated and rejected
ADRs are skipped. Paths in sarif, github and junit are relative to the repository root (the
nearest folder above holding .git), from whatever folder advise runs in.
Exit codes: 0 all passed, 1 a decision failed (or more were warned than --max-warnings),
2 an ADR or profile is unreadable or invalid, or nothing was checked.`;

function count(value: string): number {
  // -1 is "no limit", as in ESLint, whose option this is modelled on (Infinity: commander keeps no undefined)
  if (value === "-1") return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number of warnings, such as 0, or -1 for no limit");
  return Number(value);
}

export function registerCheckCommand(program: Command): void {
  // `advise check --format sarif`: the options after `check` are check's, not the main command's.
  program.enablePositionalOptions();
  program
    .command("check")
    .description("check that the engine each architecture decision record (ADR) chose still fits its profile")
    .argument("[paths...]", "ADR Markdown files, folders of them or globs (default: .adr-dir, doc/adr, docs/adr, docs/decisions)")
    .addOption(new Option("-f, --format <name>", "output format").choices([...CHECK_FORMATS]).default("human"))
    .option("-o, --output-file <file>", "write the report to FILE (atomically) instead of standard output")
    .option("--max-warnings <n>", "fail (exit 1) when more than N decisions are warned (-1: no limit)", count)
    .option("--allow-empty", "exit 0 when the paths hold no ADR with a stream-advisor block")
    .option("--allow-outside", "read profile files outside the repository too")
    .option("--baseline <file>", "failed and warned decisions listed in FILE are counted as baselined and do not fail the run; new ones do")
    .option("--write-baseline <file>", "write this run's failed and warned decisions to FILE (to adopt the check on existing ADRs)")
    .option("--changed-since <ref>", "check only the ADRs changed since the git REF, and the ADRs whose profiles changed")
    .option("--today <date>", "the day (YYYY-MM-DD) acknowledgements expire against (default: SOURCE_DATE_EPOCH, else today)")
    .option("--color", "force colour on")
    .option("--no-color", "force colour off")
    .option("--catalog <dir>", "a folder of extra or overriding engine descriptors (YAML)")
    .option("--allow-outside-catalog", "follow a config file's catalog: even when it leads outside the repository")
    .option("--engines <set>", "which engines to judge against: core (the default), extended, or comma-separated ids")
    .option("--debug", "print stack traces for internal errors")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await runCheckCommand(paths, opts);
    });
}

/** Formats whose paths name files for a machine reading the repository: relative to its root. */
const ROOT_RELATIVE: readonly CheckFormat[] = ["sarif", "github", "junit"];

async function runCheckCommand(paths: string[], opts: CheckOptions): Promise<number> {
  const { today, fixedTime } = await import("../clock.js");
  const now = today(opts.today, process.env);
  // the same catalogue as `advise PROFILE`: --catalog, else the nearest config file's `catalog:`
  const { catalogFor } = await import("../catalog/shipped.js");
  const catalog = await catalogFor({ catalog: opts.catalog, engines: opts.engines, allowOutsideCatalog: opts.allowOutsideCatalog });
  const { findRepoRoot } = await import("./reader.js");
  const cwd = process.cwd();
  const root = findRepoRoot(cwd);
  const { runCheck, noDecisions } = await import("./run.js");
  if (opts.baseline !== undefined && opts.writeBaseline !== undefined) throw new UsageError("--baseline and --write-baseline: give one (--write-baseline records the findings of this run; --baseline reads them)");
  let baseline: { file: string; entries?: BaselineEntry[] } | undefined;
  if (opts.baseline !== undefined) {
    const { readBaseline } = await import("./baseline.js");
    baseline = readBaseline(opts.baseline);
  } else if (opts.writeBaseline !== undefined) baseline = { file: opts.writeBaseline };
  let changed: Set<string> | undefined;
  if (opts.changedSince !== undefined) {
    const { changedSince } = await import("./changed.js");
    changed = changedSince(opts.changedSince, cwd);
  }
  const base = ROOT_RELATIVE.includes(opts.format) ? root : cwd;
  const report = runCheck(paths, {
    catalog,
    cwd,
    root,
    base,
    today: now,
    ...(baseline ? { baseline } : {}),
    ...(changed ? { changed } : {}),
    allowOutside: Boolean(opts.allowOutside),
    ...(opts.maxWarnings !== undefined && Number.isFinite(opts.maxWarnings) ? { maxWarnings: opts.maxWarnings } : {}),
  });

  if (opts.writeBaseline !== undefined) {
    const { baselineEntries, baselineText } = await import("./baseline.js");
    const { writeFileAtomic } = await import("../io/write.js");
    const entries = baselineEntries(report.adrs, base, root);
    writeFileAtomic(opts.writeBaseline, baselineText(entries));
    await writeOut(process.stderr, noCommands(`advise check: wrote the baseline ${visibleText(opts.writeBaseline)}: ${entries.length} ${entries.length === 1 ? "finding" : "findings"}\n`));
  }

  if (changed && report.adrs.length === 0) {
    // nothing changed that an ADR depends on: nothing to check is the right answer
    await writeOut(process.stderr, noCommands(`advise check: no ADR or ADR profile changed since ${visibleText(opts.changedSince!)}; nothing to check\n`));
  } else if (noDecisions(report) && !opts.allowEmpty) {
    // nothing was judged: never a green build by accident (a wrong path, a glob that matched no ADR)
    const where = paths.length ? paths.join(" ") : "the ADR folders (.adr-dir, doc/adr, docs/adr, docs/decisions)";
    const n = report.adrs.length;
    const message = `${n === 0 ? `no Markdown file in ${where}` : n === 1 ? `the one Markdown file in ${where} has no stream-advisor block` : `none of the ${n} Markdown files in ${where} has a stream-advisor block`}; nothing was checked. Add a stream-advisor block to the ADRs (see advise check --help), name the right paths, or pass --allow-empty when nothing to check is fine`;
    const { visible } = await import("../text.js");
    if (opts.format === "github" && !opts.outputFile) {
      const { escapeData } = await import("./github.js");
      await writeStdout(`::error title=advise check%3A nothing checked::${escapeData(visible(message))}\n`);
    } else await writeOut(process.stderr, noCommands(`advise check: ${visible(message)}\n`));
    return 2;
  }

  const { wantColor, makeStyle } = await import("../color.js");
  const color = opts.format === "human" && !opts.outputFile && wantColor(opts.color, process.env, stdoutIsTTY);
  const summaryFile = opts.format === "github" ? process.env.GITHUB_STEP_SUMMARY : undefined;
  const fixed = fixedTime({ SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH });
  const ctx: CheckContext = {
    style: await makeStyle(color),
    width: opts.outputFile ? 100 : stdoutWidth(),
    version: toolVersion(),
    // no wall-clock time in a report: the same inputs give the same bytes (SOURCE_DATE_EPOCH sets one)
    ...(fixed ? { timestamp: fixed.toISOString().slice(0, 19) } : {}),
    // from the environment (CI runners set one of these); the JUnit schema's own advice otherwise
    hostname: process.env.HOSTNAME || process.env.COMPUTERNAME || process.env.RUNNER_NAME || "localhost",
    stepSummaryFile: Boolean(summaryFile),
  };
  const rendered = await render(opts.format, report, ctx);
  // only `--format github` writes workflow commands; a line of any other format never starts with `::`
  const text = opts.format === "github" ? rendered : noCommands(rendered);
  if (summaryFile) {
    const { githubSummary } = await import("./github.js");
    try {
      appendFileSync(summaryFile, githubSummary(report));
    } catch (e) {
      const { describeWriteError } = await import("../io/read.js");
      process.stderr.write(`note: the step summary ${summaryFile} cannot be written (${describeWriteError(e)}); the annotations are complete without it\n`);
    }
  }
  if (opts.outputFile) {
    const { writeFileAtomic } = await import("../io/write.js");
    writeFileAtomic(opts.outputFile, text);
  } else await writeStdout(text);

  if (opts.outputFile || (opts.format !== "human" && opts.format !== "github")) await writeOut(process.stderr, noCommands(await stderrText(report, opts.outputFile)));
  return report.exitCode;
}

/** Problems (each once), notices and, for a report written to a file, where it went: for stderr. */
async function stderrText(report: CheckReport, outputFile: string | undefined): Promise<string> {
  const { dedupeDiagnostics, formatDiagnostic } = await import("../diagnostics.js");
  const { countLine } = await import("./summary.js");
  const { visible } = await import("../text.js");
  const problems = dedupeDiagnostics(report.adrs.flatMap((a) => [...a.diagnostics, ...a.decisions.flatMap((d) => d.diagnostics)]));
  const lines = problems.map(formatDiagnostic);
  for (const n of report.notices ?? []) lines.push(`${n.level === "error" ? "error" : "note"}: ${n.message}`);
  if (outputFile) lines.push(`advise check: wrote ${visible(outputFile)}: ${countLine(report.summary)}`);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

async function render(format: CheckFormat, report: CheckReport, ctx: CheckContext): Promise<string> {
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
