// A profile file (or "-") to a validated profile: read, parse with positions, validate.

import { readSource } from "./io/read.js";
import { parseYaml } from "./io/yaml.js";
import { loadProfile, type Profile } from "./profile/load.js";

export function readProfile(path: string): Profile {
  return loadProfile(parseYaml(readSource(path)));
}
