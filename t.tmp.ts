import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadCatalogDir } from "./src/catalog/load.js";
import { evaluate } from "./src/engine/evaluate.js";
import { loadProfile } from "./src/profile/load.js";
import { parseYaml } from "./src/io/yaml.js";
import { stringify } from "yaml";
const cat = loadCatalogDir("rules");
const cases = parse(readFileSync("test/expert/cases.yaml", "utf8")).cases;
let ok = 0;
for (const c of cases) {
  const src = parseYaml({ file: c.id, text: stringify(c.profile) });
  const r = evaluate(loadProfile(src), cat);
  const top = r.recommendation.engine;
  const kindOk = r.recommendation.kind === c.expect.kind;
  const topOk = !c.expect.top || c.expect.top.includes(top);
  const dq = r.ranking.filter(x => x.disqualified).map(x => x.engine);
  const dqOk = (c.expect.disqualified ?? []).every((e: string) => dq.includes(e));
  const pass = kindOk && topOk && dqOk;
  if (pass) ok++;
  console.log(pass ? "PASS" : "FAIL", c.id, "| want", c.expect.kind, c.expect.top?.join("/") ?? "", "dq", (c.expect.disqualified ?? []).join(","), "| got", r.recommendation.kind, top, "dq", dq.join(","), "|", r.ranking.map(x => x.engine + ":" + x.score + (x.disqualified ? "x(" + x.disqualifiedBy.join("+") + ")" : "")).join(" "));
}
console.log(ok, "/", cases.length);
