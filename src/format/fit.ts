// Fitting plain text to the terminal's width: every line longer than the width is
// word-wrapped, its continuation indented under where its text starts (after the line's own
// indent, or under the second column of a two-column line such as a help example), and a
// word that cannot fit (a URL) gets a line of its own, whole. Lines that fit stay as they are.

import { wrapLines } from "./types.js";

/** Where a line's continuation lines start: the second column of a two-column line, else its indent. */
function hangAt(line: string, width: number): number {
  const indent = /^ */.exec(line)![0].length;
  // "  advise check --format github      annotations in ..." or "Reads:          latency.floor"
  const twoColumns = /^( *\S.*?\S? {2,})\S/.exec(line);
  if (twoColumns && twoColumns[1]!.length <= width / 2) return twoColumns[1]!.length;
  // "key: value ..." at the line's indent, as in `advise engines ID`
  const label = /^( *[\w.[\]-]+: )\S/.exec(line);
  if (label && label[1]!.length <= width / 3) return indent + 2;
  return indent;
}

/** One line fitted to `width` columns. */
export function fitLine(line: string, width: number): string {
  if (line.length <= width) return line;
  // a source line, a URL and its version: whole, however long (a terminal wraps it, a click still works)
  if (/^ *https?:\/\/\S+( \([^)]*\))?$/.test(line)) return line;
  const indent = /^ */.exec(line)![0].length;
  // the second line of a two-column example, indented to a column the width does not have
  if (indent > width / 2) return fitLine(`      ${line.trimStart()}`, width);
  const twoColumns = /^( *\S.*?\S? {2,})(\S.*)$/.exec(line);
  if (twoColumns && twoColumns[1]!.length > width / 2 && indent > 0) {
    // a help example too wide for two columns: the command, then what it does beneath it
    const pad = " ".repeat(indent + 4);
    return [fitLine(twoColumns[1]!.trimEnd(), width), ...wrapLines(twoColumns[2]!, Math.max(20, width - pad.length)).split("\n").map((w) => `${pad}${w}`)].join("\n");
  }
  const hang = hangAt(line, width);
  const first = line.slice(0, hang);
  const rest = line.slice(hang);
  const pad = " ".repeat(hang);
  // the first line keeps everything before the hang column as it is (indent, first column)
  const head = first.trim() === "" ? "" : first;
  const words = wrapLines(rest, Math.max(20, width - hang)).split("\n");
  if (head === "") return words.map((w) => `${pad}${w}`).join("\n");
  if (hang > width - 20) return [head.trimEnd(), ...words.map((w) => `${pad}${w}`)].join("\n");
  return [`${head}${words[0]}`, ...words.slice(1).map((w) => `${pad}${w}`)].join("\n");
}

/** Every line of `text` fitted to `width` columns. */
export function fitText(text: string, width: number): string {
  return text
    .split("\n")
    .map((l) => fitLine(l, width))
    .join("\n");
}
