// User text in output: shown as escapes, never obeyed (src/text.ts).
import { describe, expect, it } from "vitest";
import { jsonText, mdCode, mdText, noCommands, visible, visibleDeep } from "../src/text.js";

describe("visible", () => {
  it("shows C0, DEL, C1, line separators and bidi overrides as escapes", () => {
    expect(visible("a\nb\rc\td")).toBe("a\\nb\\rc\\td");
    expect(visible("\u001b[31mred\u001b]0;title\u0007\u0000")).toBe("\\x1b[31mred\\x1b]0;title\\x07\\x00");
    expect(visible("\u007f\u0085\u009b")).toBe("\\x7f\\x85\\x9b");
    expect(visible("\u2028\u2029\u202egnp.exe\u2066")).toBe("\\u2028\\u2029\\u202egnp.exe\\u2066");
  });
  it("leaves ordinary text, backslashes and non-ASCII letters alone, so it can be applied twice", () => {
    expect(visible("Kafka Streams (kafka-streams) ünïcødé C:\\x")).toBe("Kafka Streams (kafka-streams) ünïcødé C:\\x");
    const once = visible("x\n\u001b");
    expect(visible(once)).toBe(once);
  });
  it("visibleDeep maps every string in plain data, and returns unchanged data as the same object", () => {
    const clean = { a: ["x", { b: "y" }], n: 1 };
    expect(visibleDeep(clean)).toBe(clean);
    const dirty = { a: ["x\n", { b: "y" }], uri: "keep\n" };
    expect(visibleDeep(dirty, ["uri"])).toEqual({ a: ["x\\n", { b: "y" }], uri: "keep\n" });
    expect(dirty.a[0]).toBe("x\n");
  });
});

describe("noCommands", () => {
  it("puts a backslash before a line-leading `::`, after any whitespace GitHub's runner trims", () => {
    expect(noCommands("ok\n::error::x\n  ::add-mask::y\n\u00a0::warning::z\na ::error::inline")).toBe("ok\n\\::error::x\n  \\::add-mask::y\n\u00a0\\::warning::z\na ::error::inline");
    expect(noCommands("::stop-commands::t")).toBe("\\::stop-commands::t");
    expect(noCommands("nothing here")).toBe("nothing here");
  });
});

describe("Markdown", () => {
  it("mdText writes HTML as entities and escapes what starts Markdown syntax", () => {
    expect(mdText("<script>alert(1)</script> & <img src=x>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;");
    expect(mdText("**b** [l](javascript:x) `c` ~s~ $m$ a|b \\")).toBe("\\*\\*b\\*\\* \\[l\\](javascript:x) \\`c\\` \\~s\\~ \\$m\\$ a\\|b \\\\");
    expect(mdText("_em_ exactly_once_v2")).toBe("\\_em\\_ exactly_once_v2");
    expect(mdText("line\nbreak")).toBe("line\\\\nbreak");
  });
  it("mdCode picks a fence longer than any backtick run inside", () => {
    expect(mdCode("profiles/x.yaml")).toBe("`profiles/x.yaml`");
    expect(mdCode("a`b``c")).toBe("```a`b``c```");
    expect(mdCode("`x")).toBe("`` `x ``");
  });
});

describe("jsonText", () => {
  it("is JSON.stringify with C1 controls, line separators and bidi overrides escaped: the same data", () => {
    const value = { s: "\u009b31m\u2028\u202e\u001b" };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u202e\u001b]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
