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
  /** the table: print every engine's reasons with sources (default true; a terminal shows them only with --reasons) */
  reasons?: boolean;
  /**
   * the table on a terminal that is not paged: its rows. A report taller than that is
   * shortened (one line per engine) so that the screen still holds the recommendation and
   * the top of the ranking. Undefined: no limit (a pipe, a file, or a pager).
   */
  height?: number;
}

/** Prose never runs wider than this, however wide the terminal (COLUMNS or the terminal width narrow it). */
export const MAX_WIDTH = 100;
/** The narrowest width the table is laid out for: below it lines may run over. */
export const MIN_WIDTH = 60;

/** The width to lay out for: `columns` held between MIN_WIDTH and MAX_WIDTH. */
export function layoutWidth(columns: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(columns)));
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}`.replace("\u2212", "-") : "0";
}

/** Word-wraps text to width, every line after the first indented. */
export function wrap(text: string, width: number, indent: string): string {
  return wrapLines(text, Math.max(20, width - indent.length)).split("\n").join(`\n${indent}`);
}

/**
 * Word-wraps text that starts after `first` columns of something else on its
 * line (a bullet, a score): that line gets what is left of `width`, and every
 * later line is indented by `indent` and gets the rest.
 */
export function hang(text: string, width: number, first: number, indent: string): string {
  const firstMax = Math.max(20, width - first);
  const restMax = Math.max(20, width - indent.length);
  if (text.length <= firstMax && !ODD_SPACE.test(text)) return text;
  const [head = "", ...rest] = wrapLines(text, firstMax).split("\n");
  if (!rest.length) return head;
  return [head, ...wrapLines(rest.join(" "), restMax).split("\n")].join(`\n${indent}`);
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
