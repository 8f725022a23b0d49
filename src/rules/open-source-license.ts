import type { Rule } from "./types.js";

export const openSourceLicense: Rule = {
  example: "version: 1\nlatency: 50ms\nthroughput: 10k/s\ndeployment: library\nsinks: [http]\nlicense: open-source\n",
  id: "open-source-license",
  description: "With license: open-source, only engines under an OSI-approved licence qualify.",
  requirement: "license",
  reads: ["license.spdx", "license.osi"],
  scoring:
    "Full marks for an OSI-approved licence, none otherwise (unmet). A must by default with license: open-source (OSI-approved licences only): an engine under any other licence is disqualified unless priorities.license sets it lower (high, normal or low), which makes it weigh the score instead. Not applied when license is `any`.",
  messages: {
    osi: "{engine} is under {spdx}, an OSI-approved licence",
    "not-osi": "{engine} is under {spdx}, which is not an OSI-approved open-source licence",
  },
  applies: (p) => p.license === "open-source",
  key: (p) => p.license,
  evaluate(_p, engine) {
    const l = engine.license;
    return { fit: l.osi ? 1 : 0, unmet: !l.osi, messageId: l.osi ? "osi" : "not-osi", args: { engine: engine.name, spdx: l.spdx }, detail: l.note, sources: l.sources };
  },
};
