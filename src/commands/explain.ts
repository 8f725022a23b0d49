// `advise explain [RULE]`: what a rule checks, what it reads, how it scores,
// and a profile in which it decides the outcome.

import type { Catalog } from "../catalog/load.js";
import { type Outcome, outcome } from "../engine/decide.js";
import { parseYaml } from "../io/yaml.js";
import { loadProfile } from "../profile/load.js";
import { UsageError } from "../diagnostics.js";
import { RULES, ruleById } from "../rules/index.js";
import type { Rule } from "../rules/types.js";
import { unknownName } from "../suggest.js";
import { LINKS, TOOL, type Tool } from "../tool.js";

export interface RuleExplanation {
  id: string;
  description: string;
  requirement: string;
  reads: readonly string[];
  weight: number;
  scoring: string;
  messages: Record<string, string>;
  example: { profile: string; answer: string; withoutRule: string };
  docs: string;
}

function answer(o: Outcome, catalog: Catalog): string {
  const name = catalog.engines.find((e) => e.id === o.engine)?.name ?? o.engine;
  if (o.kind === "engine") return name!;
  if (o.kind === "periodic-batch") return `scheduled batch jobs in ${name}`;
  return o.kind === "custom" ? "custom code" : "no engine (every one breaks a must)";
}

/** The outcome of the rule's example with and without the rule (its weight set to 0 turns it off). */
export function exampleOutcomes(rule: Rule, given: Catalog, wide?: Catalog): { with: Outcome; without: Outcome } {
  // an example ranked with the extended engines, where the five cannot show the rule deciding
  const catalog = rule.exampleEngines === "extended" && wide ? wide : given;
  const p = loadProfile(parseYaml({ file: `${rule.id} example`, text: rule.example }));
  const off: Catalog = { ...catalog, config: { ...catalog.config, weights: { ...catalog.config.weights, [rule.id]: 0 } } };
  return { with: outcome(p, catalog), without: outcome(p, off) };
}

export function explainRule(rule: Rule, catalog: Catalog, wide?: Catalog): RuleExplanation {
  const ex = exampleOutcomes(rule, catalog, wide);
  const named = rule.exampleEngines === "extended" && wide ? wide : catalog;
  return {
    id: rule.id,
    description: rule.description,
    requirement: rule.requirement,
    reads: rule.reads,
    weight: catalog.config.weights[rule.id] ?? 1,
    scoring: rule.scoring,
    messages: rule.messages,
    // engines named from the catalogue the example was ranked in (an extended engine by its name, not its id)
    example: { profile: rule.example, answer: answer(ex.with, named), withoutRule: answer(ex.without, named) },
    docs: LINKS.doc("docs/rules.md", rule.id),
  };
}

/** `advise explain --format json`: every rule explained. */
export function explainAll(catalog: Catalog, wide?: Catalog): RuleExplanation[] {
  return RULES.map((r) => explainRule(r, catalog, wide));
}

/** `advise explain --format json` (and the MCP explain tool without a rule): every rule, marked. */
export function rulesJson(catalog: Catalog, wide?: Catalog): { schema: "stream-advisor/rules@1"; tool: Tool; rules: RuleExplanation[] } {
  return { schema: "stream-advisor/rules@1", tool: TOOL, rules: explainAll(catalog, wide) };
}

/** `advise explain RULE --format json`: one rule, marked. */
export function ruleJson(ruleId: string, catalog: Catalog, wide?: Catalog): { schema: "stream-advisor/rule@1"; tool: Tool } & RuleExplanation {
  return { schema: "stream-advisor/rule@1", tool: TOOL, ...explainById(ruleId, catalog, wide) };
}

/** One rule explained; an unknown id is a UsageError with a did-you-mean (a profile field names its rule too). */
export function explainById(ruleId: string, catalog: Catalog, wide?: Catalog): RuleExplanation {
  const rule = ruleById(ruleId);
  if (rule) return explainRule(rule, catalog, wide);
  const ids = RULES.map((r) => r.id);
  // `advise explain latency` means latency-budget
  const byField = RULES.filter((r) => r.requirement === ruleId || r.id.startsWith(ruleId));
  if (byField.length === 1) throw new UsageError(`unknown rule '${ruleId}' (did you mean '${byField[0]!.id}'?); expected one of ${ids.join(", ")}`);
  throw new UsageError(unknownName("rule", ruleId, ids));
}

export function explainText(x: RuleExplanation): string {
  const lines = [
    `${x.id}: ${x.description}`,
    "",
    `Profile field:  ${x.requirement} (its priority in \`priorities.${x.requirement}\` multiplies the weight)`,
    `Reads:          ${x.reads.join(", ")}`,
    `Base weight:    ${x.weight} (rules/rules.yaml)`,
    "",
    "How it scores:",
    `  ${x.scoring}`,
    "",
    "Example where it decides the outcome:",
    ...x.example.profile.trimEnd().split("\n").map((l) => `  ${l}`),
    `  -> ${x.example.answer}; without this rule: ${x.example.withoutRule}`,
    "",
    `More: ${x.docs}`,
  ];
  return `${lines.join("\n")}\n`;
}

export function ruleListText(catalog: Catalog): string {
  const w = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `  ${r.id.padEnd(w)}  ${r.requirement.padEnd(11)}  ${r.description}`);
  return `Rules (advise explain RULE for one; ${LINKS.doc("docs/rules.md")} for all):\n\n  ${"rule".padEnd(w)}  ${"field".padEnd(11)}  checks\n${lines.join("\n")}\n\nBase weights are in rules/rules.yaml (catalogue as of ${catalog.asOf}).\n`;
}
