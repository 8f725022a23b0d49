// A user catalogue (--catalog DIR), compiled once and cached, as ESLint's
// --cache does: each engine file's validated descriptor is kept in the user's
// cache folder ($XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor),
// keyed by the file's path, a hash of its bytes and the tool's version. A file
// whose bytes, name or place changed, or a new tool version, is read and
// validated again through the YAML loader, with its problems reported exactly
// as without a cache (problems are never cached). Failing to read or write the
// cache costs only speed.

import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { type Diagnostic, InputError } from "../diagnostics.js";
import { LIMITS } from "../limits.js";
import { engineFiles } from "./files.js";
import type { Engine } from "./schema.js";

/** What a cache file holds (one file per catalogue folder). */
interface CacheFile {
  format: typeof FORMAT;
  /** the tool version that validated the entries: another version ignores them */
  tool: string;
  /** absolute engine file path to the hash of its bytes and its validated descriptor */
  entries: Record<string, { sha256: string; engine: Engine }>;
}

const FORMAT = "stream-advisor/catalog-cache@1";

export interface CacheOptions {
  /** the tool version the entries are valid for */
  version: string;
  /** the environment to find the cache folder in (default process.env) */
  env?: NodeJS.ProcessEnv;
}

export interface UserEngines {
  /** in file order; `file` as found in the folder */
  engines: { file: string; engine: Engine }[];
  /** how many files came from the cache, and how many were read and validated */
  hits: number;
  misses: number;
  /** the cache file used, when there is a cache folder */
  cacheFile?: string;
}

/** The cache folder: $XDG_CACHE_HOME/stream-advisor (an absolute path, per the XDG spec), else ~/.cache/stream-advisor. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "stream-advisor");
  let home: string;
  try {
    home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, ".cache", "stream-advisor") : undefined;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** The cache file for one catalogue folder. */
export function cacheFileFor(dir: string, env?: NodeJS.ProcessEnv): string | undefined {
  const base = cacheDir(env);
  return base ? join(base, `catalog-${sha256(resolve(dir)).slice(0, 20)}.json`) : undefined;
}

/** A file's bytes, or undefined when it cannot be read or is over the size limit (the loader then reports it). */
function bytesOf(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > LIMITS.maxFileBytes) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readCache(file: string | undefined, version: string): Map<string, { sha256: string; engine: Engine }> {
  const out = new Map<string, { sha256: string; engine: Engine }>();
  if (!file) return out;
  try {
    const c = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (c.format !== FORMAT || c.tool !== version || !c.entries || typeof c.entries !== "object") return out;
    for (const [path, e] of Object.entries(c.entries)) {
      if (e && typeof e.sha256 === "string" && e.engine && typeof e.engine === "object" && typeof e.engine.id === "string") out.set(path, e);
    }
  } catch {
    // no cache yet, or unreadable: compile afresh
  }
  return out;
}

function writeCache(file: string, version: string, entries: Map<string, { sha256: string; engine: Engine }>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const body: CacheFile = { format: FORMAT, tool: version, entries: Object.fromEntries(entries) };
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, file);
  } catch {
    // a read-only home or a full disk: run without a cache
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
  }
}

/**
 * The engines of a user catalogue folder, each file's descriptor from the
 * cache when its bytes are unchanged, otherwise loaded and validated from the
 * YAML (every problem of every file reported together, as without a cache).
 */
export async function loadUserEngines(dir: string, options: CacheOptions): Promise<UserEngines> {
  const files = engineFiles(dir);
  const cacheFile = cacheFileFor(dir, options.env);
  const cached = readCache(cacheFile, options.version);
  const fresh = new Map<string, { sha256: string; engine: Engine }>();
  const found: ({ file: string; engine: Engine } | { file: string; key: string; hash?: string })[] = [];
  let hits = 0;
  for (const file of files) {
    const key = resolve(file);
    const bytes = bytesOf(file);
    const hash = bytes ? sha256(bytes) : undefined;
    const entry = hash !== undefined ? cached.get(key) : undefined;
    if (entry && entry.sha256 === hash) {
      hits++;
      fresh.set(key, entry);
      found.push({ file, engine: entry.engine });
    } else {
      found.push({ file, key, ...(hash !== undefined ? { hash } : {}) });
    }
  }
  const misses = files.length - hits;
  if (misses) {
    const { loadEngineFile } = await import("./load.js");
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      if ("engine" in f) continue;
      try {
        const engine = loadEngineFile(f.file);
        found[i] = { file: f.file, engine };
        // the hash of the bytes validated; a file that changed while being read is simply read again next time
        if (f.hash !== undefined) fresh.set(f.key, { sha256: f.hash, engine });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        diagnostics.push(...e.diagnostics);
      }
    }
    if (diagnostics.length) throw new InputError(diagnostics);
  }
  // rewrite when anything was compiled, or a deleted or renamed file left an entry behind
  if (cacheFile && (misses || fresh.size !== cached.size)) writeCache(cacheFile, options.version, fresh);
  return { engines: found as { file: string; engine: Engine }[], hits, misses, ...(cacheFile ? { cacheFile } : {}) };
}
