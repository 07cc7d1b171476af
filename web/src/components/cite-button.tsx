import { useCallback, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useSession } from "../auth/session-context.tsx";
import type { Role } from "../auth/session-context.tsx";
import { CiteDialog } from "./cite-dialog.tsx";
import type { CitableFigure } from "./cite-figures.ts";

/** The roles that may write positions, and so cite figures in them (the API enforces it too). */
const CITING_ROLES: readonly Role[] = ["admin", "analyst"];

/**
 * "Cite" beside a key figure of an evidence page, for a signed-in admin or analyst only (nothing for anyone else, nor
 * when the page has no citable value, `figure` null). It opens the cite dialog (in document.body, so it may sit inside
 * a paragraph or a table cell); focus comes back to the button when the dialog closes.
 */
export function CiteButton({ figure }: { readonly figure: CitableFigure | null }) {
  const { hasRole } = useSession();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  if (figure === null || !hasRole(...CITING_ROLES)) return null;
  return (
    <>
      <button ref={buttonRef} type="button" className="cite-button no-print" aria-haspopup="dialog" aria-label={`Cite: ${figure.label}`} title={`Cite in a position: ${figure.label} (${figure.shown})`} onClick={() => setOpen(true)}>
        Cite
      </button>
      {open ? createPortal(<CiteDialog figure={figure} onClose={close} />, document.body) : null}
    </>
  );
}
