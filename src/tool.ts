// Who wrote a report, and where its documentation lives. Every JSON document
// names the tool and its version (`tool: {name, version}`), read from
// package.json so that it is the same bundled (the build keeps these fields of
// package.json, see scripts/build.mjs) and from source (tests, the MCP server
// under test); and every link the tool prints to its own documentation is
// built from package.json's `repository` (and `homepage`, `bugs`), so a fork
// that sets those fields gets links to its own pages, and no report links a
// path that exists only in a clone.
import pkg from "../package.json" with { type: "json" };

export interface Tool {
  name: string;
  version: string;
}

export const TOOL: Tool = { name: pkg.name, version: pkg.version };

/** The branch documentation links point at. */
export const DOCS_REF = "main";

export interface PackageLinks {
  homepage?: string;
  repository?: string | { url?: string };
  bugs?: string | { url?: string };
}

export interface Links {
  /** the project's home page (package.json homepage, else the repository) */
  home: string;
  /** where to report a bug */
  bugs: string;
  /** a file of the repository, as a web page: docs/rules.md#latency-budget */
  doc(path: string, anchor?: string): string;
  /** a file of the repository, raw (for a JSON Schema an editor fetches) */
  raw(path: string): string;
}

/** The repository's web address from package.json: git+https://host/o/r.git, git@host:o/r.git or github:o/r become https://host/o/r. */
export function repositoryWebUrl(repository: PackageLinks["repository"]): string | undefined {
  const url = typeof repository === "string" ? repository : repository?.url;
  if (!url) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const ssh = /^(?:git\+)?(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?\/?$/.exec(url);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const web = /^(?:git\+)?(?:https?|git):\/\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(url);
  return web ? `https://${web[1]}/${web[2]}` : undefined;
}

export function linksFor(p: PackageLinks): Links {
  const repo = repositoryWebUrl(p.repository);
  if (!repo) throw new Error("package.json needs a repository URL: every documentation link the tool prints is built from it");
  const github = /^https:\/\/github\.com\/(.+)$/.exec(repo);
  const bugs = typeof p.bugs === "string" ? p.bugs : p.bugs?.url;
  return {
    home: p.homepage ?? repo,
    bugs: bugs ?? `${repo}/issues`,
    doc: (path, anchor) => `${repo}/blob/${DOCS_REF}/${path}${anchor ? `#${anchor}` : ""}`,
    raw: (path) => (github ? `https://raw.githubusercontent.com/${github[1]}/${DOCS_REF}/${path}` : `${repo}/raw/${DOCS_REF}/${path}`),
  };
}

/** This package's links. */
export const LINKS: Links = linksFor(pkg);
