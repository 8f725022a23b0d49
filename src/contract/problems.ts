// stream-advisor/problems@1 (input problems with --format json) as a zod schema, held to src/format/problems.ts.
import * as z from "zod/mini";
import type { ProblemsJson } from "../format/problems.js";
import { described, type Same, toolSchema } from "./result.js";

const place = () => z.nullable(z.int().check(z.gte(1)));

export const problemsJsonSchema = described(
  z.strictObject({
    schema: z.literal("stream-advisor/problems@1"),
    tool: toolSchema,
    problems: z.array(
      z.strictObject({
        file: described(z.nullable(z.string()), "the file the problem is in (<stdin> for standard input); null for a problem with the command line"),
        line: described(place(), "1-based; null when there is no position"),
        column: described(place(), "1-based; null when there is no position"),
        message: z.string(),
        expected: described(z.nullable(z.string()), "what would have been accepted"),
        suggestion: z.optional(described(z.string(), "did you mean")),
      }),
    ),
  }),
  "stream-advisor/problems@1: why `advise ... --format json` exited 2 (docs/result.md#problems)",
);

const problemsTypesAgree: Same<z.infer<typeof problemsJsonSchema>, ProblemsJson> = true;
void problemsTypesAgree;
