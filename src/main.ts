// The command line: wires commands to the pipeline, and turns every failure
// into a message and an exit code (0 done, 1 a check failed, 2 bad input or usage).
// src/cli.ts is the entry point that runs it.

import { stdoutIsTTY, stdoutRows, stdoutStream, stdoutWidth, usePager, willPage, writeStdout } from "./io/stdout.js";
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { InputError, formatDiagnostic, UsageError } from "./diagnostics.js";
import { registerCheckCommand } from "./check/command.js";
import { toolVersion } from "./version.js";
import { noCommands, visible, visibleDeep } from "./text.js";
import { LINKS, TOOL } from "./tool.js";
import type { Result } from "./engine/result.js";
import { closest } from "./suggest.js";
import { fitText } from "./format/fit.js";

const EXAMPLES = `
Examples:
  advise init --from card-authorization           write profile.yaml from a shipped example (no NAME: list them)
  advise profile.yaml                             rank the engines for the workload it describes
  advise profile.yaml --reasons                   ... and every engine's reasons with sources
  advise profile.yaml --format json               the result as JSON (stable; see docs/result.md)
  advise profile.yaml --format markdown > adr.md  a report to paste into a decision record
  advise profile.yaml --engines extended          rank the five and the extended catalogue (advise engines lists both)
  cat profile.yaml | advise -                     read the profile from standard input
  advise mcp                                      serve the tools to an AI assistant (MCP on stdio; see README.md)

A profile is a small YAML file (see README.md, "Profile reference"):
  version: 1
  latency: 10ms          # end-to-end p99: 500us, 10ms, 2s, 5m, 1h
  throughput: 20k/s      # or {sustained: 20k/s, peak: 200k/s}
  deployment: library    # library | service | either
  priorities: {latency: must}

Exit codes: 0 done, 1 a check failed (advise check), 2 bad input or usage.
Colour: --color/--no-color, else NO_COLOR, FORCE_COLOR, TERM=dumb, else on for a terminal.
Pager: on a terminal, long output goes through ADVISE_PAGER, else PAGER, else less
  (LESS=FRX); --no-pager or ADVISE_PAGER=cat turns it off.
Documentation: ${LINKS.home}`;

interface MainOptions {
  format: "table" | "json" | "markdown";
  color?: boolean;
  catalog?: string;
  allowOutsideCatalog?: boolean;
  engines?: string;
  debug?: boolean;
  whyNot?: string;
  reasons?: boolean;
}

async function catalogFor(opts: { catalog?: string; engines?: string; allowOutsideCatalog?: boolean; root?: string }) {
  const { catalogFor: resolve } = await import("./catalog/shipped.js");
  return resolve({ catalog: opts.catalog, engines: opts.engines, allowOutsideCatalog: opts.allowOutsideCatalog, root: opts.root });
}

/** A one-line note on stderr when the catalogue is more than 12 months old (never an error). */
async function staleNote(asOf: string): Promise<void> {
  const { today } = await import("./clock.js");
  const { staleMessage, staleMonths } = await import("./catalog/stale.js");
  const months = staleMonths(asOf, today(undefined, process.env));
  if (months !== undefined) process.stderr.write(`note: ${staleMessage(asOf, months)}\n`);
}

declare const __dirname: string | undefined;

/** The folder the package is installed in (dist/..; src/.. when run from source). */
function packageRoot(): string {
  // The bundle runs as CommonJS (see scripts/build.mjs), where __dirname is dist/.
  return typeof __dirname === "string" ? join(__dirname, "..") : join(dirname(fileURLToPath(import.meta.url)), "..");
}

const COMMANDS = ["check", "engines", "explain", "init", "mcp", "schema", "help"];

/** The columns that text output (help, engines, explain) is fitted to: the terminal's or COLUMNS, at most 100. */
function textWidth(): number {
  return Math.max(40, Math.min(100, stdoutWidth()));
}

/** Whether there is a width to fit text to: COLUMNS, or a terminal (a pipe or a file keeps whole lines for tools to read). */
function fitsWidth(): boolean {
  return Boolean(process.env.COLUMNS) || stdoutIsTTY();
}

/** Plain text fitted to textWidth() (long lines wrapped, URLs whole). */
async function fitted(text: string): Promise<string> {
  if (!fitsWidth()) return text;
  const { fitText } = await import("./format/fit.js");
  return fitText(text, textWidth());
}

/** Set by a command run with --format json: its input and usage problems then also go to stdout as problems@1. */
let problemsAsJson = false;

async function runAdvise(paths: string[], opts: MainOptions): Promise<number> {
  problemsAsJson = opts.format === "json";
  if (!paths.length) throw new UsageError("missing PROFILE: give a profile file (or several, or a glob), or - to read standard input");
  for (const profilePath of paths) {
    if (profilePath === "-" || /[./\\]/.test(profilePath) || existsSync(profilePath)) continue;
    // A bare word is more likely a mistyped command than a profile file without an extension.
    if (paths.length > 1 && COMMANDS.includes(profilePath)) throw new UsageError(`'${profilePath}' is a command, not a profile: a command comes first (advise ${profilePath} ...)`);
    const guess = closest(profilePath, COMMANDS);
    if (guess) throw new UsageError(`unknown command '${profilePath}' (did you mean 'advise ${guess}'?); a profile is a YAML file, e.g. advise profiles/card-authorization.yaml`);
  }
  for (const profilePath of paths) shippedExampleHint(profilePath);
  const catalog = await catalogFor(opts);
  await staleNote(catalog.asOf);
  // one profile as `advise PROFILE` answers it: an extended engine named in --why-not said how
  // to rank, and, among the default engines, whether an extended engine would do better
  const adviseFile = async (profilePath: string): Promise<Result> => {
    const { readProfile, adviseResult } = await import("./advise.js");
    const profile = readProfile(profilePath);
    return adviseResult(profile, catalog, {
      ...(opts.whyNot !== undefined ? { whyNot: opts.whyNot } : {}),
      wideCommand: ["advise", profilePath, "--engines", "extended", ...(opts.catalog ? ["--catalog", opts.catalog] : [])].map(shellWord).join(" "),
    });
  };
  const { isGlob } = await import("./io/glob.js");
  if (paths.length > 1 || isGlob(paths[0]!)) {
    const { adviseMany } = await import("./many.js");
    // an unknown --why-not engine is one usage error for the run, not one per profile
    if (opts.whyNot !== undefined && catalog.engines.some((e) => e.id === opts.whyNot) === false) {
      const { extendedEngines } = await import("./catalog/shipped.js");
      if (!(await extendedEngines()).some((e) => e.id === opts.whyNot)) await knownEngine(opts.whyNot, catalog);
    }
    const { text, diagnostics } = await adviseMany(paths, { format: opts.format, adviseFile, context: await renderContext(opts), shown: (r) => shownResult(r, opts.format) });
    await writeStdout(noCommands(text));
    if (diagnostics.length) process.stderr.write(noCommands(`${diagnostics.map(formatDiagnostic).join("\n")}\n`));
    return diagnostics.length ? 2 : 0;
  }
  const result = await adviseFile(paths[0]!);
  const { render } = await import("./format/index.js");
  await writeStdout(noCommands(await render(opts.format, shownResult(result, opts.format), await renderContext(opts))));
  return 0;
}

/**
 * A missing profile whose name is a shipped example's (`advise profiles/card-authorization.yaml`
 * run where the package is installed, not in its repository): say how to get a copy.
 */
function shippedExampleHint(profilePath: string): void {
  if (profilePath === "-" || /[*?[{]/.test(profilePath) || existsSync(profilePath)) return;
  const name = basename(profilePath).replace(/\.ya?ml$/, "");
  if (!existsSync(join(packageRoot(), "profiles", `${name}.yaml`))) return;
  throw new UsageError(`${profilePath}: no such file; it names a shipped example: copy it here with advise init --from ${name} (then advise profile.yaml)`);
}

/** The catalogue with the shipped extended engines, for rule examples that need them. */
async function wideFor(catalog: import("./catalog/load.js").Catalog) {
  const { widened } = await import("./catalog/shipped.js");
  return widened(catalog);
}

/** --why-not's engine, checked against the catalogue (a usage error with a did-you-mean otherwise). */
async function knownEngine(id: string, catalog: { engines: { id: string }[] }): Promise<string> {
  const ids = catalog.engines.map((e) => e.id);
  if (ids.includes(id)) return id;
  const guess = closest(id, ids);
  throw new UsageError(`--why-not: unknown engine '${id}'${guess ? ` (did you mean '${guess}'?)` : ""}; expected one of ${ids.join(", ")}`);
}

/**
 * The result as the formatters get it. JSON escapes control characters itself; the table and
 * Markdown show them as escapes. Free text comes from the profile (name, description, file) and
 * from a user catalogue; the rest is the shipped catalogue's or validated values, so without a
 * user catalogue only the profile is walked.
 */
function shownResult(result: Result, format: MainOptions["format"]): Result {
  const userCatalogue = result.catalog.userFiles !== undefined && Object.keys(result.catalog.userFiles).length > 0;
  // (the beyond line quotes the profile's path and --catalog in the command it suggests)
  return format === "json" ? result : userCatalogue ? visibleDeep(result) : { ...result, profile: visibleDeep(result.profile), ...(result.beyond ? { beyond: visibleDeep(result.beyond) } : {}) };
}

/** Colour, width and reasons for the formatters. */
async function renderContext(opts: MainOptions) {
  const { wantColor, makeStyle } = await import("./color.js");
  const table = opts.format === "table";
  const color = table && wantColor(opts.color, process.env, stdoutIsTTY);
  // only the table wraps to the terminal (finding the width costs two stat calls); on a
  // terminal it is a first screen, with the per-engine reasons only when asked for, and,
  // when no pager shows its top, short enough to keep the answer on the screen
  const height = table && stdoutIsTTY() && !(await willPage()) ? stdoutRows() : undefined;
  return { style: await makeStyle(color), width: table ? stdoutWidth() : 100, reasons: table ? (opts.reasons ?? !stdoutIsTTY()) : true, ...(height !== undefined ? { height } : {}) };
}

/** A word as a POSIX shell reads it: quoted only when it must be. */
function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}


/**
 * Whether a run names a profile first (`advise x.yaml ...`, `advise - ...`),
 * the common case: then the subcommands are not built, since their options
 * cost a noticeable part of a short run. Help, a bare word (perhaps a
 * subcommand) or an option first builds them all.
 */
function profileFirst(argv: string[]): boolean {
  const first = argv[0];
  if (first === undefined || argv.includes("-h") || argv.includes("--help")) return false;
  return first === "-" || (!first.startsWith("-") && /[./\\]/.test(first));
}

export function buildProgram(argv: string[] = []): Command {
  const program = new Command();
  // Set before any subcommand is added, so that every subcommand inherits them:
  // commander's usage errors become exit 2 (see report), never its own exit 1.
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => stdoutStream().write(fitHelp(s)), getOutHelpWidth: () => textWidth(), outputError: (s, write) => write(commanderError(choiceSuggestion(s))) });
  program
    .name("advise")
    .description("Rank streaming engines (Spark, Flink, Akka Streams, Kafka Streams, Beam) for a workload described in a YAML profile, with a sourced reason for every point.")
    .version(toolVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .argument("[profiles...]", "profile YAML files or globs (a report each), or - for standard input")
    .addOption(new Option("-f, --format <name>", "output format").choices(["table", "json", "markdown"]).default("table"))
    .option("--color", "force colour on")
    .option("--no-color", "force colour off")
    .option("--why-not <engine>", "why ENGINE lost, and the single changes that would make it win")
    .option("--reasons", "the table: every engine's reasons with sources (the default when not on a terminal)")
    .option("--no-reasons", "the table: stop after what would change the answer")
    .option("--catalog <dir>", "a folder of extra or overriding engine descriptors (YAML)")
    .option("--allow-outside-catalog", "follow a config file's catalog: even when it leads outside the repository")
    .option("--engines <set>", "which engines to rank: core (the five, the default), extended (the five and the extended catalogue), or comma-separated ids")
    .option("--debug", "print stack traces for internal errors")
    .option("--no-pager", "on a terminal, do not page long output (also: ADVISE_PAGER=cat or PAGER=cat)")
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run `advise --help` for usage)")
    .addHelpText("after", EXAMPLES)
    .action(async (profiles: string[], opts: MainOptions) => {
      process.exitCode = await runAdvise(profiles, opts);
    });
  if (profileFirst(argv)) return program;
  registerInfoCommands(program);
  registerCheckCommand(program);
  registerMcpCommand(program);
  registerHelpCommand(program);
  // a subcommand's usage error points to that subcommand's help
  for (const c of program.commands) c.showHelpAfterError(`(run \`advise ${c.name()} --help\` for usage)`);
  return program;
}

const MCP_EXAMPLES = `
Examples:
  advise mcp                                  serve the current folder (the tools read nothing outside it)
  advise mcp --root ~/src/payments            serve another folder
  advise mcp --catalog my-engines             with a user catalogue, as for advise PROFILE

An MCP client starts it; for example, in its JSON configuration:
  { "mcpServers": { "stream-advisor": { "command": "npx", "args": ["advise", "mcp", "--root", "/path/to/repo"] } } }
Tools: advise, validate_profile, check_adrs, engines, explain. Prompt: build_profile (an
interview that builds a profile, validates it and asks advise). Resources: the profile's JSON
Schema, the example profiles, every engine's descriptor and every rule's documentation. Standard output carries the protocol; notes go to stderr.`;

/** `advise mcp`: an MCP server on stdio. The SDK is in its own bundle, loaded only here. */
function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("serve advise, validate_profile, check_adrs, engines and explain to an AI assistant (Model Context Protocol, stdio)")
    .option("--root <dir>", "the folder the tools may read (default: the current folder)")
    .option("--catalog <dir>", "a folder of extra or overriding engine descriptors (YAML)")
    .option("--debug", "print stack traces of internal errors on stderr")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", MCP_EXAMPLES)
    .action(async (opts: { root?: string; catalog?: string; debug?: boolean }) => {
      const { realRoot } = await import("./io/within.js");
      if (opts.catalog !== undefined) opts.catalog = resolve(opts.catalog); // relative to where the command was typed
      if (opts.root !== undefined) {
        let isDir = false;
        try {
          isDir = statSync(opts.root).isDirectory();
        } catch {
          // reported below
        }
        if (!isDir) throw new UsageError(`--root: '${opts.root}' is not a folder`);
        // the config file and relative paths are looked up from the folder served, as if started there
        process.chdir(opts.root);
      }
      // the config file is looked for in the folder served only, and its catalog: must lead inside it
      const catalog = await catalogFor({ catalog: opts.catalog, root: realRoot(process.cwd()) });
      await staleNote(catalog.asOf);
      const { serveStdio } = loadMcp();
      const { extendedEngines } = await import("./catalog/shipped.js");
      await serveStdio({ catalog, extended: await extendedEngines(), root: realRoot(process.cwd()), packageRoot: packageRoot(), version: toolVersion(), debug: Boolean(opts.debug) });
    });
}

/** The MCP bundle (dist/advise-mcp.cjs, beside this one): required, so that no other command reads it. */
function loadMcp(): typeof import("./mcp/server.js") {
  if (typeof __dirname !== "string") throw new Error("advise mcp runs from the built CLI (npm run build)");
  return require(join(__dirname, "advise-mcp.cjs")) as typeof import("./mcp/server.js");
}


/** Help text (commander's, and every command's examples after it) fitted to the width; help is short, so fit.ts is bundled in. */
function fitHelp(text: string): string {
  return fitsWidth() ? fitText(text, textWidth()) : text;
}

/**
 * commander's message for an option value that is not one of its choices, with
 * a did-you-mean added (`--format jsn`), for every command's options alike.
 */
/**
 * Commander's own error messages quote the argument as typed: shown escaped
 * like all user text, so that a newline and `::error::` in an argument cannot
 * become a workflow command, nor an ESC sequence drive the terminal. The line
 * breaks commander itself puts in (before its hints, at the end) are kept.
 */
export function commanderError(message: string): string {
  return noCommands(visible(message).replace(/\\n(?=\((?:Did you mean|run `advise))|\\n$/g, "\n"));
}

export function choiceSuggestion(message: string): string {
  const m = /argument '([^']*)' is invalid\. Allowed choices are (.+)\.\n?$/.exec(message);
  if (!m) return message;
  const guess = closest(m[1]!, m[2]!.split(", "));
  return guess ? `${message.trimEnd()}\n(Did you mean ${guess}?)\n` : message;
}

/** `advise help [COMMAND]`: commander offers it only to programs without an action of their own. */
function registerHelpCommand(program: Command): void {
  program
    .command("help")
    .description("show help for a command (advise help check), or for advise")
    .argument("[command]", "a command name")
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const cmd = program.commands.find((c) => c.name() === name);
      if (!cmd) {
        const names = program.commands.map((c) => c.name());
        const guess = closest(name, names);
        throw new UsageError(`help: unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ""}; expected one of ${names.join(", ")}`);
      }
      cmd.outputHelp();
    });
}

/** `engines` and `explain`: the catalogue and the rules, as text or JSON; `schema` and `init` for writing profiles. */
function registerInfoCommands(program: Command): void {
  program
    .command("schema")
    .description("print the profile's JSON Schema (for editors; generated from the validator)")
    .action(async () => {
      const { profileJsonSchemaText } = await import("./commands/schema.js");
      await writeStdout(profileJsonSchemaText());
    });
  const init = program
    .command("init")
    .description("write a commented starter profile; asks the questions on a terminal, or takes them as flags")
    .argument("[file]", "where to write it (- for standard output)", "profile.yaml")
    .option("--from [name]", "copy a shipped example profile instead (no NAME: list them)")
    .option("--force", "overwrite an existing file")
    .option("-y, --yes", "ask nothing; use defaults for what the flags do not give");
  for (const [flag, what] of [
    ["name", "the workload's name"],
    ["latency", "end-to-end p99 budget, e.g. 10ms"],
    ["throughput", "events per unit of time, e.g. 20k/s"],
    ["processing", "comma-separated: sql, dataflow, etl, ml-training, ml-scoring, cep"],
    ["unit", "event | record | either"],
    ["deployment", "library | service | either"],
    ["sources", "comma-separated connector kinds"],
    ["sinks", "comma-separated connector kinds"],
    ["languages", "comma-separated: java, scala, kotlin, python, go, sql"],
    ["event-time", "yes | no"],
    ["exactly-once", "yes | no"],
    ["state", "none | small | large"],
    ["batch", "yes | no"],
    ["cloud", "none | aws | gcp | azure | any"],
    ["license", "any | open-source"],
    ["serving", "none | lookup | sql: how applications read the results"],
    ["consistency", "eventual | consistent"],
    ["operations", "comma-separated: join, enrich, aggregate, window, dedupe"],
    ["platforms", "comma-separated: what the organisation already runs (engine ids, kafka, kafka-connect, kubernetes, databricks)"],
  ] as const) init.option(`--${flag} <value>`, what);
  init.action(async (file: string, opts: Record<string, unknown>) => {
    const { InitCancelled, runInit, runInitFrom, shippedProfilesText } = await import("./commands/init.js");
    const { yes, force, from, ...flags } = opts;
    const profilesDir = join(packageRoot(), "profiles");
    const schemaPath = join(packageRoot(), "schema", "profile.schema.json");
    if (from === true) {
      await writeStdout(shippedProfilesText(profilesDir, Math.min(100, stdoutWidth())));
      return;
    }
    if (typeof from === "string") {
      const given = Object.keys(flags).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      if (given.length) throw new UsageError(`init --from copies the example as it is; drop ${given.join(", ")} (edit the copy instead), or drop --from to build a profile from the flags`);
      const r = runInitFrom(from, file, { force: Boolean(force), profilesDir, schemaPath });
      if (r.wrote) process.stderr.write(`wrote ${file} (from the example ${from}); next: advise ${file}\n`);
      else await writeStdout(r.text);
      return;
    }
    const interactive = !yes && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
    let r: Awaited<ReturnType<typeof runInit>>;
    try {
      r = await runInit(file, { force: Boolean(force), flags, interactive, schemaPath });
    } catch (e) {
      if (!(e instanceof InitCancelled)) throw e;
      // Ctrl-C at a prompt: as a shell reports an interrupt
      process.stderr.write(`\nadvise: ${e.message}\n`);
      process.exitCode = 130;
      return;
    }
    if (r.wrote) process.stderr.write(`wrote ${file}; next: advise ${file}\n`);
    else await writeStdout(r.text);
  });
  program
    .command("engines")
    .description("list the engine catalogue, or print one engine's descriptor with every fact and its source")
    .argument("[id]", "an engine id, e.g. flink")
    .addOption(new Option("-f, --format <name>", "output format").choices(["text", "json"]).default("text"))
    .option("--catalog <dir>", "a folder of extra or overriding engine descriptors (YAML)")
    .action(async (id: string | undefined, opts: { format: "text" | "json"; catalog?: string }) => {
      problemsAsJson = opts.format === "json";
      // both sets, marked: the five core engines (and a user catalogue's) and the extended catalogue
      const { widened } = await import("./catalog/shipped.js");
      const catalog = await widened(await catalogFor({ catalog: opts.catalog, engines: "core" }));
      const m = await import("./commands/engines.js");
      if (opts.format === "json") {
        await writeStdout(`${JSON.stringify(id === undefined ? m.enginesJson(catalog) : m.engineJson(catalog, id), null, 2)}\n`);
        return;
      }
      if (id === undefined) {
        await writeStdout(noCommands(await fitted(m.enginesText(visibleDeep(catalog), fitsWidth() ? textWidth() : Infinity))));
        return;
      }
      const userFile = catalog.userFiles[id];
      await writeStdout(noCommands(await fitted(m.engineText(visibleDeep(m.engineById(catalog, id)), userFile && visible(userFile), m.setOf(catalog, id) === "extended"))));
    });
  program
    .command("explain")
    .description("say what a rule checks, what it reads, how it scores, and where it decides the outcome")
    .argument("[rule]", "a rule id, e.g. latency-budget")
    .addOption(new Option("-f, --format <name>", "output format").choices(["text", "json"]).default("text"))
    .action(async (ruleId: string | undefined, opts: { format: "text" | "json" }) => {
      problemsAsJson = opts.format === "json";
      const catalog = await catalogFor({});
      const m = await import("./commands/explain.js");
      if (ruleId === undefined) {
        await writeStdout(opts.format === "json" ? `${JSON.stringify(m.rulesJson(catalog, await wideFor(catalog)), null, 2)}\n` : await fitted(m.ruleListText(catalog)));
        return;
      }
      const wide = await wideFor(catalog);
      await writeStdout(opts.format === "json" ? `${JSON.stringify(m.ruleJson(ruleId, catalog, wide), null, 2)}\n` : await fitted(m.explainText(m.explainById(ruleId, catalog, wide))));
    });
}

/** argv without --no-pager (accepted anywhere before `--`, by every command, as git's is), and whether it was there. */
export function pagerOption(argv: string[]): { argv: string[]; noPager: boolean } {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  const noPager = argv.slice(0, end).includes("--no-pager");
  return noPager ? { argv: [...argv.slice(0, end).filter((a) => a !== "--no-pager"), ...argv.slice(end)], noPager } : { argv, noPager };
}

/** The subcommand a command line runs (advise check ...), for pointing usage errors to its help. */
let subcommand: string | undefined;

export async function main(args: string[]): Promise<number> {
  const { argv, noPager } = pagerOption(args);
  subcommand = COMMANDS.includes(argv[0] ?? "") && argv[0] !== "help" ? argv[0] : undefined;
  // a terminal pages long output, as git does; `advise mcp` writes through its own transport
  usePager(!noPager && argv[0] !== "mcp");
  const program = buildProgram(argv);
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (problemsAsJson && (e instanceof InputError || e instanceof UsageError)) {
      const { formatProblems, problemJson, usageProblem } = await import("./format/problems.js");
      await writeStdout(formatProblems(e instanceof InputError ? e.diagnostics.map(problemJson) : [usageProblem(e.message)]));
    }
    if (subcommand === "check" && e instanceof InputError && githubFormat(argv)) {
      // --format github: the log shows an annotation for what stopped the run (no ADR folder, say)
      const { escapeData } = await import("./check/github.js");
      const lines = e.diagnostics.map((d) => `::error ${d.file ? `file=${escapeData(d.file).replace(/,/g, "%2C").replace(/:/g, "%3A")},` : ""}${d.line ? `line=${d.line},col=${d.col ?? 1},` : ""}title=advise check%3A nothing checked::${escapeData(visible(formatDiagnostic(d)))}`);
      await writeStdout(`${lines.join("\n")}\n`);
    }
    return report(e, debug);
  }
}

/** Whether a command line asks for --format github (-f github, --format=github). */
function githubFormat(argv: string[]): boolean {
  return argv.some((a, i) => a === "--format=github" || a === "-fgithub" || ((a === "--format" || a === "-f") && argv[i + 1] === "github"));
}

export function report(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
    return 2; // commander already printed the message
  }
  if (e instanceof InputError) {
    process.stderr.write(noCommands(`${e.diagnostics.map(formatDiagnostic).join("\n")}\n`));
    return 2;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`advise: ${visible(e.message)}\n(run \`advise ${subcommand ? `${subcommand} ` : ""}--help\` for usage)\n`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`advise: internal error: ${msg}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write(`This is a bug in stream-advisor, not in your input. Run again with --debug for the stack trace and report it at ${LINKS.bugs}\n`);
  return 2;
}

