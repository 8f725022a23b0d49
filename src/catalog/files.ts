// Listing a catalogue folder's engine files: shared by the YAML loader and the
// compiled-catalogue cache (which must not load the YAML parser or the schema).

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../diagnostics.js";

/** Engine files in a folder (its engines/ subfolder when there is one), sorted. */
export function engineFiles(dir: string): string[] {
  const folder = listYaml(join(dir, "engines")) ?? listYaml(dir);
  if (folder === undefined) throw new InputError([{ file: dir, message: "no such catalogue folder", expected: "a folder of engine YAML files (or one with an engines/ subfolder)" }]);
  return folder;
}

/** The YAML files directly in a folder, sorted; undefined when it is not a readable folder. */
export function listYaml(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
      .map((d) => join(dir, d.name))
      .sort();
  } catch {
    return undefined;
  }
}
