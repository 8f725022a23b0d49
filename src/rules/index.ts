// The rule registry, in the order reasons are listed. Rule ids never change:
// ADRs, SARIF reports and docs/rules.md anchors refer to them.
import { sinkConnectors, sourceConnectors } from "./connectors.js";
import { deploymentModel } from "./deployment-model.js";
import { exactlyOnce } from "./exactly-once.js";
import { batchBackfill, eventTime, stateSize } from "./flags.js";
import { jobLanguage } from "./job-language.js";
import { latencyBudget } from "./latency-budget.js";
import { maintenance } from "./maintenance.js";
import { consistency, serving } from "./serving.js";
import { statefulOperations } from "./stateful-operations.js";
import { managedCloud } from "./managed-cloud.js";
import { openSourceLicense } from "./open-source-license.js";
import { portability } from "./portability.js";
import { processingKinds } from "./processing-kinds.js";
import { runningCost } from "./running-cost.js";
import { throughputScale } from "./throughput-scale.js";
import type { Rule } from "./types.js";
import { unitOfWork } from "./unit-of-work.js";

export const RULES: readonly Rule[] = [
  latencyBudget,
  throughputScale,
  processingKinds,
  unitOfWork,
  deploymentModel,
  sourceConnectors,
  sinkConnectors,
  jobLanguage,
  eventTime,
  exactlyOnce,
  stateSize,
  batchBackfill,
  managedCloud,
  openSourceLicense,
  portability,
  serving,
  consistency,
  statefulOperations,
  maintenance,
  runningCost,
];

export const RULE_IDS = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Fills a rule's message template with a finding's args. */
export function formatMessage(rule: Rule, messageId: string, args: Record<string, unknown>): string {
  const template = rule.messages[messageId] ?? messageId;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = args[k];
    return Array.isArray(v) ? v.join(", ") : v === undefined ? `{${k}}` : String(v);
  });
  // a fact that holds only under a condition says which (catalog/conditions.ts), after any message
  return typeof args.condition === "string" && !template.includes("{condition}") ? `${text}${args.condition}` : text;
}
