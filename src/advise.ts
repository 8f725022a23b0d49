// The main job as one function: a profile path in, a result out. The CLI,
// `advise check` and the tests all go through here (one scoring path).

import type { Catalog } from "./catalog/load.js";
import { evaluate } from "./engine/evaluate.js";
import type { Result } from "./engine/result.js";
import { readSource } from "./io/read.js";
import { parseYaml } from "./io/yaml.js";
import { loadProfile, type Profile } from "./profile/load.js";

export function readProfile(path: string): Profile {
  return loadProfile(parseYaml(readSource(path)));
}

export function adviseFile(path: string, catalog: Catalog): Result {
  return evaluate(readProfile(path), catalog);
}
