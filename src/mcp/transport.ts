// The stdio transport of `advise mcp`: newline-delimited JSON-RPC on standard
// input and output, like the SDK's StdioServerTransport, but a client that
// sends something malformed gets a JSON-RPC error instead of silence, and the
// server keeps serving:
//   - a line that is not JSON: -32700 (parse error), id null;
//   - JSON that is not a request, notification or response (a number, a batch
//     array, a request without a method, an id that is neither a string nor a
//     number): -32600 (invalid request), with the id when it is a valid one;
//   - a request whose params do not fit its method (tools/call with
//     `arguments: [1, 2]`, `params: null`): -32602 (invalid params), with a
//     short message instead of a schema dump;
//   - a line over MAX_MESSAGE_BYTES: -32600, with the id when it can be seen
//     in the line's first bytes; the line is dropped without being buffered.

import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { visible } from "../text.js";

/** Longest message read, in bytes (the SDK's own limit; tool inputs are limited to 1 MiB each). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

type Id = string | number;
type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The requests whose params are checked here, by the SDK's own schemas. */
const REQUESTS: Record<string, Schema> = {
  initialize: InitializeRequestSchema,
  "tools/list": ListToolsRequestSchema,
  "tools/call": CallToolRequestSchema,
  "resources/list": ListResourcesRequestSchema,
  "resources/templates/list": ListResourceTemplatesRequestSchema,
  "resources/read": ReadResourceRequestSchema,
  "prompts/list": ListPromptsRequestSchema,
  "prompts/get": GetPromptRequestSchema,
  "completion/complete": CompleteRequestSchema,
};

const isId = (v: unknown): v is Id => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

/** The id of a message, read from the first bytes of a line too long to parse (so that the client is not left waiting). */
export function sniffId(head: string): Id | null {
  const m = /^\s*\{(?:[^{}[\]]*?,)?\s*"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(head);
  if (!m) return null;
  try {
    const id = JSON.parse(m[1]!) as unknown;
    return isId(id) ? id : null;
  } catch {
    return null;
  }
}

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  /** inside a line over the limit: dropping bytes up to its end */
  private dropping: { id: Id | null } | undefined;
  private readonly ondata = (chunk: Buffer) => this.read(chunk);
  private readonly onstdinerror = (e: Error) => this.onerror?.(e);

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes: number = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.stdin.on("data", this.ondata);
    this.stdin.on("error", this.onstdinerror);
  }

  async close(): Promise<void> {
    this.stdin.off("data", this.ondata);
    this.stdin.off("error", this.onstdinerror);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.chunks = [];
    this.size = 0;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }

  private read(data: Buffer | string): void {
    let chunk = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    while (chunk.length > 0) {
      const nl = chunk.indexOf(10);
      if (this.dropping) {
        if (nl === -1) return;
        this.reply(this.dropping.id, ErrorCode.InvalidRequest, `Invalid Request: the message is too large (more than ${this.maxBytes} bytes)`);
        this.onerror?.(new Error(`a message over ${this.maxBytes} bytes was dropped`));
        this.dropping = undefined;
        chunk = chunk.subarray(nl + 1);
        continue;
      }
      const part = nl === -1 ? chunk : chunk.subarray(0, nl);
      if (this.size + part.length > this.maxBytes) {
        const head = Buffer.concat([...this.chunks, part.subarray(0, 4096)]).subarray(0, 4096).toString("utf8");
        this.dropping = { id: sniffId(head) };
        this.chunks = [];
        this.size = 0;
        continue; // drop up to the line's end
      }
      if (nl === -1) {
        this.chunks.push(part);
        this.size += part.length;
        return;
      }
      const line = this.chunks.length ? Buffer.concat([...this.chunks, part]) : part;
      this.chunks = [];
      this.size = 0;
      chunk = chunk.subarray(nl + 1);
      this.line(line.toString("utf8").replace(/\r$/, ""));
    }
  }

  private line(text: string): void {
    if (text.trim() === "") return;
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.reply(null, ErrorCode.ParseError, "Parse error: the message is not valid JSON");
      return;
    }
    if (Array.isArray(msg)) return this.reply(null, ErrorCode.InvalidRequest, "Invalid Request: batches (JSON arrays) are not supported; send one message per line");
    if (msg === null || typeof msg !== "object") return this.reply(null, ErrorCode.InvalidRequest, "Invalid Request: expected a JSON-RPC 2.0 object");
    const m = msg as Record<string, unknown>;
    const hasId = "id" in m;
    const id = hasId && isId(m.id) ? m.id : null;
    if (hasId && id === null) return this.reply(null, ErrorCode.InvalidRequest, "Invalid Request: id must be a string or a number");
    if (m.jsonrpc !== "2.0") return this.reply(id, ErrorCode.InvalidRequest, 'Invalid Request: expected "jsonrpc": "2.0"');
    if ("method" in m) {
      if (typeof m.method !== "string") return this.reply(id, ErrorCode.InvalidRequest, "Invalid Request: method must be a string");
      if ("params" in m && (m.params === null || typeof m.params !== "object" || Array.isArray(m.params))) {
        if (hasId) this.reply(id, ErrorCode.InvalidParams, `Invalid params for ${visible(m.method).slice(0, 100)}: params must be an object`);
        return; // a notification is never answered
      }
      const schema = hasId ? REQUESTS[m.method] : undefined;
      if (schema) {
        const parsed = schema.safeParse(m);
        if (!parsed.success) return this.reply(id, ErrorCode.InvalidParams, `Invalid params for ${m.method}: ${issueText(parsed.error?.issues[0])}`);
      }
    } else if (!("result" in m) && !("error" in m)) {
      return this.reply(id, ErrorCode.InvalidRequest, "Invalid Request: a request needs a method");
    }
    const parsed = JSONRPCMessageSchema.safeParse(m);
    if (!parsed.success) {
      if (hasId && "method" in m) this.reply(id, ErrorCode.InvalidRequest, `Invalid Request: ${issueText(parsed.error.issues[0])}`);
      else this.onerror?.(new Error("a malformed message was dropped"));
      return;
    }
    this.onmessage?.(parsed.data);
  }

  private reply(id: Id | null, code: number, message: string): void {
    // id null is what JSON-RPC 2.0 answers when the request's id cannot be known
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }
}

function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return "does not match the method's parameters";
  const path = issue.path.filter((p) => p !== "params").map(String).join(".");
  const text = `${path ? `${path}: ` : ""}${issue.message}`;
  return visible(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
