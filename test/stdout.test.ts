// Standard output is written without process.stdout where that is safe (see
// src/io/stdout.ts); these runs hold it to what a stream would do: all of the
// text through a slow pipe, quiet on a closed pipe or a closed stdout, colour
// on a real terminal.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { advise, CLI, CLI_ROOT } from "./cli-helpers.js";

const BIG = ["profiles/iot-telemetry.yaml", "--format", "json"]; // larger than a pipe's 64 KiB buffer
const env = { ...process.env, NO_COLOR: "1" };

function run(args: string[], onStdout: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: CLI_ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stdout.on("error", () => {});
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    onStdout(child);
  });
}

describe("standard output", () => {
  it("is larger than a pipe buffer for the test profile (so the pipe tests below mean something)", () => {
    expect(Buffer.byteLength(advise(BIG).stdout)).toBeGreaterThan(65_536);
  });

  it("reaches a reader that is slow to start, whole and in order", async () => {
    const expected = advise(BIG).stdout;
    const r = await run(BIG, (child) => {
      child.stdout!.pause();
      setTimeout(() => child.stdout!.resume(), 300);
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(expected);
  });

  // A pipe left non-blocking by another program: fs.writeSync meets EAGAIN once the pipe is full, and the stream takes over.
  const python = spawnSync("python3", ["--version"]).status === 0;
  it.skipIf(!python || process.platform === "win32")("reaches a slow reader through a non-blocking pipe, whole", () => {
    const script = [
      "import os, subprocess, sys, time",
      "r, w = os.pipe()",
      "os.set_blocking(w, False)",
      "p = subprocess.Popen(sys.argv[1:], stdout=w)",
      "os.close(w)",
      "time.sleep(0.3)",
      "data = b''",
      "while True:",
      "    chunk = os.read(r, 65536)",
      "    if not chunk: break",
      "    data += chunk",
      "sys.stdout.buffer.write(data)",
      "sys.exit(p.wait())",
    ].join("\n");
    const r = spawnSync("python3", ["-c", script, process.execPath, CLI, ...BIG], { cwd: CLI_ROOT, env, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(advise(BIG).stdout);
  });

  it("ends quietly with exit 0 when the reader goes away early (advise ... | head -1)", async () => {
    const r = await run(BIG, (child) => {
      child.stdout!.once("data", () => child.stdout!.destroy());
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("ends quietly with exit 0 when standard output is closed", () => {
    const r = spawnSync("sh", ["-c", `exec "${process.execPath}" "${CLI}" profiles/card-authorization.yaml >&-`], { cwd: CLI_ROOT, env, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("goes to a file in full", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI}" ${BIG.join(" ")} > "$TMPFILE" && wc -c < "$TMPFILE"`], {
      cwd: CLI_ROOT,
      env: { ...env, TMPFILE: join(tmpdir(), `advise-stdout-${process.pid}.json`) },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBe(Buffer.byteLength(advise(BIG).stdout));
  });

  it.skipIf(!existsSync("/usr/bin/script") || process.platform !== "linux")("on a terminal, colour is on", () => {
    const cmd = `"${process.execPath}" "${CLI}" profiles/card-authorization.yaml`;
    const tty = spawnSync("script", ["-qc", cmd, "/dev/null"], { cwd: CLI_ROOT, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined }, encoding: "utf8" });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\u001b\[1mCard authorization\u001b\[22m/);
  });

  // Creating process.stdout loads Node's stream stack, about a tenth of a run: a file, a pipe or /dev/null never needs it.
  it.skipIf(process.platform === "win32")("to a pipe, a file or /dev/null, process.stdout is never created", () => {
    const probe = join(tmpdir(), `advise-probe-${process.pid}.cjs`);
    writeFileSync(probe, 'process.on("exit", () => require("node:fs").writeSync(2, process.moduleLoadList.filter((m) => /streams\\/writable|^NativeModule tty$/.test(m)).join(",") + "\\n"));\n');
    for (const redirect of ["", "> /dev/null", `> "${join(tmpdir(), `advise-out-${process.pid}.txt`)}"`]) {
      const r = spawnSync("sh", ["-c", `"${process.execPath}" -r "${probe}" "${CLI}" profiles/card-authorization.yaml ${redirect}`], { cwd: CLI_ROOT, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined }, encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(r.stderr, redirect || "a pipe").toBe("\n");
    }
  });
});
