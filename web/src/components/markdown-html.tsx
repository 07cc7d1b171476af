/**
 * User-written Markdown (positions, statements, consultation drafts and comments) as the server rendered and
 * sanitised it (src/core/markdown.ts: marked + sanitize-html allowlist). Only that server-sanitised HTML is ever
 * inserted; never pass anything else here.
 */
export function MarkdownHtml({ html, className }: { readonly html: string; readonly className?: string }) {
  return <div className={`markdown ${className ?? ""}`.trim()} dangerouslySetInnerHTML={{ __html: html }} />;
}
