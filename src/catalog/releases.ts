// The release check (npm run catalog:releases, docs/catalog-format.md#refreshing-a-descriptor):
// asks where each engine's releases are published (its `releases` list) for the newest release
// and says how far the descriptor's `version` is behind it. Parsing and comparing are pure; the
// registry calls take their base URLs from the environment so tests and mirrors can point them
// elsewhere.

import type { Engine, ReleaseLocation } from "./schema.js";

export type Registry = "maven" | "pypi" | "github";

export const REGISTRY_NAMES: Record<Registry, string> = { maven: "Maven Central", pypi: "PyPI", github: "GitHub releases" };

export const DEFAULT_BASES: Record<Registry, string> = {
  maven: "https://repo1.maven.org/maven2",
  pypi: "https://pypi.org/pypi",
  github: "https://api.github.com",
};

const BASE_ENV: Record<Registry, string> = { maven: "ADVISE_MAVEN_URL", pypi: "ADVISE_PYPI_URL", github: "ADVISE_GITHUB_API_URL" };

/** how far a descriptor is behind the newest release: `none` when it describes it, `ahead` when the registry lags */
export type Behind = "none" | "patch" | "minor" | "major" | "ahead" | "unknown";

export interface Release {
  version: string;
  /** YYYY-MM-DD, where the registry gives one */
  date: string | null;
}

export interface ReleaseRow {
  id: string;
  name: string;
  described: string;
  /** the newest release found; null when the descriptor lists no `releases` or none matched */
  newest: string | null;
  date: string | null;
  behind: Behind | null;
  /** where the newest release was found, as "Maven Central org.apache.spark:spark-sql_2.13" */
  from: string | null;
  /** whether the descriptor lists where its releases are published */
  listed: boolean;
}

/** A registry that could not answer: the check stops with exit 2 and one line naming it. */
export class RegistryError extends Error {
  constructor(
    readonly registry: Registry,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${REGISTRY_NAMES[registry]} (${url}): ${reason}`);
  }
}

/** Registries that could not answer, one failure each: the message names them all on one line. */
export class Unreachable extends Error {
  constructor(readonly failures: RegistryError[]) {
    super(`cannot reach ${failures.map((f) => f.message).join("; ")}`);
  }
}

/** A plain release version (1.2.3, v1.2.3) as numbers; undefined for pre-releases, milestones, RCs, previews and snapshots. */
export function releaseNumbers(version: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+){0,3})$/.exec(version.trim());
  return m ? m[1]!.split(".").map(Number) : undefined;
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** How far `described` is behind `newest`: by the first of major, minor, patch that differs. */
export function behindBy(described: string, newest: string): Behind {
  const lead = /^v?(\d+(?:\.\d+)*)/.exec(described.trim());
  const n = releaseNumbers(newest);
  if (!lead || !n) return "unknown";
  const d = lead[1]!.split(".").map(Number);
  const c = compareVersions(n, d);
  if (c === 0) return "none";
  if (c < 0) return "ahead";
  if ((n[0] ?? 0) !== (d[0] ?? 0)) return "major";
  if ((n[1] ?? 0) !== (d[1] ?? 0)) return "minor";
  return "patch";
}

/** The highest plain release among `versions` (pre-releases skipped). */
export function newestOf<T extends { version: string }>(releases: T[]): T | undefined {
  let best: { r: T; n: number[] } | undefined;
  for (const r of releases) {
    const n = releaseNumbers(r.version);
    if (n && (!best || compareVersions(n, best.n) > 0)) best = { r, n };
  }
  return best?.r;
}

/** Every <version> of a Maven maven-metadata.xml. */
export function mavenVersions(xml: string): string[] {
  return [...xml.matchAll(/<version>\s*([^<\s]+)\s*<\/version>/g)].map((m) => m[1]!);
}

/** Releases in a PyPI JSON API answer (https://pypi.org/pypi/NAME/json), each dated by its first upload; yanked ones skipped. */
export function pypiReleases(json: unknown): Release[] {
  const releases = (json as { releases?: Record<string, { upload_time_iso_8601?: string; upload_time?: string; yanked?: boolean }[]> })?.releases;
  if (!releases || typeof releases !== "object") return [];
  const out: Release[] = [];
  for (const [version, files] of Object.entries(releases)) {
    if (!Array.isArray(files) || files.length === 0 || files.every((f) => f.yanked)) continue;
    const dates = files.map((f) => f.upload_time_iso_8601 ?? f.upload_time ?? "").filter(Boolean).sort();
    out.push({ version, date: dates[0] ? dates[0].slice(0, 10) : null });
  }
  return out;
}

/** Releases in a GitHub releases API answer whose tag has the given shape; drafts and pre-releases skipped. */
export function githubReleases(json: unknown, tag = "v{version}"): Release[] {
  if (!Array.isArray(json)) return [];
  const shapes = tag === "v{version}" ? ["v{version}", "{version}"] : [tag];
  const out: Release[] = [];
  for (const r of json as { tag_name?: string; draft?: boolean; prerelease?: boolean; published_at?: string | null }[]) {
    if (!r || r.draft || r.prerelease || typeof r.tag_name !== "string") continue;
    for (const shape of shapes) {
      const [pre, post] = shape.split("{version}") as [string, string];
      const name = r.tag_name;
      if (name.length > pre.length + post.length && name.startsWith(pre) && name.endsWith(post)) {
        const version = name.slice(pre.length, name.length - post.length);
        if (releaseNumbers(version) && !/^v/.test(version)) {
          out.push({ version, date: r.published_at ? r.published_at.slice(0, 10) : null });
          break;
        }
      }
    }
  }
  return out;
}

/** Whether a release belongs to a line (`1` takes 1.x.y, `1.7` takes 1.7.y); every release does when no line is given. */
export function onLine(version: string, line: string | undefined): boolean {
  if (line === undefined) return true;
  const n = releaseNumbers(version);
  return n !== undefined && line.split(".").every((x, i) => n[i] === Number(x));
}

export function registryOf(loc: ReleaseLocation): Registry {
  return loc.maven !== undefined ? "maven" : loc.pypi !== undefined ? "pypi" : "github";
}

export function describeLocation(loc: ReleaseLocation): string {
  return `${REGISTRY_NAMES[registryOf(loc)]} ${loc.maven ?? loc.pypi ?? loc.github}${loc.line === undefined ? "" : ` (${loc.line}.x)`}`;
}

// ---- asking the registries ----

export interface AskOptions {
  env?: Record<string, string | undefined>;
  /** per request, in milliseconds */
  timeoutMs?: number;
  /** before the one retry, in milliseconds */
  retryDelayMs?: number;
}

function base(registry: Registry, env: Record<string, string | undefined>): string {
  return (env[BASE_ENV[registry]]?.trim() || DEFAULT_BASES[registry]).replace(/\/+$/, "");
}

/** A URL fit to print: no user name or password, no query. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = "";
    return u.toString();
  } catch {
    return "(an invalid URL)";
  }
}

function reasonOf(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)}s`;
  const code = err?.cause?.code ?? err?.code;
  if (code) return `cannot connect (${code})`;
  // never echo a URL as given: it may carry a mirror's credentials
  return (err?.cause?.message ?? err?.message ?? "request failed").split("\n")[0]!.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (u) => shownUrl(u));
}

/** A mirror's user name and password, given in its base URL, go in a Basic Authorization header (fetch refuses them in the URL). */
function withoutCredentials(url: string, headers: Record<string, string>): [string, Record<string, string>] {
  const u = new URL(url);
  if (!u.username && !u.password) return [url, headers];
  const basic = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString("base64");
  u.username = "";
  u.password = "";
  return [u.toString(), { Authorization: `Basic ${basic}`, ...headers }];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET with a timeout and one retry (on a network error, a timeout, 429 or a 5xx answer). */
async function get(registry: Registry, given: string, headersGiven: Record<string, string>, opts: Required<Omit<AskOptions, "env">>, method = "GET"): Promise<Response> {
  let last = "";
  let url: string;
  let headers: Record<string, string>;
  try {
    [url, headers] = withoutCredentials(given, headersGiven);
  } catch {
    throw new RegistryError(registry, shownUrl(given), `expected an http(s) base URL in ${BASE_ENV[registry]}`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await sleep(opts.retryDelayMs);
    try {
      const res = await fetch(url, { method, headers, signal: AbortSignal.timeout(opts.timeoutMs), redirect: "follow" });
      if (res.ok) return res;
      last = `HTTP ${res.status}`;
      await res.body?.cancel().catch(() => undefined);
      if (res.status !== 429 && res.status < 500) break;
    } catch (e) {
      last = reasonOf(e, opts.timeoutMs);
    }
  }
  throw new RegistryError(registry, shownUrl(url), last);
}

const USER_AGENT = "stream-advisor-catalog-releases";

/** The releases one location publishes; throws RegistryError when its registry cannot answer. */
export async function askLocation(loc: ReleaseLocation, options: AskOptions = {}): Promise<Release[]> {
  const env = options.env ?? process.env;
  const opts = { timeoutMs: options.timeoutMs ?? 15_000, retryDelayMs: options.retryDelayMs ?? 1_000 };
  const registry = registryOf(loc);
  const root = base(registry, env);
  if (registry === "maven") {
    const [group, artifact] = loc.maven!.split(":") as [string, string];
    const dir = `${root}/${group.replace(/\./g, "/")}/${artifact}`;
    const res = await get(registry, `${dir}/maven-metadata.xml`, { "User-Agent": USER_AGENT }, opts);
    const newest = newestOf(mavenVersions(await res.text()).filter((v) => onLine(v, loc.line)).map((version) => ({ version })));
    if (!newest) return [];
    // Maven metadata dates no version: the release's POM's Last-Modified does, where the repository gives it
    let date: string | null = null;
    try {
      const [pomUrl, pomHeaders] = withoutCredentials(`${dir}/${newest.version}/${artifact}-${newest.version}.pom`, { "User-Agent": USER_AGENT });
      const pom = await fetch(pomUrl, { method: "HEAD", headers: pomHeaders, signal: AbortSignal.timeout(opts.timeoutMs) });
      const modified = pom.ok ? pom.headers.get("last-modified") : null;
      const t = modified ? new Date(modified) : undefined;
      if (t && !Number.isNaN(t.getTime())) date = t.toISOString().slice(0, 10);
    } catch {
      // the date is a courtesy: without it the row still says how far behind the descriptor is
    }
    return [{ version: newest.version, date }];
  }
  if (registry === "pypi") {
    const res = await get(registry, `${root}/${encodeURIComponent(loc.pypi!)}/json`, { Accept: "application/json", "User-Agent": USER_AGENT }, opts);
    return pypiReleases(await json(res, registry)).filter((r) => onLine(r.version, loc.line));
  }
  const headers: Record<string, string> = { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", "User-Agent": USER_AGENT };
  const token = env.GITHUB_TOKEN?.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  // newest first, 100 a page: the next pages only when a page holds none of the engine's own releases (other tags crowd it)
  for (let page = 1; ; page++) {
    const res = await get(registry, `${root}/repos/${loc.github}/releases?per_page=100&page=${page}`, headers, opts);
    const answer = await json(res, registry);
    const found = githubReleases(answer, loc.tag).filter((r) => onLine(r.version, loc.line));
    if (found.length || !Array.isArray(answer) || answer.length < 100 || page === 5) return found;
  }
}

async function json(res: Response, registry: Registry): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new RegistryError(registry, shownUrl(res.url), "the answer is not JSON");
  }
}

/**
 * One row per engine: the newest release across its `releases` locations. Every location is
 * asked (at the same time); when any cannot answer, a RegistryError names every registry that
 * could not (one per registry).
 */
export async function checkReleases(engines: Engine[], options: AskOptions = {}): Promise<ReleaseRow[]> {
  const asked = new Map<string, Promise<Release[]>>();
  const key = (l: ReleaseLocation) => JSON.stringify([l.maven, l.pypi, l.github, l.tag, l.line]);
  for (const e of engines) for (const l of e.releases ?? []) if (!asked.has(key(l))) asked.set(key(l), askLocation(l, options));
  const settled = await Promise.allSettled(asked.values());
  const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
  if (failures.length) {
    const unexpected = failures.find((f) => !(f instanceof RegistryError));
    if (unexpected) throw unexpected;
    const seen = new Set<Registry>();
    throw new Unreachable((failures as RegistryError[]).filter((f) => !seen.has(f.registry) && seen.add(f.registry)));
  }
  const answers = new Map([...asked.keys()].map((k, i) => [k, (settled[i] as PromiseFulfilledResult<Release[]>).value]));
  return engines.map((e) => {
    const found = (e.releases ?? []).flatMap((l) => (answers.get(key(l)) ?? []).map((r) => ({ ...r, from: describeLocation(l) })));
    const newest = newestOf(found);
    return {
      id: e.id,
      name: e.name,
      described: e.version,
      newest: newest?.version ?? null,
      date: newest?.date ?? null,
      behind: newest ? behindBy(e.version, newest.version) : null,
      from: newest?.from ?? null,
      listed: (e.releases?.length ?? 0) > 0,
    };
  });
}

/** behind by a minor or major release: what makes the check exit 1 */
export const isStale = (r: ReleaseRow) => r.behind === "minor" || r.behind === "major";

const DASH = "-";

/** The check as a text table, with a closing line that says what is behind. */
export function formatReleasesText(rows: ReleaseRow[]): string {
  const head = ["engine", "described", "newest", "released", "behind", "from"];
  const cells = rows.map((r) => [r.id, r.described, r.newest ?? DASH, r.date ?? DASH, r.behind ?? DASH, r.from ?? (r.listed ? "no release found where `releases` says" : "no `releases` listed")]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join("  ").trimEnd();
  const stale = rows.filter(isStale);
  const patch = rows.filter((r) => r.behind === "patch");
  const tail = stale.length
    ? `${stale.length} of ${rows.length} descriptors are a minor or major release behind: ${stale.map((r) => `${r.id} (${r.described} -> ${r.newest})`).join(", ")}. Refresh them: docs/catalog-format.md#refreshing-a-descriptor`
    : `No descriptor is a minor or major release behind${patch.length ? ` (${patch.length} a patch release behind: ${patch.map((r) => r.id).join(", ")})` : ""}.`;
  return [line(head), ...cells.map(line), "", tail, ""].join("\n");
}

/** The check as a Markdown list of what is behind (the body of the issue the scheduled workflow keeps). */
export function formatReleasesMarkdown(rows: ReleaseRow[]): string {
  const stale = rows.filter(isStale);
  const out = [
    stale.length ? `${stale.length} catalogue descriptor${stale.length === 1 ? " is" : "s are"} a minor or major release behind the newest release:` : "No catalogue descriptor is a minor or major release behind.",
    "",
    "| engine | described | newest | released | behind | from |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.id} | ${r.described} | ${r.newest ?? DASH} | ${r.date ?? DASH} | ${isStale(r) ? `**${r.behind}**` : (r.behind ?? DASH)} | ${r.from ?? (r.listed ? "no release found" : "no `releases` listed")} |`),
    "",
    "Refresh each one behind as docs/catalog-format.md#refreshing-a-descriptor says, starting with `npm run catalog:report -- ENGINE@VERSION`.",
    "",
  ];
  return out.join("\n");
}

export function formatReleasesJson(rows: ReleaseRow[]): string {
  return `${JSON.stringify({ engines: rows, behind: rows.filter(isStale).map((r) => r.id) }, null, 2)}\n`;
}
