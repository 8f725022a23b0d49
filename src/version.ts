// The tool's version: set by the build (package.json), "0.0.0-dev" from source.

declare const __STREAM_ADVISOR_VERSION__: string | undefined;

export function toolVersion(): string {
  return typeof __STREAM_ADVISOR_VERSION__ !== "undefined" ? __STREAM_ADVISOR_VERSION__ : "0.0.0-dev";
}
