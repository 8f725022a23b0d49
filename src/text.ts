// Small text helpers shared across the pipeline.

/** Code-unit order: the same on every machine and locale (localeCompare is neither, and is slow to start). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function capitalize(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function lowerFirst(s: string): string {
  return s.length ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Writes text (or bytes) to a stream and resolves once it is handed to the OS. */
export function writeOut(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}
