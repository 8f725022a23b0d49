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
  const tooDeep = flowDepthExceeded(src.text, LIMITS.maxDepth) ?? blockDepthExceeded(src.text, LIMITS.maxDepth);
  if (tooDeep !== undefined) {
    throw new InputError([{ file: src.file, ...at(tooDeep), message: `nesting is deeper than ${LIMITS.maxDepth} levels`, expected: "a shallow YAML mapping" }]);
  }
  // the parser's work grows faster than the number of keys and items: count them before parsing
  const tooMany = entriesExceeded(src.text, LIMITS.maxYamlEntries);
  if (tooMany !== undefined) {
    throw new InputError([{ file: src.file, ...at(tooMany), message: `holds more than ${LIMITS.maxYamlEntries} keys and list items`, expected: "a profile, ADR block or catalogue file of ordinary size" }]);
  }
  const lines = new LineCounter();
  // logLevel "error": problems come back in doc.errors and doc.warnings (reported below), never printed by the parser
  const doc = parseDocument(src.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false, logLevel: "error" });
  const diagnostics: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const offset = e.pos[0];
    diagnostics.push({ file: src.file, ...at(offset), ...describeYamlProblem(e.code, e.message, src.text, offset) });
    if (diagnostics.length >= LIMITS.maxDiagnosticsPerFile) break;
  }
  if (diagnostics.length > 0) throw new InputError(dedupeDiagnostics(diagnostics));

  // duplicate keys: one Set per mapping (the parser's own check is quadratic), keys written as aliases resolved
  const duplicates = duplicateKeys(doc, LIMITS.maxDiagnosticsPerFile);
  if (duplicates.length > 0) {
    throw new InputError(duplicates.map(({ node, key }) => ({ file: src.file, ...at(node.range?.[0] ?? 0), message: `duplicate key '${key}'`, expected: "each key once per mapping" })));
  }

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

/**
 * Offset of the key or list item past the first `max`, counting `key:`
 * indicators, commas and `- `/`? ` entries (an upper bound, linear, before parsing).
 */
export function entriesExceeded(text: string, max: number): number | undefined {
  const entry = /:(?=[ \t\r\n]|$)|,|^[ \t]*(?:-|\?)(?=[ \t\r\n]|$)/gm;
  let count = 0;
  for (let m = entry.exec(text); m !== null; m = entry.exec(text)) {
    if (++count > max) return m.index;
  }
  return undefined;
}

/**
 * Offset of the first line whose block nesting (indentation levels, plus `- `
 * entries on the line) goes deeper than max. The parser recurses on block
 * nesting too, so a very deep file would overflow its stack before the check
 * after parsing runs. Block scalars (| and >) and comments are skipped.
 */
export function blockDepthExceeded(text: string, max: number): number | undefined {
  const indents: number[] = [];
  let scalarIndent = -1; // inside a block scalar: lines indented more than this belong to it
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text[i] === " ") i++;
    const blank = i >= end || text[i] === "#" || text[i] === "\r";
    if (!blank && !(scalarIndent >= 0 && i - start > scalarIndent)) {
      scalarIndent = -1;
      const col = i - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
      // compact entries on the same line: "- - key: value"
      while ((text[i] === "-" || text[i] === "?") && (i + 1 >= end || text[i + 1] === " " || text[i + 1] === "\r")) {
        i++;
        while (i < end && text[i] === " ") i++;
        if (i < end && text[i] !== "#" && text[i] !== "\r") indents.push(i - start);
      }
      if (indents.length > max) return start + col;
      if (/[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.test(text.slice(i, end)) && /(?:^|[:\s-])[ \t]*[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.test(text.slice(start, end))) scalarIndent = col;
    }
    start = end + 1;
  }
  return undefined;
}

/** Keys written twice in one mapping (an alias as a key counts as the value it names), in document order. */
function duplicateKeys(doc: Document.Parsed, max: number): { node: Node; key: string }[] {
  const out: { node: Node; key: string }[] = [];
  const root = doc.contents as Node | null;
  if (!root) return out;
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < max) {
    const node = stack.pop()!;
    if (!isCollection(node)) continue;
    const seen = new Set<string>();
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (isMap(node)) {
          let key = item.key as Node | null;
          if (key && isAlias(key)) key = (key.resolve(doc) as Node | undefined) ?? key;
          if (key && isScalar(key)) {
            const name = String(key.value);
            if (seen.has(name)) out.push({ node: item.key as Node, key: name });
            seen.add(name);
          }
        }
        if (item.value) stack.push(item.value as Node);
      } else if (item) stack.push(item as Node);
    }
  }
  out.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
  return out.slice(0, max);
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
      const pair = pairsOf(node).get(String(key));
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
  const pair = pairsOf(map).get(key);
  return (pair?.key as Node | undefined) ?? undefined;
}

type AnyPair = { key: unknown; value: unknown };
const pairIndex = new WeakMap<object, Map<string, AnyPair>>();

/** A mapping's pairs by scalar key (the first of each), built once: one lookup per diagnostic stays linear in the keys. */
function pairsOf(map: { items: unknown[] }): Map<string, AnyPair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as AnyPair[]) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/** 1-based position of a node, with the embedding offset applied. */
export function positionOf(src: YamlSource, node: Node | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0;
  const p = src.lines.linePos(offset);
  return { line: p.line + src.lineOffset, col: p.col };
}
