// `advise init --from NAME [FILE]`: start from a shipped example profile.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedProfiles } from "../src/commands/init.js";
import { advise, CLI_ROOT as ROOT } from "./cli-helpers.js";

const profiles = readdirSync(join(ROOT, "profiles")).filter((f) => f.endsWith(".yaml")).sort();

describe("advise init --from", () => {
  it("with no name lists every shipped example profile", () => {
    const r = advise(["init", "--from"]);
    expect(r.status).toBe(0);
    for (const p of profiles) expect(r.stdout).toContain(`  ${p.replace(/\.yaml$/, "")}  `);
  });
  it("copies one, schema reference made relative to the copy; never overwrites without --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "advise-from-"));
    try {
      const r = advise(["init", "--from", "fraud-scoring", "mine.yaml"], {}, undefined, dir);
      expect(r.stderr).toBe("wrote mine.yaml (from the example fraud-scoring); next: advise mine.yaml\n");
      const copy = readFileSync(join(dir, "mine.yaml"), "utf8");
      const original = readFileSync(join(ROOT, "profiles", "fraud-scoring.yaml"), "utf8");
      const schemaLine = /^# yaml-language-server: \$schema=(.*)$/m;
      expect(copy.replace(schemaLine, "")).toBe(original.replace(schemaLine, ""));
      expect(existsSync(join(dir, schemaLine.exec(copy)![1]!))).toBe(true);
      const again = advise(["init", "--from", "fraud-scoring", "mine.yaml"], {}, undefined, dir);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("already exists");
      expect(advise(["init", "--from", "card-authorization", "mine.yaml", "--force"], {}, undefined, dir).status).toBe(0);
      expect(advise([join(dir, "mine.yaml"), "--format", "json"]).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("to standard output with -", () => {
    const r = advise(["init", "--from", "card-authorization.yaml", "-"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("name: Card authorization");
  });
  it("an unknown name is a usage error with a did-you-mean; flags with --from are refused", () => {
    const r = advise(["init", "--from", "card-authorisation", "-"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no example profile 'card-authorisation' (did you mean 'card-authorization'?)");
    const f = advise(["init", "--from", "card-authorization", "-", "--latency", "5ms"]);
    expect(f.status).toBe(2);
    expect(f.stderr).toContain("drop --latency");
  });
  it("every shipped profile has a name and a description to list", () => {
    for (const p of shippedProfiles(join(ROOT, "profiles"))) expect(p.name && p.description, p.id).toBeTruthy();
  });
});
