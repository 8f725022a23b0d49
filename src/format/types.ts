// Formatters are pure: (data, ctx) => string. Colour and width come in through ctx.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s };

export interface FormatContext {
  style: Style;
  /** columns available; formatters wrap to it */
  width: number;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}`.replace("\u2212", "-") : "0";
}

/** Word-wraps text to width, every line after the first indented. */
export function wrap(text: string, width: number, indent: string): string {
  return wrapLines(text, Math.max(20, width - indent.length)).split("\n").join(`\n${indent}`);
}

/** Whitespace that wrapping would change: any but a single inner space. */
const ODD_SPACE = /[^\S ]| {2}|^ | $/;

/** Word-wraps text into lines of at most `max` characters (a longer word gets a line of its own). */
export function wrapLines(text: string, max: number): string {
  // Most lines fit and are single-spaced already: then wrapping would give them back unchanged.
  if (text.length <= max && !ODD_SPACE.test(text)) return text;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
