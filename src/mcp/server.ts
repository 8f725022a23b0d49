// `advise mcp`: the tools of tools.ts served over the Model Context Protocol
// with the official SDK. Built as its own bundle (dist/advise-mcp.cjs, see
// scripts/build.mjs) that only this command loads, so `advise PROFILE` never
// reads or compiles the SDK.
//
// A tool never crashes the server and never shows a stack trace: bad input is
// a tool error (isError) with the located messages the CLI prints on stderr;
// a bug is a tool error that says so (the stack goes to stderr with --debug).

import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type CallToolResult, ErrorCode, GetPromptRequestSchema, ListPromptsRequestSchema, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { InputError, UsageError } from "../diagnostics.js";
import { describeWriteError } from "../io/read.js";
import { unknownName } from "../suggest.js";
import { LineTransport } from "./transport.js";
import { errorLines, resources, type Tool, type ToolContext, tools } from "./tools.js";
import { catalogueResources, getPrompt, page, PROMPTS } from "./prompts.js";

export interface McpOptions extends ToolContext {
  version: string;
  /** write the stack of an internal error to stderr */
  debug?: boolean;
  /** where diagnostics of the server itself go (default: stderr) */
  log?: (line: string) => void;
}

/** The JSON-RPC error code for an unknown resource (MCP specification, resources). */
const RESOURCE_NOT_FOUND = -32002;

function instructions(ctx: ToolContext): string {
  return [
    `stream-advisor ranks streaming engines (${ctx.catalog.engines.map((e) => e.name).join(", ")}) for a workload described in a small profile, from a catalogue of sourced facts (as of ${ctx.catalog.asOf}).`,
    "To answer which engine fits a workload: draft a profile with the user (resource stream-advisor://schema/profile-v1.json has every field; the example profiles are resources too), check it with validate_profile and fix what it reports, then call advise and answer from its result, citing the reasons' sources.",
    "Use engines for the facts behind a reason and explain for what a rule does; check_adrs re-checks the decision records in the working folder.",
  ].join(" ");
}

/**
 * An MCP server (not yet connected) serving the tools and resources for one
 * working folder and catalogue. Tool calls in progress are kept in `pending`,
 * so that a server told to stop can first answer what it was asked.
 */
export function createMcpServer(options: McpOptions, pending: Set<Promise<unknown>> = new Set()): Server {
  const ctx: ToolContext = { root: options.root, catalog: options.catalog, packageRoot: options.packageRoot, ...(options.extended ? { extended: options.extended } : {}) };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const list = tools(ctx);
  const served = [...resources(ctx), ...catalogueResources(ctx)];
  const server = new Server({ name: "stream-advisor", title: "stream-advisor", version: options.version }, { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions: instructions(ctx) });
  // a bad cursor or prompt name is the client's mistake: invalid params
  const params = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof UsageError) throw new McpError(ErrorCode.InvalidParams, e.message);
      throw e;
    }
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: list.map(({ name, title, description, inputSchema, outputSchema, annotations }) => ({ name, title, description, inputSchema, outputSchema, annotations })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = list.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, unknownName("tool", request.params.name, list.map((t) => t.name)));
    const call = callTool(tool, request.params.arguments ?? {}, ctx, { debug: options.debug ?? false, log });
    pending.add(call);
    void call.finally(() => pending.delete(call));
    return call;
  });
  server.setRequestHandler(ListResourcesRequestSchema, async (request) => {
    const { items, nextCursor } = params(() => page(served, request.params?.cursor));
    return { resources: items.map(({ uri, name, title, description, mimeType }) => ({ uri, name, title, description, mimeType })), ...(nextCursor ? { nextCursor } : {}) };
  });
  server.setRequestHandler(ListPromptsRequestSchema, async (request) => {
    const { items, nextCursor } = params(() => page(PROMPTS, request.params?.cursor));
    return { prompts: items, ...(nextCursor ? { nextCursor } : {}) };
  });
  server.setRequestHandler(GetPromptRequestSchema, async (request) => params(() => getPrompt(request.params.name, request.params.arguments ?? {})));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const r = served.find((x) => x.uri === request.params.uri);
    if (!r) throw new McpError(RESOURCE_NOT_FOUND, unknownName("resource", request.params.uri, served.map((x) => x.uri)));
    return { contents: [{ uri: r.uri, mimeType: r.mimeType, text: r.read() }] };
  });
  server.onerror = (e) => log(`advise mcp: ${e.message}`);
  return server;
}

/** Runs one tool: its structured result and the same JSON as text, or a tool error with the located messages. */
export async function callTool(tool: Tool, args: Record<string, unknown>, ctx: ToolContext, opts: { debug: boolean; log: (line: string) => void }): Promise<CallToolResult> {
  try {
    const out = await tool.run(args, ctx);
    return { content: [{ type: "text", text: `${JSON.stringify(out, null, 2)}\n` }], structuredContent: out as Record<string, unknown> };
  } catch (e) {
    return { isError: true, content: [{ type: "text", text: errorText(e, opts) }] };
  }
}

function errorText(e: unknown, opts: { debug: boolean; log: (line: string) => void }): string {
  if (e instanceof InputError) return errorLines(e);
  if (e instanceof UsageError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  if (opts.debug && e instanceof Error && e.stack) opts.log(e.stack);
  return `internal error: ${msg}. This is a bug in stream-advisor, not in the input; run \`advise mcp --debug\` for the stack trace on stderr and report it.`;
}

/**
 * Serves on standard input and output until the client closes standard input
 * (or the connection fails); resolves once the last message is written.
 */
export async function serveStdio(options: McpOptions): Promise<void> {
  const pending = new Set<Promise<unknown>>();
  const server = createMcpServer(options, pending);
  // malformed and oversized messages get JSON-RPC errors, never silence (transport.ts)
  const transport = new LineTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  let ending = false;
  const end = async () => {
    if (ending) return;
    ending = true;
    // answer the calls already read before closing (their replies go out a turn after they settle)
    while (pending.size) await Promise.allSettled([...pending]);
    await new Promise((resolve) => setImmediate(resolve));
    await server.close();
  };
  process.stdin.once("end", () => void end());
  process.stdin.once("close", () => void end());
  // a client that has gone away cannot be answered: stop quietly; any other write error is a failure
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") {
      (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(`advise mcp: cannot write to standard output (${describeWriteError(e)})`);
      process.exitCode = 2;
    }
    void server.close();
  });
  if (process.stdin.isTTY && process.stderr.isTTY) {
    process.stderr.write("advise mcp: an MCP server on standard input and output, for an MCP client to start (see README.md, \"advise mcp\"); Ctrl-D ends it.\n");
  }
  await closed;
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
}
