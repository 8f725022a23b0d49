// `advise schema`: the profile's JSON Schema, generated from the zod schema so the two cannot drift.
import * as z from "zod/mini";
import { profileSchema } from "../profile/schema.js";

export const SCHEMA_ID = "https://stream-advisor.dev/schema/profile-v1.json";

export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileSchema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
  // Lists hold each entry once (the zod side reports duplicates after parsing).
  const props = schema.properties as Record<string, Record<string, unknown>>;
  for (const key of ["processing", "sources", "sinks", "languages"]) props[key]!.uniqueItems = true;
  return { $schema: schema.$schema, $id: SCHEMA_ID, title: "stream-advisor profile, version 1", ...schema };
}

export function profileJsonSchemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}
