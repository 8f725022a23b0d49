// One way of doing things everywhere: `advise help CMD` for every command, a
// did-you-mean for every option value, the same units of time in durations
// and rates (with hints for the usual slips), and a JSON Schema that refuses
// what it can of what the validator refuses.
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { profileJsonSchema } from "../src/commands/schema.js";
import { choiceSuggestion } from "../src/main.js";
import { durationHint, parseDuration, parseRate, rateHint } from "../src/units.js";
import { advise } from "./cli-helpers.js";

describe("advise help CMD", () => {
  it.each(["check", "engines", "explain", "init", "schema"])("help %s is that command's --help", (cmd) => {
    const r = advise(["help", cmd]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(advise([cmd, "--help"]).stdout);
    expect(r.stdout.startsWith(`Usage: advise ${cmd}`)).toBe(true);
  });
  it("help alone is advise --help", () => expect(advise(["help"]).stdout).toBe(advise(["--help"]).stdout));
  it("an unknown command gets a did-you-mean", () => {
    const r = advise(["help", "chek"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("help: unknown command 'chek' (did you mean 'check'?)");
  });
  it("is listed in --help", () => expect(advise(["--help"]).stdout).toMatch(/\n {2}help \[command\] /));
});

describe("option values", () => {
  it.each([
    [["profiles/card-authorization.yaml", "--format", "jsn"], "json"],
    [["profiles/card-authorization.yaml", "-f", "markdwn"], "markdown"],
    [["engines", "--format", "jsno"], "json"],
    [["explain", "--format", "txt"], "text"],
    [["check", "--format", "sarf"], "sarif"],
  ])("advise %j suggests %s", (args, guess) => {
    const r = advise(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`is invalid. Allowed choices are`);
    expect(r.stderr).toContain(`\n(Did you mean ${guess}?)\n`);
  });
  it("no guess when nothing is close, and other messages pass through", () => {
    expect(choiceSuggestion("error: option '-f, --format <name>' argument 'xml' is invalid. Allowed choices are text, json.\n")).toBe("error: option '-f, --format <name>' argument 'xml' is invalid. Allowed choices are text, json.\n");
    expect(choiceSuggestion("error: unknown option '--fromat'\n")).toBe("error: unknown option '--fromat'\n");
  });
});

describe("units of time", () => {
  const units = ["s", "sec", "m", "min", "h", "d", "day"];
  it.each(units)("%s means the same in a duration and after a rate's slash", (u) => {
    const d = parseDuration(`2${u}`);
    const r = parseRate(`1/${u}`);
    expect(d).toBeDefined();
    expect(r).toBeDefined();
    expect(d!.ms / 1000).toBeCloseTo(2 / r!.perSecond, 6);
  });
  it.each([
    ["10 msec", "10ms"],
    ["10millis", "10ms"],
    ["1hr", "1h"],
    ["5 mins", "5min"],
    ["2 seconds", "2sec"],
    ["3days", "3d"],
    ["250usec", "250us"],
  ])("duration %j: did you mean %j", (text, suggestion) => expect(durationHint(text)).toEqual({ suggestion }));
  it.each(["10", "5M", "10 parsecs", "ms"])("duration %j: no guess", (text) => expect(durationHint(text)).toBeUndefined());
  it.each([
    ["1m/s", "1M/s", "m means minutes; a million is M"],
    ["2.5m/min", "2.5M/min", "m means minutes; a million is M"],
    ["2b/day", "2B/day", "a billion is B"],
    ["20k", "20k/s", "a rate needs a period, such as /s or /min"],
    [20000, "20000/s", "a rate needs a period, such as /s or /min"],
    ["20k/second", "20k/sec", undefined],
    ["20k per s", "20k/s", undefined],
    ["3M/hours", "3M/h", undefined],
  ] as const)("rate %j: did you mean %j", (text, suggestion, note) => expect(rateHint(text)).toEqual(note ? { suggestion, note } : { suggestion }));
  it.each(["20k/fortnight", "20x/s", "1e6/s", "20k/s"])("rate %j: no guess", (text) => expect(rateHint(text)).toBeUndefined());
  it("the hint is part of the located message", () => {
    const r = advise(["-"], {}, "version: 1\nlatency: 10 msec\nthroughput: {sustained: 1m/s}\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "<stdin>:2:10: '10 msec' is not a valid latency (did you mean '10ms'?); expected a duration with a unit, such as 500us, 10ms, 2s, 5m or 1h\n" +
        "<stdin>:3:25: '1m/s' is not a valid throughput.sustained: m means minutes; a million is M (did you mean '1M/s'?); expected a rate such as 500/s, 20k/s, 1.5M/s, 3M/min or 1B/day\n",
    );
  });
  it("a profile may use any of them", () => {
    const r = advise(["-", "--format", "json"], {}, "version: 1\nlatency: 2sec\nthroughput: {sustained: 20k/sec, peak: 2B/d}\n");
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout).profile;
    expect(p.latency).toEqual({ text: "2sec", ms: 2000 });
    expect(p.throughput.peak.perSecond).toBeCloseTo(2e9 / 86_400, 3);
  });
});

describe("the profile JSON Schema", () => {
  const validate = new Ajv({ strict: false }).compile(profileJsonSchema());
  const doc = (latency: string, throughput: unknown) => ({ version: 1, latency, throughput });
  it.each(["0ms", "0.0ms", "00s", "0 us", "0d"])("refuses a zero budget %j, as the validator does", (latency) => {
    expect(validate(doc(latency, "1k/s"))).toBe(false);
    expect(advise(["-"], {}, `version: 1\nlatency: ${latency}\nthroughput: 1k/s\n`).status).toBe(2);
  });
  it.each(["0/s", "0k/s", "0.0M/min"])("refuses a zero rate %j, alone or as sustained or peak", (rate) => {
    expect(validate(doc("10ms", rate))).toBe(false);
    expect(validate(doc("10ms", { sustained: rate }))).toBe(false);
    expect(validate(doc("10ms", { sustained: "1k/s", peak: rate }))).toBe(false);
  });
  it.each([["0.5ms"], ["10ms"], ["2sec"], ["1d"], ["100.0us"]])("accepts %j", (latency) => expect(validate(doc(latency, "0.5/s"))).toBe(true));
});
