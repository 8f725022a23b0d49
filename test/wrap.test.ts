// wrapLines returns a line that fits unchanged without splitting it (a fast
// path: the table's reasons are mostly such lines); it must agree with plain
// word wrapping on every input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapLines } from "../src/format/types.js";

function reference(text: string, max: number): string {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

describe("wrapLines", () => {
  it("agrees with plain word wrapping on any text and width", () => {
    const text = fc.stringMatching(/^[a-z \t\n\u00a0]{0,60}$/);
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 40 }), (t, max) => wrapLines(t, max) === reference(t, max)), { numRuns: 3000 });
  });
  it("keeps a fitting line as it is, and wraps a long one at spaces", () => {
    expect(wrapLines("Flink meets the 10ms budget", 40)).toBe("Flink meets the 10ms budget");
    expect(wrapLines("Flink  meets", 40)).toBe("Flink meets");
    expect(wrapLines(" Flink meets ", 40)).toBe("Flink meets");
    expect(wrapLines("Flink meets the 10ms budget", 12)).toBe("Flink meets\nthe 10ms\nbudget");
  });
});
