import { useState } from "react";
import { formatUtc } from "../../format/figures.ts";

/** A single-use setup link to pass on: selectable, with a copy button and its expiry. */
export function SetupLinkBox({ link, expiresAt }: { readonly link: string; readonly expiresAt: string | null }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Copied.");
    } catch {
      setCopied("Copying is not allowed here: select the link and copy it.");
    }
  };
  return (
    <div className="setup-link">
      <input className="setup-link-text" readOnly value={link} aria-label="Single-use setup link" onFocus={(event) => event.target.select()} data-field="setup-link" />
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        Copy
      </button>
      <span className="muted">
        valid until {formatUtc(expiresAt)}; works once{copied === null ? "" : ` · ${copied}`}
      </span>
    </div>
  );
}
