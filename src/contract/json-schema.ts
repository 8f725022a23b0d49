// schema/{result,results,check,problems}.schema.json from the zod schemas in this
// folder (`npm run docs` writes them; test/contract.test.ts keeps them equal).
import * as z from "zod/mini";
import { checkJsonSchema } from "./check.js";
import { problemsJsonSchema } from "./problems.js";
import { resultJsonSchema } from "./result.js";
import { resultsJsonSchema } from "./results.js";
import { LINKS } from "../tool.js";

export const CONTRACTS = {
  "result.schema.json": { title: "stream-advisor/result@1", schema: resultJsonSchema },
  "results.schema.json": { title: "stream-advisor/results@1", schema: resultsJsonSchema },
  "check.schema.json": { title: "stream-advisor/check@1", schema: checkJsonSchema },
  "problems.schema.json": { title: "stream-advisor/problems@1", schema: problemsJsonSchema },
} as const;

export type ContractFile = keyof typeof CONTRACTS;

/** Removes every `additionalProperties: false`: a document from a later 1.x may carry fields this one does not name. */
function open(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(open);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!(k === "additionalProperties" && v === false)) out[k] = open(v);
  return out;
}

/**
 * The JSON Schema of one document. The published form is open (fields are
 * only ever added within a @1 schema, docs/result.md); `strict` refuses any
 * field the schema does not name, which the tests use to keep it complete.
 */
export function contractJsonSchema(file: ContractFile, { strict = false } = {}): Record<string, unknown> {
  const { title, schema } = CONTRACTS[file];
  const js = z.toJSONSchema(schema, { io: "output", target: "draft-7" }) as Record<string, unknown>;
  const { $schema, ...rest } = js;
  return { $schema, $id: LINKS.raw(`schema/${file}`), title, ...((strict ? rest : open(rest)) as Record<string, unknown>) };
}

export function contractJsonSchemaText(file: ContractFile): string {
  return `${JSON.stringify(contractJsonSchema(file), null, 2)}\n`;
}
