// A profile to advice: read, parse with positions, validate (readProfile), then
// score and, when asked, say why an engine lost (adviseOn), and, among the
// default engines, whether an extended engine would do better (adviseResult).
// `advise PROFILE` and the MCP server's `advise` tool both go through
// adviseResult, so they return the same document.

import type { Catalog } from "./catalog/load.js";
import { UsageError } from "./diagnostics.js";
import type { Result } from "./engine/result.js";
import { readSource } from "./io/read.js";
import { parseYaml } from "./io/yaml.js";
import { loadProfile, type Profile } from "./profile/load.js";

export function readProfile(path: string): Profile {
  return loadProfile(parseYaml(readSource(path)));
}

export interface AdviseOptions {
  /** an engine id: add `whyNot` to the result */
  whyNot?: string;
  /** how the caller names the why-not option in messages (default `--why-not`) */
  whyNotName?: string;
}

/** The result for a validated profile; an unknown why-not engine is a UsageError with a did-you-mean. */
export async function adviseOn(profile: Profile, catalog: Catalog, options: AdviseOptions = {}): Promise<Result> {
  const { evaluate } = await import("./engine/evaluate.js");
  const result = evaluate(profile, catalog);
  if (options.whyNot !== undefined) {
    const ids = catalog.engines.map((e) => e.id);
    if (!ids.includes(options.whyNot)) {
      const { closest } = await import("./suggest.js");
      const guess = closest(options.whyNot, ids);
      throw new UsageError(`${options.whyNotName ?? "--why-not"}: unknown engine '${options.whyNot}'${guess ? ` (did you mean '${guess}'?)` : ""}; expected one of ${ids.join(", ")}`);
    }
    const { whyNot } = await import("./engine/why-not.js");
    result.whyNot = whyNot(result, profile, catalog, options.whyNot);
  }
  return result;
}

export interface AdviseRunOptions {
  /** an engine id: add `whyNot` to the result */
  whyNot?: string;
  /** how the caller names the why-not option and the engine selection in messages (default `--why-not`, `--engines`) */
  whyNotName?: string;
  enginesName?: (spec: string) => string;
  /** the command that ranks the extended engines too, quoted in `beyond` */
  wideCommand: string;
}

/**
 * The whole answer for a validated profile, as `advise PROFILE --format json`
 * gives it: the result, `whyNot` when asked, and `beyond` when the default
 * engines give no answer or a weak one and an extended engine would do better.
 * A why-not engine of the extended catalogue that the run does not rank is a
 * UsageError saying how to rank it.
 */
export async function adviseResult(profile: Profile, catalog: Catalog, options: AdviseRunOptions): Promise<Result> {
  const whyNotName = options.whyNotName ?? "--why-not";
  const engines = options.enginesName ?? ((spec: string) => `--engines ${spec}`);
  if (options.whyNot !== undefined && !catalog.engines.some((e) => e.id === options.whyNot)) {
    // an engine of the extended catalogue that this run does not rank: say how to rank it
    const { extendedEngines } = await import("./catalog/shipped.js");
    if ((await extendedEngines()).some((e) => e.id === options.whyNot)) {
      throw new UsageError(`${whyNotName}: '${options.whyNot}' is in the extended catalogue, which this run does not rank; add ${engines("extended")} (or ${engines([...catalog.engines.map((e) => e.id), options.whyNot].join(","))})`);
    }
  }
  const result = await adviseOn(profile, catalog, options.whyNot !== undefined ? { whyNot: options.whyNot, ...(options.whyNotName ? { whyNotName: options.whyNotName } : {}) } : {});
  // no answer, or a weak one, among the default engines: would an extended engine do?
  const { isDefaultSet } = await import("./catalog/select.js");
  if (isDefaultSet(catalog)) {
    const { beyond, beyondReason } = await import("./engine/beyond.js");
    if (beyondReason(result, catalog)) {
      const { widened } = await import("./catalog/shipped.js");
      const b = beyond(profile, catalog, await widened(catalog), result, options.wideCommand);
      if (b) result.beyond = b;
    }
  }
  return result;
}
