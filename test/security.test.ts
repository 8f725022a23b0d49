// Reproductions of the attacks in the security review: a hostile repository,
// a tampered cache folder and a misbehaving MCP client. Each input must get a
// located message and exit 2 (or a JSON-RPC error), never a stack trace,
// nothing read or written outside where the user said, no secret echoed.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { advise, CLI, CLI_ROOT, TODAY_ENV } from "./cli-helpers.js";

const tmp = (name = "sec") => mkdtempSync(join(tmpdir(), `advise-${name}-`));
const PROFILE = join(CLI_ROOT, "test", "fixtures", "adr", "profiles", "card-authorization.yaml");
const noTrace = (r: { stderr: string; stdout: string }) => {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
};

/** A repository with one passing ADR in docs/decisions, and whatever `.adr-dir` the test plants. */
function repo(): string {
  const dir = tmp("repo");
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "docs", "decisions"), { recursive: true });
  mkdirSync(join(dir, "profiles"));
  copyFileSync(PROFILE, join(dir, "profiles", "p.yaml"));
  writeFileSync(join(dir, "docs", "decisions", "0001-a.md"), "---\nstream-advisor:\n  profile: ../../profiles/p.yaml\n  chosen: akka-streams\n---\n# a\n");
  return dir;
}

describe(".adr-dir is a file the repository controls (rows 1, 18)", () => {
  it("a symbolic link to the process environment is refused unread: no secret in any format", () => {
    const dir = repo();
    symlinkSync("/proc/self/environ", join(dir, ".adr-dir"));
    for (const format of ["human", "github", "json", "sarif", "junit"]) {
      const r = advise(["check", "--format", format], { MY_SECRET_TOKEN: "ghp_SUPERSECRET123" }, undefined, dir);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain("SUPERSECRET");
      noTrace(r);
    }
    const r = advise(["check"], { MY_SECRET_TOKEN: "ghp_SUPERSECRET123" }, undefined, dir);
    expect(r.stdout).toContain(".adr-dir:1:1: is a symbolic link");
  });

  it("a symbolic link to a file outside the repository is not read", () => {
    const dir = repo();
    const outside = join(tmp("outside"), "secret.txt");
    writeFileSync(outside, "TOPSECRET-LINE-ONE\n");
    symlinkSync(outside, join(dir, ".adr-dir"));
    const r = advise(["check", "--format", "json"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("TOPSECRET");
  });

  it("a 10 MB .adr-dir is refused by its size, with a short message", () => {
    const dir = repo();
    writeFileSync(join(dir, ".adr-dir"), Buffer.alloc(10 * 1024 * 1024));
    const r = advise(["check", "--format", "github"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBeLessThan(2000);
    expect(r.stdout).toContain("is too large (10485760 bytes, at most 512)");
  });

  it("a long first line is echoed only as a short escaped excerpt", () => {
    const dir = repo();
    writeFileSync(join(dir, ".adr-dir"), `no-such-${"x".repeat(400)}\n`);
    const r = advise(["check", "--format", "github"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("names the folder 'no-such-xxxx");
    expect(r.stdout).not.toContain("x".repeat(100));
  });

  it("a FIFO .adr-dir is refused without opening it", () => {
    const dir = repo();
    execFileSync("mkfifo", [join(dir, ".adr-dir")]);
    const r = advise(["check"], {}, undefined, dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(".adr-dir:1:1: is not a regular file");
  });

  it("a path leading outside the repository is refused, not walked", () => {
    const outer = tmp("outer");
    mkdirSync(join(outer, "outside"));
    writeFileSync(join(outer, "outside", "x.md"), "---\nstream-advisor:\n  profile: p.yaml\n  chosen: OUTSIDE-ADR-CONTENT\n---\n# x\n");
    const dir = join(outer, "repo");
    mkdirSync(join(dir, ".git"), { recursive: true });
    writeFileSync(join(dir, ".adr-dir"), "../outside\n");
    const r = advise(["check"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("OUTSIDE-ADR-CONTENT");
    expect(r.stdout).toContain("names the folder '../outside', which is outside the repository");
  });

  it("an absolute path is refused with a clear message (row 18)", () => {
    const dir = repo();
    const abs = tmp("abs-adrs");
    writeFileSync(join(dir, ".adr-dir"), `${abs}\n`);
    const r = advise(["check"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`.adr-dir:1:1: names an absolute path ('${abs}')`);
  });

  it("a relative path inside the repository still works", () => {
    const dir = repo();
    writeFileSync(join(dir, ".adr-dir"), "docs/decisions\n");
    const r = advise(["check"], {}, undefined, dir);
    expect(r.stdout).toContain("PASS  docs/decisions/0001-a.md");
    expect(r.status).toBe(0);
  });
});

describe("inputs that made the parsers slow (rows 2, 3)", () => {
  it("an ADR heading of 200,000 spaces is read in linear time (the heading regex backtracked for minutes)", () => {
    const dir = repo();
    writeFileSync(join(dir, "docs", "decisions", "h.md"), `# a${" ".repeat(200_000)}x\n`);
    const r = advise(["check", "docs/decisions/h.md", "--allow-empty"], {}, undefined, dir);
    expect(r.error).toBeUndefined(); // the spawn's timeout is the hang guard
    expect(r.status).toBe(0);
  });

  it("an ADR block with 20,000 keys is refused by the key count", () => {
    const dir = repo();
    const keys = Array.from({ length: 20_000 }, (_, i) => `    k${i}: 1\n`).join("");
    writeFileSync(join(dir, "docs", "decisions", "0002-keys.md"), `---\nstream-advisor:\n  chosen: akka-streams\n  profile:\n    version: 1\n${keys}---\n# k\n`);
    const r = advise(["check", "docs/decisions/0002-keys.md", "--format", "json"], {}, undefined, dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("holds more than 10000 keys and list items");
  });
});

describe("files that are not regular files (rows 4, 11)", () => {
  const fifo = (dir: string, name: string) => {
    const p = join(dir, name);
    execFileSync("mkfifo", [p]);
    return p;
  };

  it("a FIFO as a profile, an ADR or an ADR's profile is refused without waiting for a writer", () => {
    const dir = repo();
    fifo(dir, "p.yaml");
    let r = advise(["p.yaml"], {}, undefined, dir);
    expect(r.error).toBeUndefined(); // the spawn's timeout is the hang guard
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("p.yaml: is not a regular file (a FIFO); expected a regular file, or - for standard input\n");
    fifo(join(dir, "docs", "decisions"), "0009-fifo.md");
    r = advise(["check", "docs/decisions/0009-fifo.md"], {}, undefined, dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("is not a regular file (a FIFO)");
    fifo(join(dir, "profiles"), "fifo.yaml");
    writeFileSync(join(dir, "docs", "decisions", "0002-b.md"), "---\nstream-advisor:\n  profile: ../../profiles/fifo.yaml\n  chosen: akka-streams\n---\n# b\n");
    r = advise(["check", "docs/decisions/0002-b.md"], {}, undefined, dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("is not a regular file (a FIFO)");
  });

  it("--output-file onto a device node, a FIFO or a link to one is refused and the node kept", () => {
    const dir = repo();
    const f = fifo(dir, "out.fifo");
    symlinkSync("/dev/null", join(dir, "null-link"));
    for (const target of [f, "/dev/null", join(dir, "null-link")]) {
      const r = advise(["check", "--format", "sarif", "-o", target], {}, undefined, dir);
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/: is not a regular file \((a FIFO|a device)\); it is never replaced; expected a path for a regular file\n$/);
    }
    expect(lstatSync(f).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "null-link")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});

describe("standard output that cannot be written (row 10)", () => {
  it.skipIf(!existsSync("/dev/full"))("/dev/full: one line on stderr, exit 2, no stack trace, in every command and format", () => {
    const dir = repo();
    const cases = [["profiles/p.yaml"], ["profiles/p.yaml", "--format", "json"], ["profiles/p.yaml", "--format", "markdown"], ["check"], ["check", "--format", "sarif"], ["engines"], ["--help"]];
    for (const args of cases) {
      const full = openSync("/dev/full", "w");
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", full, "pipe"], encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1", ...TODAY_ENV } });
      closeSync(full);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toBe("advise: cannot write the output (no space left on device)\n");
    }
  });
});

describe("a config file's catalog: stays inside the repository (row 6)", () => {
  function setupOutside() {
    const top = tmp("cfg");
    mkdirSync(join(top, "outside", "kube"), { recursive: true });
    writeFileSync(join(top, "outside", "kube", "config.yaml"), 'id: "TOKEN-SECRET"\nname: x\nversion: "1"\nreleased: "2026-01-01"\nasOf: "2026-01-01"\nhomepage: "PASSWORD=hunter2"\nsummary: x\n');
    const dir = join(top, "repo");
    mkdirSync(join(dir, ".git"), { recursive: true });
    copyFileSync(PROFILE, join(dir, "p.yaml"));
    return { top, dir };
  }

  it("an absolute path or a .. path is refused at its line, nothing read or quoted", () => {
    const { top, dir } = setupOutside();
    for (const written of [join(top, "outside", "kube"), "../outside/kube"]) {
      writeFileSync(join(dir, ".advise.yaml"), `catalog: ${written}\n`);
      for (const args of [["p.yaml"], ["check"], ["p.yaml", "--format", "json"]]) {
        const r = advise(args, {}, undefined, dir);
        expect(r.status).toBe(2);
        expect(r.stdout + r.stderr).not.toMatch(/SECRET|hunter2/);
        expect(r.stderr).toContain(`.advise.yaml:1:10: catalog: '${written}' leads outside the repository`);
        noTrace(r);
      }
    }
  });

  it("a symbolic link inside the repository that leads outside is refused too", () => {
    const { top, dir } = setupOutside();
    symlinkSync(join(top, "outside", "kube"), join(dir, "cat"));
    writeFileSync(join(dir, ".advise.yaml"), "catalog: cat\n");
    const r = advise(["p.yaml"], {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("catalog: 'cat' leads outside the repository");
  });

  it("--allow-outside-catalog is the explicit opt-in; --catalog DIR is the user's own word", () => {
    const { top, dir } = setupOutside();
    writeFileSync(join(dir, ".advise.yaml"), "catalog: ../outside/kube\n");
    const opted = advise(["p.yaml", "--allow-outside-catalog"], {}, undefined, dir);
    expect(opted.stderr).toContain("outside/kube/config.yaml"); // read, because the user asked
    const cat = join(top, "usercat");
    mkdirSync(cat);
    copyFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), join(cat, "pekko-streams.yaml"));
    const given = advise(["p.yaml", "--catalog", cat], {}, undefined, dir);
    expect(given.status).toBe(0);
  });

  it("a catalogue folder inside the repository still works", () => {
    const { dir } = setupOutside();
    mkdirSync(join(dir, "cat"));
    copyFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), join(dir, "cat", "pekko-streams.yaml"));
    writeFileSync(join(dir, ".advise.yaml"), "catalog: cat\n");
    const r = advise(["p.yaml", "--format", "json"], {}, undefined, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("pekko-streams");
  });

  it("advise mcp refuses to start on a config whose catalog: leads outside --root, and never reads a config above it", () => {
    const { top, dir } = setupOutside();
    writeFileSync(join(dir, ".advise.yaml"), "catalog: ../outside/kube\n");
    const r = advise(["mcp", "--root", dir], {}, "", top);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("leads outside the folder advise works in");
    expect(r.stderr).not.toMatch(/SECRET|hunter2/);
    // a config above the folder served is not looked at
    rmSync(join(dir, ".advise.yaml"));
    writeFileSync(join(top, ".advise.yaml"), "catalog: outside/kube\n");
    const above = advise(["mcp", "--root", dir], {}, "", top);
    expect(above.status).toBe(0);
    expect(above.stderr).not.toMatch(/SECRET|hunter2|config\.yaml/);
  });
});

describe("advise mcp: malformed and oversized messages get JSON-RPC errors (rows 7, 16)", () => {
  const init = '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}';
  function session(lines: string[]) {
    const r = advise(["mcp"], {}, `${[init, ...lines].join("\n")}\n`, repo());
    const replies = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: unknown; error?: { code: number; message: string }; result?: unknown });
    return { r, replies, byId: (id: unknown) => replies.find((x) => x.id === id) };
  }

  it("each malformed message is answered with the code JSON-RPC specifies, and the server keeps serving", () => {
    const { r, replies, byId } = session([
      "{not json",
      "42",
      "[]",
      '{"jsonrpc":"2.0","id":1}',
      '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":null}',
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"advise","arguments":[1,2]}}',
      '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":{"x":1}}}',
      '{"jsonrpc":"2.0","id":{"x":1},"method":"tools/list"}',
      '{"jsonrpc":"2.0","id":5,"method":"tools/list"}',
    ]);
    expect(r.status).toBe(0);
    const anonymous = replies.filter((x) => x.id === null).map((x) => x.error!.code);
    expect(anonymous).toEqual([-32700, -32600, -32600, -32600]);
    expect(byId(1)!.error!.code).toBe(-32600);
    expect(byId(2)!.error!.code).toBe(-32602);
    expect(byId(3)!.error).toEqual({ code: -32602, message: "Invalid params for tools/call: arguments: Invalid input: expected record, received array" });
    expect(byId(4)!.error!.code).toBe(-32602);
    expect(byId(5)!.result).toBeDefined();
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a message over 10 MiB is answered with an error for its id and the next one is served", () => {
    const big = `{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"advise","arguments":{"profile":"${"x".repeat(11_000_000)}"}}}`;
    const { r, byId } = session([big, '{"jsonrpc":"2.0","id":7,"method":"tools/list"}']);
    expect(byId(6)!.error).toEqual({ code: -32600, message: "Invalid Request: the message is too large (more than 10485760 bytes)" });
    expect(byId(7)!.result).toBeDefined();
    expect(r.stderr).toContain("advise mcp: a message over 10485760 bytes was dropped");
  });

  it("a FIFO as the path of a tool call is refused without freezing the server (row 11)", () => {
    const dir = repo();
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    const call = '{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"validate_profile","arguments":{"path":"fifo.yaml"}}}';
    const r = advise(["mcp"], {}, `${init}\n${call}\n`, dir);
    expect(r.error).toBeUndefined();
    const reply = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: number; result?: { structuredContent?: unknown; content: { text: string }[] } }).find((x) => x.id === 8)!;
    expect(JSON.stringify(reply.result)).toContain("is not a regular file (a FIFO)");
  });

  it.skipIf(!existsSync("/dev/full"))("standard output on a full device: one line on stderr and exit 2 (row 10)", () => {
    const full = openSync("/dev/full", "w");
    const r = spawnSync(process.execPath, [CLI, "mcp"], { cwd: repo(), input: `${init}\n`, stdio: ["pipe", full, "pipe"], encoding: "utf8", timeout: 20_000 });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("advise mcp: cannot write to standard output (no space left on device)");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("arguments, environment, encodings and init (rows 12, 14, 19, 21, 23)", () => {
  it("commander's messages show a hostile argument escaped: no workflow command, no ESC reaches stderr", () => {
    for (const args of [["--x\n::error::pwned"], ["profiles/p.yaml", "--format", "x\n::add-mask::pwned"], ["check", "--max-warnings", "1\n::error title=t::pwned"], ["profiles/p.yaml", "--format", "\u001b[2J"]]) {
      const r = advise(args, {}, undefined, repo());
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/^\s*::/m);
      expect(r.stderr).not.toContain("\u001b");
      expect(r.stderr).toMatch(/\\n::|\\x1b/);
    }
    expect(advise(["--fomat", "json"]).stderr).toBe("error: unknown option '--fomat'\n(Did you mean --format?)\n(run `advise --help` for usage)\n");
  });

  it("SOURCE_DATE_EPOCH past the year 9999 is a usage error, not an internal one", () => {
    for (const epoch of ["8640000000001", "99999999999999999999", "253402300800"]) {
      const r = advise(["check"], { SOURCE_DATE_EPOCH: epoch, ADVISE_NOW: undefined }, undefined, repo());
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^advise: SOURCE_DATE_EPOCH='\d+' is after the year 9999; expected seconds since 1970-01-01, at most 253402300799\n/);
    }
    const last = advise(["check", "--format", "junit"], { SOURCE_DATE_EPOCH: "253402300799", ADVISE_NOW: undefined }, undefined, repo());
    expect(last.stdout).toContain('timestamp="9999-12-31T23:59:59"');
  });

  it("two catalogue files with the same engine id: exit 2 naming both", () => {
    const dir = tmp("dupcat");
    const text = readFileSync(join(CLI_ROOT, "examples", "catalog", "pekko-streams.yaml"), "utf8").replace(/^id: pekko-streams$/m, "id: a");
    writeFileSync(join(dir, "a.yaml"), text);
    writeFileSync(join(dir, "a.yml"), text);
    const r = advise(["profiles/p.yaml", "--catalog", dir], {}, undefined, repo());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(dir, "a.yml")}: engine id 'a' is also defined in ${join(dir, "a.yaml")}; expected each engine in one file of the catalogue folder (remove one of them)\n`);
  });

  it("UTF-16 is named as such, CR-only line ends are read, a huge version number is described", () => {
    const dir = repo();
    const profile = readFileSync(PROFILE, "utf8");
    writeFileSync(join(dir, "u16.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(profile, "utf16le")]));
    writeFileSync(join(dir, "u16be.yaml"), Buffer.from(profile, "utf16le").swap16());
    writeFileSync(join(dir, "cr.yaml"), profile.replace(/\r?\n/g, "\r"));
    writeFileSync(join(dir, "v.yaml"), "version: 1e400\nlatency: 10ms\nthroughput: 20k/s\n");
    expect(advise(["u16.yaml"], {}, undefined, dir).stderr).toBe("u16.yaml:1:1: this is UTF-16 text (little-endian), not UTF-8; expected a UTF-8 encoded file (re-save it as UTF-8; in PowerShell, Out-File -Encoding utf8)\n");
    expect(advise(["u16be.yaml"], {}, undefined, dir).stderr).toContain("this is UTF-16 text (big-endian)");
    const cr = advise(["cr.yaml", "--format", "json"], {}, undefined, dir);
    expect(cr.status).toBe(0);
    expect(cr.stdout).toBe(advise([PROFILE, "--format", "json"], {}, undefined, dir).stdout.split(PROFILE).join("cr.yaml"));
    expect(advise(["v.yaml"], {}, undefined, dir).stderr).toBe("v.yaml:1:10: unsupported version (a number too large to represent); expected `version: 1` (supported versions: 1)\n");
  });

  it("init: a dangling link is refused in plain words; --force replaces a link and never writes through it", () => {
    const dir = tmp("init");
    symlinkSync("nowhere", join(dir, "dangling.yaml"));
    const refused = advise(["init", "dangling.yaml", "--yes"], {}, undefined, dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("dangling.yaml already exists as a symbolic link; use --force to replace the link");
    writeFileSync(join(dir, "victim.txt"), "VICTIM");
    symlinkSync("victim.txt", join(dir, "link.yaml"));
    const forced = advise(["init", "link.yaml", "--yes", "--force"], {}, undefined, dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("VICTIM");
    expect(lstatSync(join(dir, "link.yaml")).isFile()).toBe(true);
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    const fifo = advise(["init", "fifo.yaml", "--yes", "--force"], {}, undefined, dir);
    expect(fifo.error).toBeUndefined();
    expect(fifo.stderr).toBe("fifo.yaml: is not a regular file (a FIFO); it is never replaced; expected a path for a regular file\n");
  });
});
