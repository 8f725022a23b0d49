// What `advise mcp` offers besides its tools: the interview prompt that builds
// a profile with the user (the conversation elicits, the scorer stays
// deterministic), the catalogue's engines and the rules' docs as resources,
// and pagination of long lists. Plain functions; server.ts registers them.

import { engineJson } from "../commands/engines.js";
import { explainById, explainText } from "../commands/explain.js";
import { profileJsonSchema } from "../commands/schema.js";
import { RULE_IDS } from "../rules/index.js";
import { UsageError } from "../diagnostics.js";
import { PROFILE_SCHEMA_URI, type ResourceEntry, type ToolContext } from "./tools.js";

// ---------------------------------------------------------------------------
// The interview prompt

export interface PromptArgument {
  name: string;
  description: string;
  required: boolean;
}

export interface PromptInfo {
  name: string;
  title: string;
  description: string;
  arguments: PromptArgument[];
}

export const INTERVIEW_PROMPT = "build_profile";

export const PROMPTS: PromptInfo[] = [
  {
    name: INTERVIEW_PROMPT,
    title: "Find the streaming engine for a workload",
    description:
      "Interview the user into a workload profile, one question per dimension with the allowed values, then check it with validate_profile and answer with advise. The conversation gathers the facts; the ranking comes from the tool, not from the conversation.",
    arguments: [
      { name: "workload", description: "what the user has said about the workload so far (answers it already gives are confirmed, not asked again)", required: false },
      { name: "file", description: "the file name the profile will be saved as, e.g. profiles/payments.yaml", required: false },
    ],
  },
];

interface Property {
  type?: string | string[];
  enum?: unknown[];
  items?: Property;
  anyOf?: Property[];
  description?: string;
  properties?: Record<string, Property>;
}

/** The values a field allows, in words: its enum, a list of enum values, yes/no, or the form its description gives. */
function allowed(p: Property): string {
  if (p.enum) return `one of ${p.enum.join(", ")}`;
  if (p.type === "array" && p.items?.enum) return `any of ${p.items.enum.join(", ")} (a list; none is fine)`;
  if (p.type === "boolean") return "yes or no (true / false)";
  if (p.type === "array") return "a list";
  return "free text";
}

/** The dimensions of a profile, in the order of its schema (and of `advise init`): name, latency, throughput, ... */
export function dimensions(): { field: string; description: string; allowed: string }[] {
  const schema = profileJsonSchema() as { properties: Record<string, Property> };
  return Object.entries(schema.properties)
    .filter(([field]) => field !== "version" && field !== "priorities" && field !== "description")
    .map(([field, p]) => ({ field, description: p.description ?? (p.anyOf ?? []).map((x) => x.description).filter(Boolean).join("; or "), allowed: allowed(p) }));
}

/** The interview, as the messages of prompts/get. */
export function getPrompt(name: string, args: Record<string, string | undefined> = {}): { description: string; messages: { role: "user"; content: { type: "text"; text: string } }[] } {
  const prompt = PROMPTS.find((p) => p.name === name);
  if (!prompt) throw new UsageError(`unknown prompt '${name}'; expected ${PROMPTS.map((p) => p.name).join(", ")}`);
  for (const key of Object.keys(args)) {
    if (!prompt.arguments.some((a) => a.name === key)) throw new UsageError(`prompt ${name}: unknown argument '${key}'; expected ${prompt.arguments.map((a) => a.name).join(", ")}`);
  }
  const schema = profileJsonSchema() as { properties: Record<string, Property> };
  const priorityLevels = (schema.properties.priorities?.properties?.latency?.enum ?? ["must", "high", "normal", "low"]).join(", ");
  const dims = dimensions();
  const file = args.file ?? "profile.yaml";
  const lines = [
    "Help me choose a streaming engine for a workload. Build its profile with me by interview, then let stream-advisor answer.",
    "",
    args.workload ? `What I have said about the workload so far: ${args.workload}` : "",
    args.workload ? "Confirm what that already answers instead of asking it again." : "",
    "",
    `Ask me one question at a time, one per dimension, in this order. With each question, give the allowed values; accept "I don't know" and then leave the field out (the default applies). Do not guess my answers.`,
    "",
    ...dims.map((d, i) => `${i + 1}. ${d.field}: ${d.description}. Allowed: ${d.allowed}.`),
    `${dims.length + 1}. priorities: for each dimension I answered, how much it matters: ${priorityLevels} (must disqualifies an engine that cannot meet it).`,
    "",
    `Then write the profile as YAML with \`version: 1\` first and only the fields I answered, and call the tool validate_profile with it as 'profile' and file '${file}'. If it reports problems, explain each one to me (they carry the line, what was expected and a did-you-mean), ask me again for that dimension only, and validate again until it says ok.`,
    `Then call the tool advise with the same profile and file. Answer from its result only: the recommendation and its summary, the reasons that decided it with their sources, the single changes in the profile that would change the answer (sensitivity), and, when the result has \`beyond\`, the engines outside the five that would fit, with the command it gives. Do not add engines or facts from memory.`,
    `The profile's JSON Schema is the resource ${PROFILE_SCHEMA_URI}; each engine's sourced facts are resources stream-advisor://engines/ID, and each rule's documentation stream-advisor://rules/ID.`,
  ];
  return {
    description: prompt.description,
    messages: [{ role: "user", content: { type: "text", text: `${lines.filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n").trim()}\n` } }],
  };
}

// ---------------------------------------------------------------------------
// Catalogue and rule resources

/** Every engine of the catalogue the server ranks, and the extended catalogue's, as JSON; every rule's documentation as text. */
export function catalogueResources(ctx: ToolContext): ResourceEntry[] {
  const have = new Set(ctx.catalog.engines.map((e) => e.id));
  const engines = [...ctx.catalog.engines, ...(ctx.extended ?? []).filter((e) => !have.has(e.id))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wide = { ...ctx.catalog, engines, extended: [...(ctx.catalog.extended ?? []), ...(ctx.extended ?? []).filter((e) => !have.has(e.id)).map((e) => e.id)] };
  const out: ResourceEntry[] = engines.map((e) => ({
    uri: `stream-advisor://engines/${e.id}`,
    name: `engines/${e.id}`,
    title: `Engine: ${e.name}`,
    description: `Every fact of ${e.name}'s descriptor (${e.version}), each with its sources and the version or date they hold for; the same JSON as \`advise engines ${e.id} --format json\`.`,
    mimeType: "application/json",
    read: () => {
      return `${JSON.stringify(engineJson(wide, e.id), null, 2)}\n`;
    },
  }));
  for (const id of RULE_IDS) {
    out.push({
      uri: `stream-advisor://rules/${id}`,
      name: `rules/${id}`,
      title: `Rule: ${id}`,
      description: `What the rule ${id} checks, what it reads, its weight, how it scores and an example where it decides; the same as \`advise explain ${id}\`.`,
      mimeType: "text/markdown",
      read: () => {
        return explainText(explainById(id, ctx.catalog));
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pagination

/** How many entries one page of a list holds. */
export const PAGE_SIZE = 20;

/** One page of a list, from an opaque cursor (the offset, base64url); a cursor this server did not give is an error. */
export function page<T>(all: T[], cursor: string | undefined, size = PAGE_SIZE): { items: T[]; nextCursor?: string } {
  let from = 0;
  if (cursor !== undefined) {
    const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!m || Number(m[1]) > all.length) throw new UsageError(`invalid cursor '${cursor.slice(0, 40)}'; expected a nextCursor this server returned`);
    from = Number(m[1]);
  }
  const items = all.slice(from, from + size);
  const next = from + size;
  return { items, ...(next < all.length ? { nextCursor: Buffer.from(`o:${next}`).toString("base64url") } : {}) };
}
