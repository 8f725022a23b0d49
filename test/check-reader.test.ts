// Reading ADRs: blocks, positions, status and title in every style ADR tools write.
import { describe, expect, it } from "vitest";
import { InputError } from "../src/diagnostics.js";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { expandGlob } from "../src/io/glob.js";
import { displayPath, findRepoRoot, type ParsedAdr, parseAdr, statusWord } from "../src/check/reader.js";
import { positionOf, nodeAt } from "../src/io/yaml.js";

const adr = (text: string): ParsedAdr => parseAdr({ file: "adr.md", text });

/** Where the `chosen` value of block i is, in file positions. */
function chosenAt(a: ParsedAdr, i = 0) {
  const b = a.blocks[i]!;
  if (!("src" in b)) throw new Error("block has problems");
  return positionOf(b.src, nodeAt(b.src, [...b.base, "chosen"]));
}

describe("status", () => {
  it.each([
    ["---\nstatus: accepted\n---\n", "accepted", false],
    ["---\nstatus: superseded by [ADR-0005](0005-x.md)\n---\n", "superseded", true],
    ["---\nstatus: Deprecated\n---\n", "deprecated", true],
    ["# 1. X\n\n## Status\n\nAccepted\n\n## Context\n", "accepted", false],
    ["# 1. X\n\n## Status\n\nRejected\n", "rejected", true],
    ["# 1. X\n\n## Status\n\nAccepted\n\nSuperseded by [3. Y](0003-y.md)\n\n## Context\n\nSuperseded is a word here.\n", "superseded", true],
    ["# 1. X\n\n## Status\n\nAccepted\n\nAmended by [3. Y](0003-y.md)\n", "accepted", false],
    ["# 1. X\n\n## Status: Proposed\n", "proposed", false],
    ["# X\n\n- Status: deprecated\n- Date: 2026-01-01\n\n## Context\n", "deprecated", true],
    ["# X\n\n* **Status**: accepted\n", "accepted", false],
    ["# X\n\n## Context\n\nStatus: rejected (this is prose in a section, not a status line)\n", undefined, false],
    ["# X\n\n## Status\n\n*Superseded*\n", "superseded", true],
    ["# X\n", undefined, false],
  ])("%j -> %s", (text, status, inactive) => {
    const a = adr(text);
    expect(a.status).toBe(status);
    expect(a.inactive).toBe(inactive);
  });

  it("front matter wins over a ## Status section", () => {
    expect(adr("---\nstatus: accepted\n---\n# X\n\n## Status\n\nSuperseded\n").status).toBe("accepted");
  });

  it("takes the first word, whatever decorates it", () => {
    expect(statusWord("  **Accepted** on 2026-01-01")).toBe("accepted");
    expect(statusWord("[Superseded by ADR-3](x.md)")).toBe("superseded");
    expect(statusWord("{proposed | rejected | accepted}")).toBe("proposed");
    expect(statusWord("")).toBeUndefined();
  });
});

describe("blocks", () => {
  it("front matter: positions are file positions", () => {
    const a = adr("---\nstatus: accepted\nstream-advisor:\n  profile: p.yaml\n  chosen: flink\n---\n# X\n");
    expect(a.style).toBe("madr");
    expect(a.blocks).toHaveLength(1);
    expect(chosenAt(a)).toEqual({ line: 5, col: 11 });
  });

  it("front matter with a list holds one decision per item", () => {
    const a = adr("---\nstream-advisor:\n  - profile: a.yaml\n    chosen: flink\n  - {profile: b.yaml, chosen: spark}\n---\n");
    expect(a.blocks.map((_, i) => chosenAt(a, i))).toEqual([
      { line: 4, col: 13 },
      { line: 5, col: 31 },
    ]);
  });

  it("fenced blocks: backticks, tildes, longer fences, several per ADR", () => {
    const a = adr("# 1. X\n\n```yaml stream-advisor\nprofile: a.yaml\nchosen: flink\n```\n\n~~~~ yml stream-advisor\nprofile: b.yaml\nchosen: spark\n~~~~\n");
    expect(a.style).toBe("nygard");
    expect(a.title).toBe("1. X");
    expect(a.blocks.map((_, i) => chosenAt(a, i))).toEqual([
      { line: 5, col: 9 },
      { line: 10, col: 9 },
    ]);
  });

  it("an indented fence keeps its columns", () => {
    const a = adr("- decision:\n\n  ```yaml stream-advisor\n  profile: a.yaml\n  chosen: flink\n  ```\n");
    expect(chosenAt(a)).toEqual({ line: 5, col: 11 });
  });

  it("ignores other fences, examples inside fences, and fenced blocks when front matter has one", () => {
    expect(adr("```yaml\nprofile: a.yaml\nchosen: flink\n```\n").blocks).toEqual([]);
    expect(adr("````markdown\n```yaml stream-advisor\nchosen: flink\n```\n````\n").blocks).toEqual([]);
    expect(adr("~~~\n```yaml stream-advisor\nchosen: flink\n```\n~~~\n").blocks).toEqual([]);
    const both = adr("---\nstream-advisor: {profile: a.yaml, chosen: flink}\n---\n```yaml stream-advisor\nprofile: b.yaml\nchosen: spark\n```\n");
    expect(both.blocks).toHaveLength(1);
    expect(both.blocks[0]!.kind).toBe("front-matter");
  });

  it("a ## Status heading inside a fence is not the status", () => {
    expect(adr("# X\n\n```\n## Status\n\nRejected\n```\n").status).toBeUndefined();
  });

  it("a broken fenced block is returned with its problems; the next block still counts", () => {
    const a = adr("```yaml stream-advisor\nchosen: [flink\n```\n\n```yaml stream-advisor\nprofile: a.yaml\nchosen: spark\n```\n");
    expect(a.blocks).toHaveLength(2);
    expect("problems" in a.blocks[0]! && a.blocks[0].problems[0]!.line).toBe(3);
    expect(chosenAt(a, 1)).toEqual({ line: 7, col: 9 });
  });

  it("broken front matter is an InputError located in the file", () => {
    try {
      adr("---\nstatus: accepted\nstatus: rejected\n---\n");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).diagnostics[0]).toMatchObject({ file: "adr.md", line: 3, col: 1, message: "duplicate key 'status'" });
    }
  });

  it("CRLF line ends keep positions", () => {
    const a = adr("---\r\nstream-advisor:\r\n  profile: a.yaml\r\n  chosen: flink\r\n---\r\n");
    expect(chosenAt(a)).toEqual({ line: 4, col: 11 });
  });
});

describe("style", () => {
  it("is where the block is", () => {
    expect(adr("---\nstream-advisor: {profile: a.yaml, chosen: flink}\n---\n").style).toBe("madr");
    expect(adr("---\nstatus: accepted\n---\n```yaml stream-advisor\nprofile: a.yaml\nchosen: flink\n```\n").style).toBe("nygard");
    expect(adr("# X\n\n```yaml stream-advisor\nprofile: a.yaml\nchosen: flink\n```\n").style).toBe("nygard");
  });
});

describe("paths", () => {
  const tree = () => {
    const dir = mkdtempSync(join(tmpdir(), "advise-reader-"));
    for (const f of ["docs/adr/0001-a.md", "docs/adr/0002-b.md", "docs/adr/.hidden.md", "docs/adr/notes.txt", "svc/x/docs/adr/0001-x.md", "node_modules/pkg/docs/adr/0001-n.md", ".git/HEAD"]) {
      mkdirSync(join(dir, dirname(f)), { recursive: true });
      writeFileSync(join(dir, f), "");
    }
    return dir;
  };
  const rel = (_dir: string, paths: string[]) => paths;

  it("expandGlob: * and ? stay in a segment and skip dotfiles; ** spans folders but not node_modules; [..] and {a,b}", () => {
    const dir = tree();
    expect(rel(dir, expandGlob("docs/adr/*.md", { cwd: dir, folders: true }))).toEqual(["docs/adr/0001-a.md", "docs/adr/0002-b.md"]);
    expect(rel(dir, expandGlob("docs/adr/000?-*", { cwd: dir, folders: true }))).toEqual(["docs/adr/0001-a.md", "docs/adr/0002-b.md"]);
    expect(rel(dir, expandGlob("**/0001-*.md", { cwd: dir, folders: true }))).toEqual(["docs/adr/0001-a.md", "svc/x/docs/adr/0001-x.md"]);
    expect(rel(dir, expandGlob("docs/adr/000[!1]-*.md", { cwd: dir, folders: true }))).toEqual(["docs/adr/0002-b.md"]);
    expect(rel(dir, expandGlob("docs/adr/*.{md,txt}", { cwd: dir, folders: true }))).toEqual(["docs/adr/0001-a.md", "docs/adr/0002-b.md", "docs/adr/notes.txt"]);
    expect(rel(dir, expandGlob("*/*/docs/adr", { cwd: dir, folders: true }))).toEqual(["svc/x/docs/adr"]);
    expect(expandGlob("nowhere/*.md", { cwd: dir, folders: true })).toEqual([]);
  });

  it("findRepoRoot: the nearest folder holding .git, else the start", () => {
    const dir = tree();
    expect(findRepoRoot(join(dir, "svc", "x", "docs"))).toBe(dir);
    const plain = mkdtempSync(join(tmpdir(), "advise-noroot-"));
    expect(findRepoRoot(plain)).toBe(plain);
  });

  it("displayPath: from the root always relative; from the working folder relative inside it or the repository", () => {
    const root = "/r";
    expect(displayPath("/r/docs/a.md", "/r/svc/x", "/r", root)).toBe("docs/a.md");
    expect(displayPath("/elsewhere/a.md", "/r/svc/x", "/r", root)).toBe("../elsewhere/a.md");
    expect(displayPath("../../docs/a.md", "/r/svc/x", "/r/svc/x", root)).toBe("../../docs/a.md");
    expect(displayPath("/r/docs/a.md", "/r/svc/x", "/r/svc/x", root)).toBe("../../docs/a.md");
    expect(displayPath("/elsewhere/a.md", "/r/svc/x", "/r/svc/x", root)).toBe("/elsewhere/a.md");
  });
});
