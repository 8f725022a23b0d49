// The routes by which an engine reaches a capability. Kept apart from the zod
// schema (schema.ts) so that scoring, which needs only these, does not load zod's
// catalogue schema on every run: the shipped catalogue is validated at build time.

/**
 * How an engine reaches a capability (docs/catalog-format.md#routes):
 * - builtin: the engine ships it production-ready with default settings
 * - configured: the engine ships it production-ready once configured (a setting, a module it publishes)
 * - limited: the engine ships it, but only in a limited scope
 * - preview: the engine ships it as experimental, beta or preview
 * - external: only through another system the team must run (name it in `needs` or `via`)
 * - third-party: only through code the project does not ship (a vendor's or community connector, library or platform)
 * - own-code: only with code the team writes itself
 * - none: not at all
 * Only builtin and configured meet a `must`.
 */
export const ROUTES = ["builtin", "configured", "limited", "preview", "external", "third-party", "own-code", "none"] as const;
export type Route = (typeof ROUTES)[number];

/** Whether a route counts as production-ready: only these meet a `must`. */
export function isReady(r: Route): boolean {
  return r === "builtin" || r === "configured";
}
