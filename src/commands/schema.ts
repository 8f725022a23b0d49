// `advise schema`: the profile's JSON Schema, generated from the zod schema so the two cannot drift.
import * as z from "zod/mini";
import { profileSchema } from "../profile/schema.js";
import { LINKS } from "../tool.js";
import { DURATION_PATTERN, POSITIVE_DURATION_PATTERN, POSITIVE_RATE_PATTERN, RATE_PATTERN } from "../units.js";

/** Where the schema can be fetched: the shipped file in the repository named by package.json. */
export const SCHEMA_ID = LINKS.raw("schema/profile.schema.json");

export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileSchema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
  // Lists hold each entry once (the zod side reports duplicates after parsing).
  const props = schema.properties as Record<string, Record<string, unknown>>;
  for (const key of ["processing", "sources", "sinks", "languages"]) props[key]!.uniqueItems = true;
  // An editor can refuse a zero budget or rate as you type (`latency: 0ms`); the validator says why instead.
  const src = (p: string) => new RegExp(p).source; // as zod writes it (a / becomes \/)
  const positive: Record<string, string> = { [src(DURATION_PATTERN)]: src(POSITIVE_DURATION_PATTERN), [src(RATE_PATTERN)]: src(POSITIVE_RATE_PATTERN) };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.pattern === "string" && positive[o.pattern]) o.pattern = positive[o.pattern];
    Object.values(o).forEach(walk);
  };
  walk(schema.properties);
  return { $schema: schema.$schema, $id: SCHEMA_ID, title: "stream-advisor profile, version 1", ...schema };
}

export function profileJsonSchemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}
