// YAML text to a JS value, keeping the document so that any path in the
// value can be mapped back to file:line:col. Hostile input (deep nesting,
// alias bombs, custom tags, several documents) becomes located InputErrors.

import { lowerFirst } from "../text.js";
import { type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { type Diagnostic, dedupeDiagnostics, InputError, positionAt } from "../diagnostics.js";
import { LIMITS } from "../limits.js";
import type { SourceText } from "./read.js";

export type Path = readonly (string | number)[];

export interface YamlSource extends SourceText {
  doc: Document.Parsed;
  lines: LineCounter;
  /** the plain JS value of the document (undefined for an empty document) */
  value: unknown;
  /** line offset added to every position (for YAML embedded in a larger file, e.g. front matter) */
  lineOffset: number;
}

export interface ParseOptions {
  /** where this YAML starts in the surrounding file, when it is embedded (1-based line) */
  startLine?: number;
}

export function parseYaml(src: SourceText, options: ParseOptions = {}): YamlSource {
  const lineOffset = (options.startLine ?? 1) - 1;
  const at = (offset: number) => {
    const p = positionAt(src.text, offset);
    return { line: p.line + lineOffset, col: p.col };
  };
  const tooDeep = flowDepthExceeded(src.text, LIMITS.maxDepth);
  if (tooDeep !== undefined) {
    throw new InputError([{ file: src.file, ...at(tooDeep), message: `nesting is deeper than ${LIMITS.maxDepth} levels`, expected: "a shallow YAML mapping" }]);
  }
  const lines = new LineCounter();
  // logLevel "error": problems come back in doc.errors and doc.warnings (reported below), never printed by the parser
  const doc = parseDocument(src.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: false, logLevel: "error" });
  const diagnostics: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const offset = e.pos[0];
    diagnostics.push({ file: src.file, ...at(offset), ...describeYamlProblem(e.code, e.message, src.text, offset) });
    if (diagnostics.length >= LIMITS.maxDiagnosticsPerFile) break;
  }
  if (diagnostics.length > 0) throw new InputError(dedupeDiagnostics(diagnostics));

  const odd = shapeProblem(doc.contents as Node | null, LIMITS.maxDepth);
  if (odd?.problem === "deep") throw new InputError([{ file: src.file, ...at(odd.node.range?.[0] ?? 0), message: `nesting is deeper than ${LIMITS.maxDepth} levels`, expected: "a shallow YAML mapping" }]);
  if (odd?.problem === "collection-key") {
    throw new InputError([{ file: src.file, ...at(odd.node.range?.[0] ?? 0), message: "a key is itself a list or mapping", expected: "plain keys, such as `latency: 10ms`" }]);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (e) {
    const alias = firstAlias(doc.contents as Node | null);
    const where = alias?.range ? at(alias.range[0]) : { line: 1 + lineOffset, col: 1 };
    const text = e instanceof Error ? e.message : String(e);
    if (/excessive alias count/i.test(text)) {
      throw new InputError([{ file: src.file, ...where, message: `aliases expand too much (more than ${LIMITS.maxAliasCount} expansions)`, expected: "plain values without alias chains" }]);
    }
    const unresolved = /unresolved alias[^:]*:\s*(\S+)/i.exec(text);
    if (unresolved) {
      throw new InputError([{ file: src.file, ...where, message: `alias *${unresolved[1]} has no anchor`, expected: "an alias that names an anchor (&name) defined before it" }]);
    }
    throw new InputError([{ file: src.file, ...where, message: `the YAML cannot be read (${text})`, expected: "plain YAML values" }]);
  }
  return { ...src, doc, lines, value, lineOffset };
}

function describeYamlProblem(code: string, raw: string, text: string, offset: number): Pick<Diagnostic, "message" | "expected"> {
  const first = raw.split(/ at line \d+, column \d+/)[0]!.trim();
  switch (code) {
    case "TAB_AS_INDENT":
      return { message: "a tab is used for indentation", expected: "spaces for indentation" };
    case "DUPLICATE_KEY": {
      const key = /^([^:\n]+)/.exec(text.slice(offset))?.[1]?.trim();
      return { message: `duplicate key${key ? ` '${key}'` : ""}`, expected: "each key once per mapping" };
    }
    case "MULTIPLE_DOCS":
      return { message: "the file holds more than one YAML document", expected: "exactly one document (remove the extra '---')" };
    case "TAG_RESOLVE_FAILED":
      return { message: `${first.replace(/^Unresolved tag: /, "unsupported tag ")}`, expected: "plain YAML values without custom tags" };
    case "BAD_ALIAS":
      return { message: first, expected: "an alias that names an anchor defined before it" };
    default:
      return { message: lowerFirst(first), expected: "valid YAML" };
  }
}



/**
 * Offset where flow nesting ([ and {) first goes deeper than max, ignoring
 * quoted strings and comments. The YAML parser recurses on nesting, so this
 * runs before it.
 */
export function flowDepthExceeded(text: string, max: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let prev = "\n";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') {
        i++;
      } else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === "\n" && quote === "'" && depth === 0) {
        // an apostrophe in a plain scalar ("it's") is not a quote: stop at the line end
        quote = undefined;
      }
      prev = c;
      continue;
    }
    if (c === "#" && (prev === " " || prev === "\t" || lineStart)) {
      while (i < text.length && text[i] !== "\n") i++;
      prev = "\n";
      lineStart = true;
      continue;
    }
    if (c === '"' || c === "'") {
      // quotes open a scalar only at the start of a value
      if (depth > 0 || /[\s:,[{-]/.test(prev) || lineStart) quote = c;
    } else if (c === "[" || c === "{") {
      depth++;
      if (depth > max) return i;
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
    }
    lineStart = c === "\n";
    prev = c;
  }
  return undefined;
}

/** A node nested deeper than `max`, or a list or mapping used as a key (`? [a, b]: 1`), which no profile field can be. */
function shapeProblem(root: Node | null, max: number): { node: Node; problem: "deep" | "collection-key" } | undefined {
  if (!root) return undefined;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return { node, problem: "deep" };
    if (isCollection(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          if (item.key && isCollection(item.key)) return { node: item.key, problem: "collection-key" };
          if (item.value) stack.push([item.value as Node, depth + 1]);
        } else if (item) {
          stack.push([item as Node, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

function firstAlias(root: Node | null): Node | undefined {
  if (!root) return undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isAlias(node)) return node;
    if (isCollection(node)) {
      for (const item of [...(node.items as unknown[])].reverse()) {
        if (isPair(item)) {
          if (item.value) stack.push(item.value as Node);
        } else if (item) stack.push(item as Node);
      }
    }
  }
  return undefined;
}

/** The node at a path, or the deepest node on the way to it. */
export function nodeAt(src: YamlSource, path: Path): Node | undefined {
  let node = src.doc.contents as Node | null;
  if (!node) return undefined;
  for (const key of path) {
    let next: Node | undefined;
    if (isMap(node)) {
      const items = node.items as { key: unknown; value: unknown }[];
      const pair = items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      next = (pair?.value as Node | undefined) ?? (pair?.key as Node | undefined);
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key] as Node | undefined;
    }
    if (!next) break;
    node = next;
  }
  return node ?? undefined;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(src: YamlSource, path: Path, key: string): Node | undefined {
  const map = nodeAt(src, path);
  if (!map || !isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

/** 1-based position of a node, with the embedding offset applied. */
export function positionOf(src: YamlSource, node: Node | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0;
  const p = src.lines.linePos(offset);
  return { line: p.line + src.lineOffset, col: p.col };
}
