import { describe, expect, it } from "vitest";
import { formatRate, parseDuration, parseRate } from "../src/units.js";

describe("parseDuration", () => {
  it.each([
    ["500us", 0.5],
    ["500µs", 0.5],
    ["10ms", 10],
    ["1.5ms", 1.5],
    ["2s", 2000],
    ["5m", 300_000],
    ["5min", 300_000],
    ["2h", 7_200_000],
    ["10 ms", 10],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)?.ms).toBe(ms);
  });

  it("keeps the user's spelling", () => {
    expect(parseDuration("10ms")?.text).toBe("10ms");
  });

  it.each(["10", "ms", "-5ms", "10 msec", "1e3ms", "ten ms", "10 days", "", "10ms10"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("parseRate", () => {
  it.each([
    ["500/s", 500],
    ["20k/s", 20_000],
    ["1.5M/s", 1_500_000],
    ["3M/min", 50_000],
    ["1B/day", 1e9 / 86_400],
    ["7200/h", 2],
    ["20k / s", 20_000],
  ])("%s is %d per second", (text, perSecond) => {
    expect(parseRate(text)?.perSecond).toBeCloseTo(perSecond, 6);
  });

  it.each(["20k", "/s", "20x/s", "-1/s", "20k/fortnight", "1e6/s"])("rejects %j", (text) => {
    expect(parseRate(text)).toBeUndefined();
  });
});

describe("formatting engine values", () => {
  it.each([
    [500, "500/s"],
    [20_000, "20k/s"],
    [1_500_000, "1.5M/s"],
    [2e9, "2B/s"],
  ])("formatRate(%d) = %s", (r, text) => expect(formatRate(r)).toBe(text));
});
