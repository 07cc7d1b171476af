import { Suspense, use, useId, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CONSULTATION_KINDS, KIND_LABELS, loadPositionChoices, openConsultation, readPositionText } from "./consultation-queries.ts";
import type { ConsultationKind } from "./consultation-queries.ts";
import { FieldMessage, fieldError, invalidProps, SubmitError, useSubmission } from "./form-feedback.tsx";
import { ORGANISER_ROLES } from "./consultations-page.tsx";
import { useFreshness } from "./use-freshness.ts";
import "./consultations.css";

/** Two weeks from now at 17:00 UTC, as a datetime-local value ("2026-03-01T17:00"). */
function defaultDeadline(): string {
  const date = new Date(Date.now() + 14 * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T17:00`;
}

/**
 * The linked-position choice, rendered once the positions are loaded (so a preselected ?position= is shown selected:
 * a select whose options arrive later keeps an empty selection), or a note when they cannot be read (the link is optional).
 */
function PositionSelect(props: { readonly freshness: string; readonly value: string; readonly onChange: (value: string) => void; readonly fieldProps: object }) {
  const result = use(loadPositionChoices(props.freshness));
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} {...props.fieldProps}>
      {result.ok ? (
        <>
          <option value="">no linked position</option>
          {result.value.map((p) => (
            <option key={p.id} value={p.id}>
              #{p.id} {p.title} ({p.status}, v{p.currentVersion})
            </option>
          ))}
        </>
      ) : (
        <option value="">(positions unavailable: {result.error.message})</option>
      )}
    </select>
  );
}

function NewConsultationForm() {
  const navigate = useNavigate();
  const { freshness } = useFreshness();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<ConsultationKind>("position");
  const [deadline, setDeadline] = useState(defaultDeadline);
  const [draft, setDraft] = useState("");
  const [note, setNote] = useState("");
  // A position page links here with ?position=<id>: that position is preselected.
  const [searchParams] = useSearchParams();
  const [positionId, setPositionId] = useState(() => (/^\d+$/.test(searchParams.get("position") ?? "") ? (searchParams.get("position") ?? "") : ""));
  const [copyState, setCopyState] = useState<string | null>(null);
  const { sending, error, submit } = useSubmission();
  const id = useId();
  const errors = {
    title: fieldError(error, "title"),
    kind: fieldError(error, "kind"),
    deadline: fieldError(error, "deadline"),
    draftMarkdown: fieldError(error, "draftMarkdown"),
    internalNote: fieldError(error, "internalNote"),
    positionId: fieldError(error, "positionId"),
  };
  const copyPosition = async () => {
    if (positionId === "") return;
    setCopyState("Reading the position…");
    try {
      setDraft(await readPositionText(Number(positionId)));
      setCopyState(`The current text of position #${positionId} is in the draft; edit it before publishing.`);
    } catch (caught) {
      setCopyState(`Could not read position #${positionId}: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const opened = await submit(
      () =>
        openConsultation({
          title: title.trim(),
          kind,
          deadline: deadline === "" ? "" : `${deadline}:00Z`,
          draftMarkdown: draft,
          internalNote: note.trim() === "" ? null : note,
          positionId: positionId === "" ? null : Number(positionId),
        }),
      (c) => `Consultation #${c.id} opened.`,
    );
    if (opened !== undefined) void navigate(`/consultations/${opened.id}`, { state: { opened: true } });
  };
  return (
    <form className="workspace-form new-consultation" onSubmit={(e) => void onSubmit(e)} aria-label="New consultation" noValidate>
      <label className="field field-wide">
        <span>Title</span>
        <input required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} {...invalidProps(errors.title, `${id}-title`)} />
        <FieldMessage id={`${id}-title`} message={errors.title} />
      </label>
      <div className="form-row">
        <label className="field">
          <span>Kind of draft</span>
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ConsultationKind)} {...invalidProps(errors.kind, `${id}-kind`)}>
            {CONSULTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-kind`} message={errors.kind} />
        </label>
        <label className="field">
          <span>Deadline (UTC)</span>
          <input type="datetime-local" required value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} {...invalidProps(errors.deadline, `${id}-deadline`)} />
          <FieldMessage id={`${id}-deadline`} message={errors.deadline} />
        </label>
        <label className="field field-wide">
          <span>Linked position (optional, never shown to stakeholders)</span>
          <Suspense
            fallback={
              <select disabled value="">
                <option value="">loading the positions…</option>
              </select>
            }
          >
            <PositionSelect freshness={freshness} value={positionId} onChange={setPositionId} fieldProps={invalidProps(errors.positionId, `${id}-position`)} />
          </Suspense>
          <FieldMessage id={`${id}-position`} message={errors.positionId} />
        </label>
        {positionId === "" ? null : (
          <div className="field-actions">
            <button type="button" className="button-secondary" onClick={() => void copyPosition()}>
              Use its current text as the draft
            </button>
          </div>
        )}
      </div>
      {copyState === null ? null : (
        <p className="muted" role="status">
          {copyState}
        </p>
      )}
      <label className="field field-wide">
        <span>Draft to publish (Markdown). Paragraphs are split at blank lines and numbered; a heading belongs to the paragraph under it. It is frozen once opened.</span>
        <textarea required rows={14} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} {...invalidProps(errors.draftMarkdown, `${id}-draft`)} />
        <FieldMessage id={`${id}-draft`} message={errors.draftMarkdown} />
      </label>
      <label className="field field-wide">
        <span>Internal note for the organisers (optional, Markdown, never shown to stakeholders)</span>
        <textarea rows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} {...invalidProps(errors.internalNote, `${id}-note`)} />
        <FieldMessage id={`${id}-note`} message={errors.internalNote} />
      </label>
      <div className="button-row">
        <button type="submit" disabled={sending}>
          {sending ? "Opening…" : "Open the consultation"}
        </button>
        <Link className="button button-secondary" to="/consultations">
          Cancel
        </Link>
      </div>
      <SubmitError error={error} action="open the consultation" fields={Object.keys(errors)} />
    </form>
  );
}

/** Opens a consultation (organisers): title, kind, deadline, the draft to publish, and optionally a linked position and an internal note. */
export default function NewConsultationPage() {
  return (
    <section className="page consultations">
      <PageHeader
        title="New consultation"
        kicker={<Link to="/consultations">Consultations</Link>}
        lead={<p>Publish a draft to stakeholders for comment until a deadline. After opening it, invite them by e-mail from its page.</p>}
      />
      <RequireRole roles={ORGANISER_ROLES} what="the new consultation form">
        <NewConsultationForm />
      </RequireRole>
    </section>
  );
}
