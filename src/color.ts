// Whether to colour output: the flag wins, then NO_COLOR, FORCE_COLOR, TERM=dumb, then whether stdout is a terminal.
import type { Style } from "./format/types.js";
import { PLAIN } from "./format/types.js";

/** `isTTY` is asked last, and only when nothing else decides (finding it out can cost a stream). */
export function wantColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | (() => boolean)): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return !["0", "false"].includes(env.FORCE_COLOR);
  if (env.TERM === "dumb") return false;
  return typeof isTTY === "function" ? isTTY() : isTTY;
}

/** A Style; chalk is loaded only when colour is on. */
export async function makeStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan };
}
