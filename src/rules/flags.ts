// Rules for yes/no requirements that map to one catalogue fact.
import { conditionKey } from "../catalog/conditions.js";
import { single } from "./helpers.js";
import type { Rule } from "./types.js";

export const eventTime: Rule = {
  example: "version: 1\nlatency: 20ms\nthroughput: 10k/s\ndeployment: library\neventTime: true\n",
  id: "event-time",
  description: "Event-time windows, watermarks and late-data handling, when the profile needs them.",
  requirement: "eventTime",
  reads: ["eventTime"],
  scoring: "The route value of the engine's event-time support; unmet unless production-ready. Applied only when eventTime is true.",
  messages: {
    full: "{engine} has event-time windows, watermarks and late-data handling{cfg}",
    partial: "{engine} has event-time processing {how}",
    none: "{engine} has no event-time windows or watermarks",
  },
  applies: (p) => p.eventTime,
  key: (p, ctx) => `${p.eventTime}|${conditionKey(p, ctx)}`,
  evaluate: (p, engine, ctx) => single(engine.eventTime, p, ctx, { engine: engine.name }, engine.id),
};

export const batchBackfill: Rule = {
  example: "version: 1\nlatency: 1s\nthroughput: 10k/s\nsources: [kafka]\nsinks: [kafka]\nbatch: true\npriorities: {batch: high}\n",
  id: "batch-backfill",
  description: "Whether the same code can also run bounded backfills, when the profile needs that.",
  requirement: "batch",
  reads: ["batch"],
  scoring: "The route value of the engine's support for running the same job on bounded input; unmet unless production-ready (replaying a topic without a bounded mode is limited). Applied only when batch is true.",
  messages: {
    full: "{engine} runs the same code on bounded backfills{cfg}",
    partial: "{engine} runs bounded backfills {how}",
    none: "{engine} cannot run the same code as a bounded backfill",
  },
  applies: (p) => p.batch,
  key: (p, ctx) => `${p.batch}|${conditionKey(p, ctx)}`,
  evaluate: (p, engine, ctx) => single(engine.batch, p, ctx, { engine: engine.name }, engine.id),
};

export const stateSize: Rule = {
  example: "version: 1\nlatency: 20ms\nthroughput: 10k/s\ndeployment: library\nstate: large\n",
  id: "state-size",
  description: "How much keyed state the job keeps (small: fits in memory of a few processes; large: GB to TB) against the engine's state support.",
  requirement: "state",
  reads: ["state.small", "state.large"],
  scoring: "The route value of the engine's support for the state size asked for (state that is lost on restart is limited); unmet unless production-ready. Not applied when state is `none`.",
  messages: {
    full: "{engine} keeps {state} state{cfg}",
    partial: "{engine} keeps {state} state {how}",
    none: "{engine} does not keep {state} state",
  },
  applies: (p) => p.state !== "none",
  key: (p, ctx) => `${p.state}|${conditionKey(p, ctx)}`,
  evaluate: (p, engine, ctx) => single(engine.state[p.state as "small" | "large"], p, ctx, { engine: engine.name, state: p.state }, engine.id),
};
