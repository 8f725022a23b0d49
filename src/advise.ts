// A profile to advice: read, parse with positions, validate (readProfile), then
// score and, when asked, say why an engine lost (adviseOn). `advise PROFILE`
// and the MCP server's `advise` tool both go through here.

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
