// stream-advisor/results@1 (several profiles in one run, --format json) as a zod schema, held to src/format/many.ts.
import * as z from "zod/mini";
import type { ResultsJson } from "../format/many.js";
import { problemsJsonSchema } from "./problems.js";
import { described, resultJsonSchema, type Same, toolSchema } from "./result.js";

const count = () => z.int().check(z.gte(0));

const pick = z.strictObject({
  file: z.string(),
  name: z.optional(z.string()),
  kind: z.enum(["engine", "periodic-batch", "custom", "none"]),
  engine: described(z.nullable(z.string()), "the recommended engine's id; null for custom and none"),
  score: described(z.nullable(z.int().check(z.gte(0), z.lte(100))), "the recommended engine's score"),
  margin: z.nullable(count()),
  close: z.boolean(),
  runnerUp: described(z.nullable(z.string()), "the best qualified engine after the pick"),
});

export const resultsJsonSchema = described(
  z.strictObject({
    schema: z.literal("stream-advisor/results@1"),
    tool: toolSchema,
    summary: z.strictObject({
      profiles: described(count(), "profile files named, after expanding patterns"),
      advised: count(),
      invalid: described(count(), "profiles that could not be read or did not validate; their problems are in `problems`"),
      invalidFiles: z.array(z.string()),
      picks: described(z.array(pick), "one per advised profile, in the order of `results`"),
    }),
    results: described(z.array(resultJsonSchema), "one stream-advisor/result@1 per advised profile, in argument order"),
    problems: problemsJsonSchema.shape.problems,
  }),
  "stream-advisor/results@1: `advise PROFILE PROFILE... --format json` (docs/result.md#several-profiles)",
);

const resultsTypesAgree: Same<z.infer<typeof resultsJsonSchema>, ResultsJson> = true;
void resultsTypesAgree;
