// src/engine/ is one straight house: scoring at the bottom, the decision on it,
// the analyses (what-if, why-not) and the words on top; no import cycle, and
// no second scorer (only score.ts turns verdicts into points).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(__dirname, "..", "src", "engine");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
const imports = (f: string) => [...readFileSync(join(dir, f), "utf8").matchAll(/(?:from |import\()"\.\/([a-z-]+)\.js"/g)].map((m) => `${m[1]}.ts`);

const LAYER: Record<string, number> = { "result.ts": 0, "score.ts": 0, "decide.ts": 1, "sensitivity.ts": 2, "why-not.ts": 3, "evaluate.ts": 3, "beyond.ts": 3 };

describe("src/engine layering", () => {
  it("knows every file's layer", () => {
    expect(files.sort()).toEqual(Object.keys(LAYER).sort());
  });

  it.each(files.map((f) => [f] as const))("%s imports only from layers below it", (f) => {
    for (const dep of imports(f)) expect(LAYER[dep]!, `${f} imports ${dep}`).toBeLessThan(LAYER[f]!);
  });

  it("has one scorer: only score.ts computes share * (fit - 0.5)", () => {
    for (const f of files.filter((x) => x !== "score.ts")) expect(readFileSync(join(dir, f), "utf8"), f).not.toMatch(/share \* \(/);
  });
});
