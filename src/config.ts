// The optional project config file, found the way linters find theirs: the
// nearest `.advise.yaml` (or `.advise.yml`, `advise.config.yaml`) in the
// current folder or one above it. It may name a user catalogue folder.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as z from "zod/mini";
import { readSource } from "./io/read.js";
import { parseYaml } from "./io/yaml.js";
import { validateYaml } from "./validate.js";

export const CONFIG_NAMES = [".advise.yaml", ".advise.yml", "advise.config.yaml"] as const;

export const configSchema = z.strictObject({
  /** a folder of engine descriptors that add to or override the shipped catalogue, relative to the config file */
  catalog: z.optional(z.string().check(z.minLength(1))),
});

export interface ProjectConfig {
  file: string;
  /** absolute path of the user catalogue folder, when the config names one */
  catalog?: string;
}

/** The nearest config file from `start` upwards, validated; undefined when there is none. */
export function findConfig(start: string = process.cwd()): ProjectConfig | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) {
        const src = parseYaml(readSource(file));
        const data = src.value === null || src.value === undefined ? {} : validateYaml(configSchema, src);
        return { file, ...(data.catalog ? { catalog: resolve(dirname(file), data.catalog) } : {}) };
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
