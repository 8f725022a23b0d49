// `advise init [FILE]`: a commented starter profile. On a terminal it asks the
// seed's questions in the seed's order (latency, volume, processing, events or
// records, library or service, then the rest); with flags or without a
// terminal it asks nothing. It never overwrites a file without --force, and
// what it writes is validated before it is written.

import { lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { dirname, join, relative, resolve } from "node:path";
import { InputError, UsageError } from "../diagnostics.js";
import { describeWriteError } from "../io/read.js";
import { writeFileAtomic } from "../io/write.js";
import { parseYaml } from "../io/yaml.js";
import { loadProfile } from "../profile/load.js";
import { CLOUDS, CONNECTOR_KINDS, CONSISTENCY, DEPLOYMENTS, KNOWN_PLATFORMS, LANGUAGES, LICENSES, OPERATIONS, PROCESSING_KINDS, SERVING, STATE_SIZES, UNITS } from "../profile/fields.js";
import { closest } from "../suggest.js";
import { DURATION_EXPECTED, durationHint, parseDuration, parseRate, RATE_EXPECTED, rateHint, type UnitHint } from "../units.js";

export interface InitAnswers {
  name: string;
  latency: string;
  throughput: string;
  processing: string[];
  unit: string;
  deployment: string;
  sources: string[];
  sinks: string[];
  languages: string[];
  eventTime: boolean;
  exactlyOnce: boolean;
  state: string;
  batch: boolean;
  cloud: string;
  license: string;
  serving: string;
  consistency: string;
  operations: string[];
  /** what the organisation already runs: engine ids, kafka, kafka-connect, kubernetes */
  platforms: string[];
  /** requirements written as `must` under priorities (asked last on a terminal; none by default) */
  musts?: string[];
}

export const DEFAULTS: InitAnswers = {
  name: "My streaming workload",
  latency: "1s",
  throughput: "10k/s",
  processing: [],
  unit: "either",
  deployment: "either",
  sources: [],
  sinks: [],
  languages: [],
  eventTime: false,
  exactlyOnce: false,
  state: "none",
  batch: false,
  cloud: "any",
  license: "any",
  serving: "none",
  consistency: "eventual",
  operations: [],
  platforms: [],
};

export interface Question {
  key: keyof InitAnswers;
  text: string;
  kind: "duration" | "rate" | "text" | "enum" | "list" | "bool";
  options?: readonly string[];
  /** a list that also takes ids outside `options` (kebab-case), unless a small edit away from one of them */
  open?: boolean;
}

/** The seed's order: latency, volume, kind of processing, events or records, library or service, then the rest. */
export const QUESTIONS: Question[] = [
  { key: "name", text: "What is the workload called?", kind: "text" },
  { key: "latency", text: `End-to-end p99 latency budget (${DURATION_EXPECTED})?`, kind: "duration" },
  { key: "throughput", text: `Events per unit of time, at peak (${RATE_EXPECTED})?`, kind: "rate" },
  { key: "processing", text: "Kinds of processing", kind: "list", options: PROCESSING_KINDS },
  { key: "unit", text: "Events (each message handled on its own) or records (bulk, in sets or windows)?", kind: "enum", options: UNITS },
  { key: "deployment", text: "A library inside your own services, or a service you submit jobs to?", kind: "enum", options: DEPLOYMENTS },
  { key: "sources", text: "Sources", kind: "list", options: CONNECTOR_KINDS },
  { key: "sinks", text: "Sinks", kind: "list", options: CONNECTOR_KINDS },
  { key: "languages", text: "Languages the team will write the job in", kind: "list", options: LANGUAGES },
  { key: "eventTime", text: "Event-time windows, watermarks and late data needed?", kind: "bool" },
  { key: "exactlyOnce", text: "Exactly-once results end to end needed?", kind: "bool" },
  { key: "state", text: "How much keyed state?", kind: "enum", options: STATE_SIZES },
  { key: "batch", text: "Must the same code run bounded backfills?", kind: "bool" },
  { key: "cloud", text: "A managed offering wanted on which cloud?", kind: "enum", options: CLOUDS },
  { key: "license", text: "Licence requirement?", kind: "enum", options: LICENSES },
  { key: "serving", text: "How do applications read the results: from the sinks (none), by key from where they are computed (lookup), or with ad-hoc SQL (sql)?", kind: "enum", options: SERVING },
  { key: "consistency", text: "May a reader see half-applied results (eventual), or never (consistent)?", kind: "enum", options: CONSISTENCY },
  { key: "operations", text: "Stateful operations the job needs", kind: "list", options: OPERATIONS },
  // any other kebab-case id is taken too (an engine of a user catalogue), unless it is a typo of a known one
  { key: "platforms", text: "What does the organisation already run in production", kind: "list", options: KNOWN_PLATFORMS, open: true },
];

/** Checks one answer; returns the value or an error message to ask again with. */
export function parseAnswer(q: Question, raw: string): { value: unknown } | { error: string } {
  const t = raw.trim();
  switch (q.kind) {
    case "text":
      return t ? { value: t } : { error: "an answer is needed" };
    case "duration":
      if (parseDuration(t) && parseDuration(t)!.ms > 0) return { value: t };
      return { error: `${didYouMean(durationHint(t))}expected ${DURATION_EXPECTED}` };
    case "rate":
      if (parseRate(t) && parseRate(t)!.perSecond > 0) return { value: t };
      return { error: `${didYouMean(rateHint(t))}expected ${RATE_EXPECTED}` };
    case "enum": {
      if (q.options!.includes(t)) return { value: t };
      const guess = closest(t, q.options!);
      return { error: `${guess ? `did you mean '${guess}'? ` : ""}expected one of ${q.options!.join(", ")}` };
    }
    case "bool":
      if (/^(y|yes|true)$/i.test(t)) return { value: true };
      if (/^(n|no|false)$/i.test(t)) return { value: false };
      return { error: "expected yes or no" };
    case "list": {
      const items = t === "" || t === "none" ? [] : t.split(/[\s,]+/).filter(Boolean);
      // an open list takes any kebab-case id that is not a small edit away from a known one (the profile's rule)
      const bad = items.filter((i) => !q.options!.includes(i) && !(q.open && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(i) && !closest(i, q.options!)));
      const guesses = bad.map((b) => closest(b, q.options!)).filter(Boolean);
      return bad.length
        ? { error: `unknown: ${bad.join(", ")}${guesses.length ? ` (did you mean ${guesses.map((g) => `'${g}'`).join(", ")}?)` : ""}; expected any of ${q.options!.join(", ")}${q.open ? " (or an engine id of your own catalogue)" : ""}` }
        : { value: [...new Set(items)] };
    }
  }
}

/**
 * The `$schema` a written profile points its editor at: the installed schema relative to the
 * file; for standard output, whose destination is unknown (and may be committed), the
 * schema's published https `$id`, never this machine's absolute path.
 */
function schemaReference(target: string | undefined, schemaPath: string): string {
  if (target) return relative(dirname(target), schemaPath).split("\\").join("/");
  try {
    const id = (JSON.parse(readFileSync(schemaPath, "utf8")) as { $id?: unknown }).$id;
    if (typeof id === "string" && id.startsWith("https://")) return id;
  } catch {
    // no schema file beside the package: fall through
  }
  return "https://raw.githubusercontent.com/stream-advisor/stream-advisor/main/schema/profile.schema.json";
}

/** The validator's did-you-mean for a duration or rate, as the start of a prompt's error. */
function didYouMean(hint: UnitHint | undefined): string {
  return hint ? `did you mean '${hint.suggestion}'?${hint.note ? ` (${hint.note})` : ""} ` : "";
}

/** Ctrl-C at a prompt: nothing was written, and the shell's exit code for an interrupt (130) follows. */
export class InitCancelled extends Error {
  constructor() {
    super("init: cancelled; nothing was written");
  }
}

/** The requirements that can be a must, as `priorities` names them, in the questions' order. */
const MUST_KEYS = ["latency", "throughput", "processing", "unit", "deployment", "sources", "sinks", "languages", "eventTime", "exactlyOnce", "state", "batch", "cloud", "license", "serving", "consistency", "operations"] as const;

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(", ") || "none" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
}

/** Asks the questions on a terminal (this module is initialised only for `advise init`). */
export async function ask(defaults: InitAnswers, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, width = 100): Promise<InitAnswers> {
  const rl = createInterface({ input, output });
  let cancelled = false;
  // closing the interface would leave the pending question unsettled: abort it instead
  const abort = new AbortController();
  rl.on("SIGINT", () => {
    cancelled = true;
    abort.abort();
  });
  const answers: InitAnswers = { ...defaults };
  // a long prompt wraps between words, its answer after the last line
  const prompt = (text: string) => wrapAfter(text, Math.max(40, Math.min(100, width)), "").replace(/\s*$/, " ");
  const question = async (text: string): Promise<string> => {
    try {
      return await rl.question(prompt(text), { signal: abort.signal });
    } catch {
      if (cancelled) throw new InitCancelled();
      throw new UsageError("init: the input ended before every question was answered; nothing was written");
    }
  };
  try {
    output.write("Describe the workload; press Enter to keep the [default].\n");
    for (const q of QUESTIONS) {
      const hint = q.kind === "list" || q.kind === "enum" ? ` (${q.options!.join(", ")})` : "";
      for (;;) {
        const raw = await question(`${q.text}${hint} [${show(defaults[q.key])}]`);
        if (raw.trim() === "") break;
        const r = parseAnswer(q, raw);
        if ("value" in r) {
          (answers as unknown as Record<string, unknown>)[q.key] = r.value;
          break;
        }
        output.write(`  ${wrapAfter(r.error, Math.max(40, Math.min(100, width)), "  ")}\n`);
      }
    }
    // which requirements an engine must meet (disqualified otherwise)
    const mustQ: Question = { key: "musts" as keyof InitAnswers, text: "Which requirements must an engine meet (disqualified otherwise)?", kind: "list", options: MUST_KEYS };
    for (;;) {
      const raw = await question(`${mustQ.text} (${MUST_KEYS.join(", ")}) [${show(defaults.musts ?? [])}]`);
      if (raw.trim() === "") break;
      const r = parseAnswer(mustQ, raw);
      if ("value" in r) {
        answers.musts = r.value as string[];
        break;
      }
      output.write(`  ${wrapAfter(r.error, Math.max(40, Math.min(100, width)), "  ")}\n`);
    }
  } finally {
    rl.close();
  }
  return answers;
}

const list = (xs: string[]) => `[${xs.join(", ")}]`;
const line = (key: string, value: string, comment?: string) => (comment ? `${`${key}: ${value}`.padEnd(30)} # ${comment}` : `${key}: ${value}`);

/** The starter profile text, with comments that teach the format. */
export function renderProfile(a: InitAnswers, schemaRef: string): string {
  return [
    "# A stream-advisor profile: what this workload needs. `advise FILE` ranks the engines for it.",
    "# Field reference: README.md, \"Profile reference\"; `advise schema` prints the JSON Schema.",
    `# yaml-language-server: $schema=${schemaRef}`,
    "version: 1",
    line("name", JSON.stringify(a.name)),
    "",
    line("latency", a.latency, "end-to-end p99 budget: 500us, 10ms, 2s, 5m, 1h"),
    line("throughput", a.throughput, "events per unit of time; or {sustained: 20k/s, peak: 200k/s}"),
    line("processing", list(a.processing), `any of: ${PROCESSING_KINDS.join(", ")}`),
    line("unit", a.unit, "event (each message on its own) | record (bulk, in sets or windows) | either"),
    line("deployment", a.deployment, "library (inside your services) | service (a cluster you submit jobs to) | either"),
    "",
    line("sources", list(a.sources), `any of: ${CONNECTOR_KINDS.join(", ")}`),
    line("sinks", list(a.sinks)),
    line("languages", list(a.languages), `at least one must fit: ${LANGUAGES.join(", ")}`),
    line("eventTime", String(a.eventTime), "event-time windows, watermarks and late data"),
    line("exactlyOnce", String(a.exactlyOnce), "exactly-once results end to end"),
    line("state", a.state, "none | small (fits in memory) | large (GB to TB of keyed state)"),
    line("batch", String(a.batch), "the same code must also run bounded backfills"),
    line("cloud", a.cloud, "managed offering on: none (self-run) | aws | gcp | azure | any"),
    line("license", a.license, "any | open-source (OSI-approved licences only)"),
    line("serving", a.serving, "how applications read results: none (from the sinks) | lookup (by key) | sql"),
    line("consistency", a.consistency, "eventual (readers may see half-applied results) | consistent"),
    line("operations", list(a.operations), `stateful operations: ${OPERATIONS.join(", ")}`),
    line("platforms", list(a.platforms), "already run: engine ids, kafka, kafka-connect, kubernetes"),
    "",
    "# How much each requirement weighs: must (an engine that cannot meet it is",
    "# disqualified), high, normal (the default), low.",
    "priorities:",
    ...(a.musts?.length ? a.musts.map((k) => `  ${k}: must`) : ["  latency: high"]),
    "",
  ].join("\n");
}

export interface InitOptions {
  force?: boolean;
  flags: Partial<Record<keyof InitAnswers, unknown>>;
  interactive: boolean;
  /** where the shipped JSON Schema is, to reference it relative to the file written */
  schemaPath: string;
}

/** Validates flag values the same way answers are validated. */
export function answersFromFlags(flags: InitOptions["flags"]): Partial<InitAnswers> {
  const out: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const v = flags[q.key];
    if (v === undefined) continue;
    const r = parseAnswer(q, Array.isArray(v) ? v.join(",") : String(v));
    if ("error" in r) throw new UsageError(`--${q.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${JSON.stringify(v)}: ${r.error}`);
    out[q.key] = r.value;
  }
  return out as Partial<InitAnswers>;
}

export async function runInit(file: string, opts: InitOptions): Promise<{ text: string; wrote?: string }> {
  const toStdout = file === "-";
  const target = toStdout ? undefined : resolve(file);
  if (target && present(target) && !opts.force) throw new UsageError(alreadyThere(target, file));
  const given = answersFromFlags(opts.flags);
  const anyFlag = Object.keys(given).length > 0;
  let answers: InitAnswers = { ...DEFAULTS, ...given };
  if (opts.interactive && !anyFlag && !toStdout) answers = await ask(answers, process.stdin, process.stderr, process.stderr.columns || 100);
  const schemaRef = schemaReference(target, opts.schemaPath);
  const text = renderProfile(answers, schemaRef);
  // What is written must validate: a flag value that is well formed but out of
  // range (--latency 9000h) is reported against its flag.
  try {
    loadProfile(parseYaml({ file: file === "-" ? "<stdout>" : file, text }));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const lines = text.split("\n");
    throw new UsageError(
      e.diagnostics
        .map((d) => {
          const key = /^(\w+):/.exec(lines[(d.line ?? 1) - 1] ?? "")?.[1] ?? "value";
          return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${d.message}${d.expected ? `; expected ${d.expected}` : ""}`;
        })
        .join("\n"),
    );
  }
  return writeProfile(text, target, file, opts.force);
}

/** The example profiles shipped in the package (profiles/*.yaml), with the name and description each declares. */
export function shippedProfiles(profilesDir: string): { id: string; name: string; description: string }[] {
  return readdirSync(profilesDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(profilesDir, f), "utf8");
      const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, "m").exec(text)?.[1]?.trim() ?? "";
      return { id: f.replace(/\.yaml$/, ""), name: field("name"), description: field("description") };
    });
}

/** `advise init --from` with no name: the list to choose from. */
export function shippedProfilesText(profilesDir: string, width = 100): string {
  const list = shippedProfiles(profilesDir);
  const w = Math.max(...list.map((p) => p.id.length));
  const indent = " ".repeat(w + 4);
  const lines = list.map((p) => `  ${p.id.padEnd(w)}  ${wrapAfter(`${p.name}: ${p.description}`, width, indent)}`);
  return `Example profiles (advise init --from NAME [FILE] copies one to start from):\n\n${lines.join("\n")}\n`;
}

function wrapAfter(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export interface InitFromOptions {
  force?: boolean;
  profilesDir: string;
  schemaPath: string;
}

/** `advise init --from NAME [FILE]`: a shipped example profile, copied as it is but for its schema reference (made relative to FILE). */
export function runInitFrom(name: string, file: string, opts: InitFromOptions): { text: string; wrote?: string } {
  const id = name.replace(/\.ya?ml$/, "");
  const ids = shippedProfiles(opts.profilesDir).map((p) => p.id);
  if (!ids.includes(id)) {
    const guess = closest(id, ids);
    throw new UsageError(`init --from: no example profile '${name}'${guess ? ` (did you mean '${guess}'?)` : ""}; expected one of ${ids.join(", ")} (advise init --from lists them)`);
  }
  const toStdout = file === "-";
  const target = toStdout ? undefined : resolve(file);
  if (target && present(target) && !opts.force) throw new UsageError(alreadyThere(target, file));
  const schemaRef = schemaReference(target, opts.schemaPath);
  const text = readFileSync(join(opts.profilesDir, `${id}.yaml`), "utf8").replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaRef}`);
  return writeProfile(text, target, file, opts.force);
}

/** Whether anything is at path, a symbolic link (even a dangling one) included. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function alreadyThere(target: string, file: string): string {
  let link = false;
  try {
    link = lstatSync(target).isSymbolicLink();
  } catch {
    // gone in between: the plain message
  }
  return link ? `${file} already exists as a symbolic link; use --force to replace the link (what it points to is never written), or name another file` : `${file} already exists; use --force to overwrite it, or name another file`;
}

/**
 * The profile text, written to target unless it is stdout (never over an
 * existing file without force). With force, the new file is renamed into place
 * (writeFileAtomic): a symbolic link there is replaced, never written through,
 * and a device or FIFO is refused.
 */
function writeProfile(text: string, target: string | undefined, file: string, force: boolean | undefined): { text: string; wrote?: string } {
  if (!target) return { text };
  if (force && present(target)) {
    try {
      writeFileAtomic(target, text);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.diagnostics.map((d) => ({ ...d, file })));
      throw e;
    }
    return { text, wrote: target };
  }
  try {
    writeFileSync(target, text, { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(alreadyThere(target, file));
    throw new InputError([{ file, message: `cannot be written (${describeWriteError(e)})`, expected: "a path in an existing, writable folder" }]);
  }
  return { text, wrote: target };
}
