// A user catalogue (--catalog DIR), compiled once and cached, as ESLint's
// --cache does: each engine file's validated descriptor is kept in the user's
// cache folder ($XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor),
// keyed by the file's path, its content and the tool's version. A file whose
// bytes, name or place changed, or a new tool version, is read and validated
// again through the YAML loader, with its problems reported exactly as without
// a cache (problems are never cached). Failing to read or write the cache
// costs only speed.
//
// The cache folder is not trusted: the advice must never depend on it. Each
// entry carries an HMAC-SHA256, made when the descriptor was validated, over
// the format, the tool version, the file's path, its text and the descriptor
// JSON exactly as stored, keyed by 32 random bytes kept apart from the cache,
// in the user's state folder ($XDG_STATE_HOME/stream-advisor/cache-key, else
// ~/.local/state/stream-advisor; created 0600). A descriptor is used only when
// its MAC verifies: editing the cache file (or restoring a cache folder made
// elsewhere) cannot make one, so an entry that was edited, truncated or
// written by another build or another user's key is dropped and compiled
// afresh, silently. Checking the MAC costs a hash of the entry instead of
// validating the descriptor with the schema again. Schema validation alone
// would not do: an edited descriptor that is still valid (a lower latency
// floor) would change the advice. Whoever can read the key can equally edit
// the catalogue's own files. The content key is the file's text itself, kept in
// the same JSON file as its descriptor (one file, written under a random name
// with O_EXCL and renamed into place in one step) and compared exactly.

import { closeSync, constants as fsConstants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { createHmac, randomBytes } from "node:crypto";
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
  /** absolute engine file path to the file's text and its validated descriptor */
  entries: Record<string, Entry>;
}

interface Entry {
  /** the file's bytes, as UTF-8 text (a descriptor that validated is UTF-8) */
  text: string;
  /** the validated descriptor, as JSON text (the MAC covers these exact characters) */
  engine: string;
  /** HMAC-SHA256 (hex) over the format, tool version, path, text and engine, with the user's cache key */
  mac: string;
}

const FORMAT = "stream-advisor/catalog-cache@4";

/** Largest cache file read or written: a catalogue of a few hundred descriptors takes a few MB. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
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

/** $VAR/stream-advisor when VAR is an absolute path (per the XDG spec), else ~/<fallback>/stream-advisor. */
function xdgDir(env: NodeJS.ProcessEnv, variable: "XDG_CACHE_HOME" | "XDG_STATE_HOME", fallback: string[]): string | undefined {
  const xdg = env[variable];
  if (xdg && isAbsolute(xdg)) return join(xdg, "stream-advisor");
  let home: string;
  try {
    home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, ...fallback, "stream-advisor") : undefined;
}

/** The cache folder: $XDG_CACHE_HOME/stream-advisor, else ~/.cache/stream-advisor. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return xdgDir(env, "XDG_CACHE_HOME", [".cache"]);
}

/** The folder of the key that signs cache entries: $XDG_STATE_HOME/stream-advisor, else ~/.local/state/stream-advisor; never the cache folder. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return xdgDir(env, "XDG_STATE_HOME", [".local", "state"]);
}

const KEY_BYTES = 32;

/**
 * The user's cache key: read, or made (32 random bytes, written under a random
 * name with O_EXCL, mode 0600, and renamed into place). Undefined when it can
 * be neither read nor made: then nothing is cached.
 */
function cacheKey(env?: NodeJS.ProcessEnv): Buffer | undefined {
  const dir = stateDir(env);
  if (!dir) return undefined;
  const file = join(dir, "cache-key");
  const have = smallFile(file, KEY_BYTES);
  if (have?.length === KEY_BYTES) return have;
  const key = randomBytes(KEY_BYTES);
  const tmp = `${file}.${process.pid}.${key.subarray(0, 4).toString("hex")}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    fd = openSync(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), 0o600);
    writeSync(fd, key, 0, KEY_BYTES);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return key;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
    return undefined;
  }
}

type Mac = (path: string, text: string, engine: string) => string;

/** The MAC of one entry under the key (node:crypto loads with this module, which only a user catalogue initialises). */
function macWith(key: Buffer, version: string): Mac {
  return (path, text, engine) => createHmac("sha256", key).update(JSON.stringify([FORMAT, version, path, text, engine])).digest("hex");
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

/** A file's bytes, or undefined when it cannot be read (whole) or is over the size limit (the loader then reports it). */
function bytesOf(path: string): Buffer | undefined {
  return smallFile(path, LIMITS.maxFileBytes, true);
}

/** A regular file's bytes, or undefined when it is missing, not a regular file or over maxBytes (with `whole`, also when it shrank while read). */
function smallFile(path: string, maxBytes: number, whole = false): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return whole && off !== st.size ? undefined : buf.subarray(0, off);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The cached entries of the right format and version whose MAC verifies, each with the exact bytes it was validated from. */
function readCache(file: string | undefined, version: string, mac: Mac | undefined): Map<string, { bytes: Buffer; engine: Engine }> {
  const out = new Map<string, { bytes: Buffer; engine: Engine }>();
  if (!file || !mac) return out;
  try {
    const raw = smallFile(file, MAX_CACHE_BYTES);
    if (!raw) return out;
    const c = JSON.parse(raw.toString("utf8")) as Partial<CacheFile>;
    if (c.format !== FORMAT || c.tool !== version || !c.entries || typeof c.entries !== "object" || Array.isArray(c.entries)) return out;
    for (const [path, e] of Object.entries(c.entries)) {
      if (!e || typeof e !== "object" || typeof e.text !== "string" || typeof e.engine !== "string" || typeof e.mac !== "string") continue;
      const expected = Buffer.from(mac(path, e.text, e.engine), "hex");
      const given = Buffer.from(e.mac, "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
      out.set(path, { bytes: Buffer.from(e.text, "utf8"), engine: JSON.parse(e.engine) as Engine });
    }
  } catch {
    // no cache yet, or unreadable: compile afresh
  }
  return out;
}

/** Constant-time comparison of two equal-length buffers (a MAC check should not leak where it differs). */
function timingSafeEqual(a: Buffer, b: Buffer): boolean {
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

/**
 * One file, written whole under a random name (created exclusively: a planted
 * file or symbolic link there is never written through) and renamed into place:
 * a reader sees the old cache or the new one, never half of each.
 */
function writeCache(file: string, version: string, mac: Mac, entries: Map<string, { bytes: Buffer; engine: Engine }>): void {
  const tmp = `${file}.${process.pid}.${randomBytes(8).toString("hex")}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(join(file, ".."), { recursive: true, mode: 0o700 });
    const index: Record<string, Entry> = {};
    for (const [path, e] of entries) {
      const text = e.bytes.toString("utf8");
      const engine = JSON.stringify(e.engine);
      index[path] = { text, engine, mac: mac(path, text, engine) };
    }
    const body = Buffer.from(JSON.stringify({ format: FORMAT, tool: version, entries: index } satisfies CacheFile), "utf8");
    if (body.length > MAX_CACHE_BYTES) return;
    fd = openSync(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), 0o600);
    let done = 0;
    while (done < body.length) done += writeSync(fd, body, done, body.length - done);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    // the byte file of the previous format, if one is left
    rmSync(`${file.slice(0, -".json".length)}.src`, { force: true });
  } catch {
    // a read-only home or a full disk: run without a cache
    try {
      if (fd !== undefined) closeSync(fd);
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
  const secret = cacheFileFor(dir, options.env) ? cacheKey(options.env) : undefined;
  // without a key nothing is cached: an entry could not be told from a forged one
  const cacheFile = secret ? cacheFileFor(dir, options.env) : undefined;
  const mac = secret ? macWith(secret, options.version) : undefined;
  const cached = readCache(cacheFile, options.version, mac);
  const fresh = new Map<string, { bytes: Buffer; engine: Engine }>();
  const found: ({ file: string; engine: Engine } | { file: string; key: string; bytes?: Buffer })[] = [];
  let hits = 0;
  for (const file of files) {
    const key = resolve(file);
    const bytes = bytesOf(file);
    const entry = bytes ? cached.get(key) : undefined;
    const engine = bytes && entry && entry.bytes.equals(bytes) ? entry.engine : undefined;
    if (bytes && engine) {
      hits++;
      fresh.set(key, { bytes, engine });
      found.push({ file, engine });
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
  // a.yaml and a.yml can both say id: a; the later would silently win
  const byId = new Map<string, string>();
  const twice: Diagnostic[] = [];
  for (const f of found as { file: string; engine: Engine }[]) {
    const first = byId.get(f.engine.id);
    if (first !== undefined) twice.push({ file: f.file, message: `engine id '${f.engine.id}' is also defined in ${first}`, expected: "each engine in one file of the catalogue folder (remove one of them)" });
    else byId.set(f.engine.id, f.file);
  }
  if (twice.length) throw new InputError(twice);
  // rewrite when anything was compiled, or a deleted or renamed file left an entry behind
  if (cacheFile && mac && (misses || fresh.size !== cached.size)) writeCache(cacheFile, options.version, mac, fresh);
  return { engines: found as { file: string; engine: Engine }[], hits, misses, ...(cacheFile ? { cacheFile } : {}) };
}
