import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by users (position texts, consultation drafts and comments) as HTML that is safe to insert into a
 * page: `marked` renders, `sanitize-html` keeps an allowlist of formatting elements and drops everything else
 * (scripts, styles, iframes, event-handler attributes, `javascript:` and `data:` URLs). Raw HTML in the Markdown is
 * sanitised like the rest. Links get rel="noopener noreferrer nofollow" and open in a new tab. Pure.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "a", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
  ],
  allowedAttributes: { a: ["href", "title", "target", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }),
  },
};

/** Markdown → sanitised HTML. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
