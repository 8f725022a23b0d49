// --engines (and a config file's `engines:`): which engines a run ranks.
//   core       the five core engines (and any a user catalogue adds): the default
//   extended   the five, the shipped extended catalogue (rules/extended/) and any a user catalogue adds
//   a,b,c      exactly these engines, from any of those
// Words can be combined (`core,pekko-streams`). An unknown id is a usage error
// with a did-you-mean (located in the config file when it came from there).

import { type Diagnostic, InputError, UsageError } from "../diagnostics.js";
import { closest } from "../suggest.js";
import { compareText } from "../text.js";
import type { Catalog } from "./load.js";
import type { Engine } from "./schema.js";
import type { SelectionOrigin } from "./shipped.js";

export const SET_WORDS = ["core", "extended"] as const;

/** Whether a catalogue ranks the default set (no selection, or exactly `core`). */
export function isDefaultSet(catalog: Catalog): boolean {
  return catalog.selection === undefined || (catalog.selection.length === 1 && catalog.selection[0] === "core");
}

/**
 * The catalogue narrowed or widened to a selection. `catalog` holds the core
 * engines and a user catalogue's; `extended` the shipped extended engines
 * (only needed when the selection reaches beyond `catalog`).
 */
export function selectEngines(catalog: Catalog, spec: string | string[], origin: SelectionOrigin, extended: Engine[]): Catalog {
  const tokens = (Array.isArray(spec) ? spec : spec.split(",")).map((t) => t.trim()).filter(Boolean);
  const have = new Set(catalog.engines.map((e) => e.id));
  const extra = extended.filter((e) => !have.has(e.id));
  const pool = new Map([...catalog.engines, ...extra].map((e) => [e.id, e]));
  const known = [...SET_WORDS, ...[...pool.keys()].sort(compareText)];
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const t of tokens) {
    if (t === "core") for (const e of catalog.engines) chosen.add(e.id);
    else if (t === "extended") for (const id of pool.keys()) chosen.add(id);
    else if (pool.has(t)) chosen.add(t);
    else unknown.push(t);
  }
  const expected = `core, extended, or comma-separated engine ids (${[...pool.keys()].sort(compareText).join(", ")})`;
  if (!tokens.length || unknown.length) {
    const problems = tokens.length ? unknown.map((u) => ({ message: `unknown engine '${u}'`, suggestion: closest(u, known) ?? known.find((k) => k.startsWith(`${u}-`)) })) : [{ message: "no engines named", suggestion: undefined }];
    if ("flag" in origin) {
      throw new UsageError(problems.map((p) => `${origin.flag}: ${p.message}${p.suggestion ? ` (did you mean '${p.suggestion}'?)` : ""}`).join("\n") + `; expected ${expected}`);
    }
    throw new InputError(problems.map((p): Diagnostic => ({ ...origin.at, message: `engines: ${p.message}`, ...(p.suggestion ? { suggestion: p.suggestion } : {}), expected })));
  }
  const engines = [...chosen].map((id) => pool.get(id)!).sort((a, b) => compareText(a.id, b.id));
  const extendedIds = new Set(extra.map((e) => e.id));
  const fromExtended = engines.filter((e) => extendedIds.has(e.id)).map((e) => e.id);
  const userFiles = Object.fromEntries(Object.entries(catalog.userFiles).filter(([id]) => chosen.has(id)));
  return { ...catalog, engines, userFiles, ...(fromExtended.length ? { extended: fromExtended } : {}), selection: tokens };
}
