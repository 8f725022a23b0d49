// Every text a user reads on a terminal fits its width (COLUMNS, else the terminal's; at most
// 100): the report did already; engines, engines ID, explain, explain RULE and every --help
// now do too. A line longer than the width is allowed only when it is one URL, kept whole.
import { describe, expect, it } from "vitest";
import { fitLine, fitText } from "../src/format/fit.js";
import { advise } from "./cli-helpers.js";

const commands = [["engines"], ["engines", "flink"], ["engines", "bytewax"], ["explain"], ["explain", "latency-budget"], ["--help"], ["check", "--help"], ["init", "--help"], ["mcp", "--help"], ["help", "check"]];
const tooWide = (text: string, width: number) => text.split("\n").filter((l) => l.length > width && !/^ *(More: )?https?:\/\/\S+( \([^)]*\))?$/.test(l));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("text commands fit the width", () => {
  it.each(commands.map((c) => [c.join(" "), c] as const))("%s at 60, 80 and 200 columns", (_name, args) => {
    for (const width of [60, 80, 200]) {
      const r = advise([...args], { COLUMNS: String(width) });
      expect(r.status, r.stderr).toBe(0);
      expect(tooWide(r.stdout, Math.min(width, 100)), `${args.join(" ")} at ${width}`).toEqual([]);
    }
  });
  it("wraps between words only: the text is the same words as at full width", () => {
    for (const args of [["explain", "latency-budget"], ["engines", "flink"]]) {
      const wide = advise(args, { COLUMNS: "100" }).stdout;
      const narrow = advise(args, { COLUMNS: "60" }).stdout;
      expect(words(narrow)).toEqual(words(wide));
    }
  });
});

describe("fitLine", () => {
  it("leaves a line that fits alone", () => expect(fitLine("  short", 60)).toBe("  short"));
  it("keeps a URL whole on a line of its own", () => {
    const url = `https://example.org/${"a".repeat(90)}`;
    expect(fitLine(`More: ${url}`, 60).split("\n")).toContain(`  ${url}`);
  });
  it("hangs under the second column of a two-column line, or puts a wide command's description beneath it", () => {
    expect(fitText(`Reads:          ${"word ".repeat(20).trim()}`, 60).split("\n")[1]).toMatch(/^ {16}word/);
    const ex = fitLine(`  advise check --format sarif --output-file advise.sarif  ${"for code scanning ".repeat(3).trim()}`, 60).split("\n");
    expect(ex[0]).toBe("  advise check --format sarif --output-file advise.sarif");
    expect(ex[1]).toMatch(/^ {6}for code scanning/);
  });
});
