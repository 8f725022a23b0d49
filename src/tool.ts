// Who wrote a report: every JSON document names the tool and its version
// (`tool: {name, version}`), read from package.json, so that it is the same
// whether the code runs bundled (the build keeps these fields of package.json,
// see scripts/build.mjs) or from source (tests, the MCP server under test).
import pkg from "../package.json" with { type: "json" };

export interface Tool {
  name: string;
  version: string;
}

export const TOOL: Tool = { name: pkg.name, version: pkg.version };
