// A user catalogue (--catalog DIR), compiled once and cached, as ESLint's
// --cache does: each engine file's validated descriptor is kept in the user's
// cache folder ($XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor),
// keyed by the file's path, its content and the tool's version. A file whose
// bytes, name or place changed, or a new tool version, is read and validated
// again through the YAML loader, with its problems reported exactly as without
// a cache (problems are never cached). Failing to read or write the cache
// costs only speed.
//
// The content key is the bytes themselves, kept beside the descriptors in a
// .src file and compared exactly: cheaper than a hash (loading node:crypto
// alone costs a few milliseconds) and never fooled by a collision.

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
  /** absolute engine file path to where its bytes are in the .src file, and its validated descriptor */
  entries: Record<string, Entry>;
}

interface Entry {
  /** the file's bytes are src[offset, offset + length) */
  offset: number;
  length: number;
  engine: Engine;
}

const FORMAT = "stream-advisor/catalog-cache@2";

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

/** A 64-bit FNV-1a hash of a short string (a folder path), as hex: names the cache file, never keys content. */
function pathHash(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, "utf8")) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, "0");
}

/** The cache file for one catalogue folder (its bytes live beside it, in the same name with .src). */
export function cacheFileFor(dir: string, env?: NodeJS.ProcessEnv): string | undefined {
  const base = cacheDir(env);
  return base ? join(base, `catalog-${pathHash(resolve(dir))}.json`) : undefined;
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

/** The cached descriptors, each with the exact bytes it was validated from. */
function readCache(file: string | undefined, version: string): Map<string, { bytes: Buffer; engine: Engine }> {
  const out = new Map<string, { bytes: Buffer; engine: Engine }>();
  if (!file) return out;
  try {
    const c = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (c.format !== FORMAT || c.tool !== version || !c.entries || typeof c.entries !== "object") return out;
    const src = readFileSync(`${file.slice(0, -".json".length)}.src`);
    for (const [path, e] of Object.entries(c.entries)) {
      const ok = e && Number.isInteger(e.offset) && Number.isInteger(e.length) && e.offset >= 0 && e.offset + e.length <= src.length && e.engine && typeof e.engine === "object" && typeof e.engine.id === "string";
      if (ok) out.set(path, { bytes: src.subarray(e.offset, e.offset + e.length), engine: e.engine });
    }
  } catch {
    // no cache yet, or unreadable: compile afresh
  }
  return out;
}

/** Both files, each written whole and renamed into place; a reader that sees a new index with old bytes just misses. */
function writeCache(file: string, version: string, entries: Map<string, { bytes: Buffer; engine: Engine }>): void {
  const srcFile = `${file.slice(0, -".json".length)}.src`;
  const tmps = [`${srcFile}.${process.pid}.tmp`, `${file}.${process.pid}.tmp`];
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const index: Record<string, Entry> = {};
    const chunks: Buffer[] = [];
    let offset = 0;
    for (const [path, e] of entries) {
      index[path] = { offset, length: e.bytes.length, engine: e.engine };
      chunks.push(e.bytes);
      offset += e.bytes.length;
    }
    const body: CacheFile = { format: FORMAT, tool: version, entries: index };
    writeFileSync(tmps[0]!, Buffer.concat(chunks));
    writeFileSync(tmps[1]!, JSON.stringify(body));
    renameSync(tmps[0]!, srcFile);
    renameSync(tmps[1]!, file);
  } catch {
    // a read-only home or a full disk: run without a cache
    for (const t of tmps) {
      try {
        rmSync(t, { force: true });
      } catch {
        // nothing to clean up
      }
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
  const fresh = new Map<string, { bytes: Buffer; engine: Engine }>();
  const found: ({ file: string; engine: Engine } | { file: string; key: string; bytes?: Buffer })[] = [];
  let hits = 0;
  for (const file of files) {
    const key = resolve(file);
    const bytes = bytesOf(file);
    const entry = bytes ? cached.get(key) : undefined;
    if (bytes && entry && entry.bytes.equals(bytes)) {
      hits++;
      fresh.set(key, { bytes, engine: entry.engine });
      found.push({ file, engine: entry.engine });
    } else {
      found.push({ file, key, ...(bytes ? { bytes } : {}) });
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
        // keyed by the bytes read before validating: a file that changed in between is simply read again next time
        if (f.bytes) fresh.set(f.key, { bytes: f.bytes, engine });
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
