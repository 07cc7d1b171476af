import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/core/markdown.ts";

describe("renderMarkdown", () => {
  it("renders formatting, lists and links, with links opening safely in a new tab", () => {
    const html = renderMarkdown("**Supports** the *draft*.\n\n- item one\n- item two\n\n[A/AC.105/C.1/L.400](https://www.unoosa.org/)");
    expect(html).toContain("<strong>Supports</strong>");
    expect(html).toContain("<em>draft</em>");
    expect(html).toContain("<li>item one</li>");
    expect(html).toContain('<a href="https://www.unoosa.org/" target="_blank" rel="noopener noreferrer nofollow">A/AC.105/C.1/L.400</a>');
  });

  it.each([
    ["a script element", "<script>alert(1)</script>hello"],
    ["an event-handler attribute", '<img src="x" onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://example.org"></iframe>'],
    ["an svg with onload", '<svg onload="alert(1)"><circle r="1"/></svg>'],
    ["a style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
  ])("drops %s", (_name, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|data:text|<iframe|<svg|style=/i);
  });
});
