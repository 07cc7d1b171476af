import { useEffect, useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { addComment } from "./consultation-queries.ts";
import type { CommentVisibility } from "./consultation-queries.ts";
import { FieldMessage, fieldError, invalidProps, SubmitError, useSubmission } from "./form-feedback.tsx";

const MAX_LENGTH = 20_000;

/**
 * A stakeholder's comment on one paragraph: Markdown text, public (every invitee and the organisers see it) or
 * confidential (only the organisers). Collapsed behind a button until wanted; `onPosted` reloads the page's data.
 */
export function CommentForm({ consultationId, paragraphNumber, onPosted }: { readonly consultationId: number; readonly paragraphNumber: number; readonly onPosted: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState<CommentVisibility>("public");
  const { sending, error, submit } = useSubmission();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const id = useId();
  // Keyboard focus follows the form: into the text when it opens, back to its button when it closes.
  useEffect(() => {
    if (open) textArea.current?.focus();
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <button ref={openButton} type="button" className="button-secondary comment-open no-print" onClick={() => setOpen(true)}>
        Comment on ¶ {paragraphNumber}
      </button>
    );
  }
  const textError = fieldError(error, "bodyMarkdown");
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = visibility === "public" ? `Your public comment on ¶ ${paragraphNumber} is posted.` : `Your confidential comment on ¶ ${paragraphNumber} is sent to the organisers.`;
    const posted = await submit(() => addComment(consultationId, { paragraphNumber, visibility, bodyMarkdown: text }), () => message);
    if (posted !== undefined) {
      setText("");
      setOpen(false);
      onPosted(message);
    }
  };
  return (
    <form className="workspace-form comment-form no-print" aria-label={`Comment on paragraph ${paragraphNumber}`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <label className="field field-wide">
        <span>Your comment on ¶ {paragraphNumber} (Markdown)</span>
        <textarea
          ref={textArea}
          rows={5}
          maxLength={MAX_LENGTH}
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          {...invalidProps(textError, `${id}-text`)}
        />
        <FieldMessage id={`${id}-text`} message={textError} />
      </label>
      <fieldset className="visibility-choice">
        <legend>Who may read it</legend>
        <label>
          <input type="radio" name={`${id}-visibility`} value="public" checked={visibility === "public"} onChange={() => setVisibility("public")} /> Public: every invitee of this
          consultation and the organisers
        </label>
        <label>
          <input type="radio" name={`${id}-visibility`} value="confidential" checked={visibility === "confidential"} onChange={() => setVisibility("confidential")} /> Confidential:
          the organisers only
        </label>
      </fieldset>
      <div className="button-row">
        <button type="submit" disabled={sending || text.trim() === ""}>
          {sending ? "Sending…" : visibility === "public" ? "Post public comment" : "Send confidential comment"}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)} disabled={sending}>
          Cancel
        </button>
      </div>
      <SubmitError error={error} action="post this comment" fields={["bodyMarkdown"]} />
    </form>
  );
}
