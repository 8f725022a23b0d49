// Small text helpers shared across the pipeline.

/** Code-unit order: the same on every machine and locale (localeCompare is neither, and is slow to start). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function capitalize(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function lowerFirst(s: string): string {
  return s.length ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Writes text (or bytes) to a stream and resolves once it is handed to the OS. */
export function writeOut(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/**
 * JSON text for output: JSON.stringify, with the characters it leaves as they
 * are but a terminal may act on (C1 controls, line separators, bidi overrides)
 * written as \u escapes. The same data, byte for byte, for any JSON parser.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
const JSON_HIDDEN = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// ---------------------------------------------------------------------------
// User text in output. Values from profiles, ADRs and catalogues reach reports
// (a profile's name, an ADR's `chosen:`, a file name, a YAML key); none of them
// may drive the terminal or the CI log that shows them.

/**
 * Characters that are never written as they are: C0 controls (LF, CR, tab,
 * ESC ...), DEL, C1 controls (CSI, OSC, NEL ...), the Unicode line and
 * paragraph separators, and the bidirectional overrides and isolates that can
 * make text read differently from what it is ("Trojan Source").
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "g");
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * User text made safe to print: every character HIDDEN matches is shown as an
 * escape (`\n`, `\x1b`, `\u202e`) instead of being emitted. Backslashes are
 * left alone, so applying it twice changes nothing.
 */
export function visible(s: string): string {
  if (!HIDDEN.test(s)) return s;
  return s.replace(HIDDEN_ALL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
  });
}

/**
 * visible() on every string inside plain data (objects and arrays, as JSON
 * holds them). Copy-on-write: data without such characters comes back as the
 * same object, unallocated.
 */
export function visibleDeep<T>(value: T, skipKeys: readonly string[] = []): T {
  if (typeof value === "string") return visible(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const x = visibleDeep(value[i], skipKeys);
      if (x !== value[i]) (out ??= value.slice())[i] = x;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === "object") {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      if (skipKeys.includes(k)) continue;
      const x = visibleDeep(v, skipKeys);
      if (x !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = x;
    }
    return (out ?? value) as T;
  }
  return value;
}

/**
 * GitHub Actions runs a workflow command from any line of a step's output
 * (stdout or stderr) that starts with `::` after leading whitespace
 * (`::error::`, `::add-mask::`, `::stop-commands::`). Only `--format github`
 * may write such lines; in every other output a line that would start so gets
 * a backslash before the `::`, shown, never obeyed.
 */
export function noCommands(text: string): string {
  return text.includes("::") ? text.replace(/^([^\S\n\r\u2028\u2029]*)::/gm, "$1\\::") : text;
}

const WORD = /^[\p{L}\p{N}]$/u;

/**
 * User text in Markdown (reports, the GitHub step summary): shown literally.
 * HTML is written as entities; the characters that start Markdown syntax
 * (code, emphasis, links, strikethrough, math, table cells) are
 * backslash-escaped; an underscore inside a word, which cannot start emphasis,
 * is left as it is.
 */
export function mdText(s: string): string {
  return visible(s)
    .replace(/[\\`*[\]|~$]/g, "\\$&")
    .replace(/_/g, (_m, at: number, all: string) => (WORD.test(all[at - 1] ?? "") && WORD.test(all[at + 1] ?? "") ? "_" : "\\_"))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** User text as a Markdown code span: a backtick fence longer than any run of backticks inside it. */
export function mdCode(s: string): string {
  const text = visible(s);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
