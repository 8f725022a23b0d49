// zod issues to located diagnostics, for any schema over a YAML document:
// profiles, ADR blocks and catalogue files all report problems the same way.

import type * as z from "zod/mini";
import { type Diagnostic, InputError } from "./diagnostics.js";
import { type Path, type YamlSource, keyNodeAt, nodeAt, positionOf } from "./io/yaml.js";
import { LIMITS } from "./limits.js";
import { closest } from "./suggest.js";

export type At = (path: Path, key?: string) => { line: number; col: number };

/** Validates the value at `base` inside a YAML document; returns the parsed data or throws located diagnostics. */
export function validateYaml<S extends z.ZodMiniType>(schema: S, src: YamlSource, base: Path = []): z.output<S> {
  const value = valueAt(src.value, base);
  const at = locator(src, base);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const diagnostics = parsed.error.issues.flatMap((issue) => issueToDiagnostics(issue, src.file, value, at, schema));
  throw new InputError(sortDiagnostics(dropTypoEchoes(diagnostics)).slice(0, LIMITS.maxDiagnosticsPerFile));
}

export function locator(src: YamlSource, base: Path): At {
  return (path, key) => {
    const full = [...base, ...path];
    return positionOf(src, key !== undefined ? (keyNodeAt(src, full, key) ?? nodeAt(src, full)) : nodeAt(src, full));
  };
}

/** A typo'd key ("latncy") also makes its field missing; report it once, as the typo. */
function dropTypoEchoes(ds: Diagnostic[]): Diagnostic[] {
  const suggested = new Set(ds.filter((d) => d.message.startsWith("unknown key") && d.suggestion).map((d) => d.suggestion));
  return ds.filter((d) => {
    const m = /^missing required field '(?:.*\.)?([^.']+)'$/.exec(d.message);
    return !(m && suggested.has(m[1]));
  });
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

export function issueToDiagnostics(issue: z.core.$ZodIssue, file: string, root: unknown, at: At, schema: z.ZodMiniType): Diagnostic[] {
  const path = issue.path as (string | number)[];
  const field = fieldName(path);
  const actual = valueAt(root, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const known = keysAt(schema, path);
        const suggestion = closest(key, known);
        return {
          file,
          ...at(path, key),
          message: `unknown key '${key}'${path.length ? ` in ${field}` : ""}`,
          ...(suggestion ? { suggestion } : {}),
          expected: known.length ? `one of ${known.join(", ")}` : "no other keys",
        };
      });
    case "invalid_value": {
      const values = issue.values.map(String);
      if (actual === undefined) {
        const expected = values.length === 1 ? `\`${field}: ${values[0]}\`` : `one of ${values.join(", ")}`;
        return [{ file, ...at(path.slice(0, -1)), message: `missing required field '${field}'`, expected }];
      }
      if (path.length === 1 && path[0] === "version" && values.length === 1) {
        return [{ file, ...at(path), message: `unsupported version ${typeof actual === "number" && !Number.isFinite(actual) ? "(a number too large to represent)" : JSON.stringify(actual)}`, expected: `\`version: ${values[0]}\` (supported versions: ${values[0]})` }];
      }
      const suggestion = typeof actual === "string" ? closest(actual, values) : undefined;
      return [
        {
          file,
          ...at(path),
          message: `${show(actual)} is not a valid ${field}`,
          ...(suggestion ? { suggestion } : {}),
          expected: `one of ${values.join(", ")}`,
        },
      ];
    }
    case "invalid_union": {
      if (actual === undefined) {
        const expectations = issue.errors.map((errs) => (errs[0] ? expectation(errs[0]) : "")).filter(Boolean);
        return [{ file, ...at(path.slice(0, -1)), message: `missing required field '${field}'`, expected: [...new Set(expectations)].join(", or ") }];
      }
      // Report the branch that matches the kind of value written (a mapping, or a scalar).
      const isObject = actual !== null && typeof actual === "object" && !Array.isArray(actual);
      const branch = issue.errors.find((errs) => errs.length > 0 && (isObject ? !(errs[0]!.code === "invalid_type" && errs[0]!.path.length === 0) : errs[0]!.path.length === 0));
      if (branch && (isObject || branch[0]!.code !== "invalid_type")) {
        return branch.flatMap((e) => issueToDiagnostics({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, file, root, at, schema));
      }
      const expectations = issue.errors.map((errs) => (errs[0] ? expectation(errs[0]) : "")).filter(Boolean);
      return [{ file, ...at(path), message: `${show(actual)} is not a valid ${field}`, expected: [...new Set(expectations)].join(", or ") }];
    }
    case "invalid_type": {
      const expected = expectation(issue);
      if (actual === undefined) return [{ file, ...at(path.slice(0, -1)), message: `missing required field '${field}'`, expected }];
      return [{ file, ...at(path), message: `${show(actual)} is not a valid ${field}`, expected }];
    }
    case "too_big":
      return [{ file, ...at(path), message: `${field} is too long`, expected: `at most ${issue.maximum} ${issue.origin === "array" ? "entries" : "characters"}` }];
    case "too_small":
      return [{ file, ...at(path), message: `${field} is too short`, expected: expectation(issue) }];
    default:
      return [{ file, ...at(path), message: `${show(actual)} is not a valid ${field}`, expected: expectation(issue) }];
  }
}

/** What would have been accepted: our own "expected …" messages, else words from the issue's fields (zod/mini carries no locale text). */
function expectation(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("expected ")) return issue.message.slice("expected ".length);
  switch (issue.code) {
    case "invalid_type": {
      const t = issue.expected;
      return t === "boolean" ? "true or false" : t === "string" ? "text" : t === "array" ? "a list, such as [a, b]" : t === "object" ? "a mapping" : t === "number" ? "a number" : String(t);
    }
    case "too_small":
      return `at least ${issue.minimum} ${issue.origin === "array" ? "entries" : issue.origin === "string" ? "characters" : ""}`.trim();
    case "too_big":
      return `at most ${issue.maximum} ${issue.origin === "array" ? "entries" : issue.origin === "string" ? "characters" : ""}`.trim();
    case "invalid_format":
      return issue.format === "url" ? "a URL" : `text matching ${issue.format}`;
    case "invalid_value":
      return `one of ${issue.values.map(String).join(", ")}`;
    default:
      return issue.message.replace(/^Invalid input: /, "");
  }
}

export function fieldName(path: Path): string {
  if (path.length === 0) return "document";
  return path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
}

export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  return "a mapping";
}

export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** The keys an object schema accepts at a path, for did-you-mean. */
export function keysAt(schema: z.ZodMiniType, path: Path): string[] {
  let s: unknown = schema;
  const defOf = (x: unknown) => (x as { _zod?: { def?: Record<string, unknown> } })?._zod?.def as { type?: string; innerType?: unknown; in?: unknown; options?: unknown[]; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } | undefined;
  const unwrap = (x: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const def = defOf(x);
      if (!def) return x;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") x = def.innerType;
      else if (def.type === "pipe") x = def.in;
      else return x;
    }
    return x;
  };
  const objectOf = (x: unknown): Record<string, unknown> | undefined => {
    const def = defOf(unwrap(x));
    if (def?.type === "object") return def.shape;
    if (def?.type === "union") for (const o of def.options ?? []) { const sh = objectOf(o); if (sh) return sh; }
    return undefined;
  };
  for (const key of path) {
    const def = defOf(unwrap(s));
    if (def?.type === "array") s = def.element;
    else if (def?.type === "record") s = def.valueType;
    else {
      const shape = objectOf(s);
      if (!shape || !(String(key) in shape)) return [];
      s = shape[String(key)];
    }
  }
  const shape = objectOf(s);
  return shape ? Object.keys(shape) : [];
}
