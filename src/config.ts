// The optional project config file, found the way linters find theirs: the
// nearest `.advise.yaml` (or `.advise.yml`, `advise.config.yaml`) in the
// current folder or one above it. It may name a user catalogue folder.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as z from "zod/mini";
import { readSource } from "./io/read.js";
import { parseYaml } from "./io/yaml.js";
import type { Diagnostic } from "./diagnostics.js";
import { locator, validateYaml } from "./validate.js";

export const CONFIG_NAMES = [".advise.yaml", ".advise.yml", "advise.config.yaml"] as const;

export const configSchema = z.strictObject({
  /** a folder of engine descriptors that add to or override the shipped catalogue, relative to the config file */
  catalog: z.optional(z.string().check(z.minLength(1))),
  /** which engines to rank: core (the default), extended, or engine ids (a comma-separated string or a list), as --engines */
  engines: z.optional(z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))])),
});

export interface ProjectConfig {
  file: string;
  /** absolute path of the user catalogue folder, when the config names one */
  catalog?: string;
  /** where `catalog:` is written, and the value as written (for located errors) */
  catalogAt?: Diagnostic;
  catalogWritten?: string;
  /** the `engines:` selection, with where it is written (for located errors) */
  engines?: { value: string | string[]; at: Diagnostic };
}

/** The nearest config file from `start` upwards (not above `stopAt`, when given), validated; undefined when there is none. */
export function findConfig(start: string = process.cwd(), stopAt?: string): ProjectConfig | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) {
        const src = parseYaml(readSource(file));
        const data = src.value === null || src.value === undefined ? {} : validateYaml(configSchema, src);
        const engines = data.engines !== undefined ? { value: data.engines, at: { file: src.file, ...locator(src, [])(["engines"]), message: "" } } : undefined;
        const catalog = data.catalog ? { catalog: resolve(dirname(file), data.catalog), catalogWritten: data.catalog, catalogAt: { file: src.file, ...locator(src, [])(["catalog"]), message: "" } } : {};
        return { file, ...catalog, ...(engines ? { engines } : {}) };
      }
    }
    if (stopAt !== undefined && resolve(stopAt) === dir) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
