import { designRate } from "../profile/load.js";
import { formatRate, parseRate } from "../units.js";
import type { Rule } from "./types.js";

const HOW = {
  cluster: "spreads the work over its cluster itself",
  partitions: "scales by adding instances, up to the input's partition count",
  instances: "scales only as far as the team shards the work over instances by hand",
} as const;

export const throughputScale: Rule = {
  example: "version: 1\nlatency: 5s\nthroughput: 5M/s\nsources: [kafka]\nsinks: [files]\n",
  id: "throughput-scale",
  description: "The events per second to absorb (the peak, when one is given) against how the engine scales out.",
  requirement: "throughput",
  reads: ["throughput.scaling"],
  scoring:
    "Below rules.yaml throughput.medium every engine gets full marks. From medium and from high, the fit comes from the table throughput.fit by the engine's scaling model (cluster, partitions, instances). Never unmet: any engine can be scaled by running more of it; the score says how much of that work is yours.",
  messages: {
    easy: "{rate} is a volume any of these engines absorbs",
    scales: "{rate}: {engine} {how}",
  },
  applies: () => true,
  key: (p) => String(designRate(p).perSecond),
  evaluate(profile, engine, ctx) {
    const rate = designRate(profile);
    const t = ctx.config.throughput;
    const tier = rate.perSecond >= parseRate(t.high)!.perSecond ? 2 : rate.perSecond >= parseRate(t.medium)!.perSecond ? 1 : 0;
    const scaling = engine.throughput.scaling;
    const fit = t.fit[scaling][tier]!;
    const rateText = profile.throughput.peak ? `${rate.text} at peak` : rate.text;
    if (tier === 0) return { fit, unmet: false, messageId: "easy", args: { rate: rateText, engine: engine.name, below: formatRate(parseRate(t.medium)!.perSecond) }, sources: engine.throughput.sources };
    return { fit, unmet: false, messageId: "scales", args: { rate: rateText, engine: engine.name, how: HOW[scaling], scaling }, detail: engine.throughput.note, sources: engine.throughput.sources };
  },
};
