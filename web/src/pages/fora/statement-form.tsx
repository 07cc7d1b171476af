import { use, useId, useMemo, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { loadStateDirectory } from "../../api/diplomacy-queries.ts";
import { loadSpeakerGroups, SPEAKER_KINDS, STANCES } from "./fora-queries.ts";
import type { ProposalSummary, SessionDetail, Statement } from "./fora-queries.ts";
import { Confirmation, FormActions, SelectField, TextAreaField, TextField, WriteError, optional, useSubmission } from "./write-forms.tsx";

const FIELDS = ["agendaItemId", "speakerKind", "speakerCode", "deliveredOn", "summaryMarkdown", "sourceUrl", "sourceReference", "proposalId", "stance"];
type SpeakerKind = (typeof SPEAKER_KINDS)[number];
const KIND_LABELS: Readonly<Record<SpeakerKind, string>> = { state: "a State", group: "a group (G77, EU, …)", organisation: "an organisation" };

/**
 * Analysts and admins: record a statement (who said what, on which item, when, with its source) and, optionally, the
 * stance it took on a proposal of the session's forum. The speaker is a State of the registry, a curated group or an
 * organisation of the registry; the API checks the code. Given `statement`, the same form (prefilled) corrects that
 * statement; its stances are removed one by one beside the statement, so the stance fields are not shown then.
 */
export function StatementForm({
  session,
  proposals,
  onRecorded,
  statement: editing,
  onCancel,
}: {
  readonly session: SessionDetail;
  readonly proposals: readonly ProposalSummary[];
  /** After a success, with its confirmation. */
  readonly onRecorded: (confirmation: string) => void;
  readonly statement?: Statement | undefined;
  readonly onCancel?: (() => void) | undefined;
}) {
  const states = use(loadStateDirectory()).states;
  const groups = use(loadSpeakerGroups()).items;
  const stateChoices = useMemo(() => [...states].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.iso3, label: `${s.name} (${s.iso3})` })), [states]);
  const submission = useSubmission();
  const headingId = useId();
  const [agendaItemId, setAgendaItemId] = useState(editing?.agendaItemId === null || editing === undefined ? "" : String(editing.agendaItemId));
  const [speakerKind, setSpeakerKind] = useState<SpeakerKind>(editing?.speakerKind ?? "state");
  const [speakerCode, setSpeakerCode] = useState(editing?.speakerCode ?? "");
  const [deliveredOn, setDeliveredOn] = useState(editing?.deliveredOn ?? session.startDate);
  const [summary, setSummary] = useState(editing?.summary.markdown ?? "");
  const [sourceUrl, setSourceUrl] = useState(editing?.sourceUrl ?? "");
  const [sourceReference, setSourceReference] = useState(editing?.sourceReference ?? "");
  const [proposalId, setProposalId] = useState("");
  const [stance, setStance] = useState("");
  const [stanceNote, setStanceNote] = useState("");

  const speakerName = (code: string) =>
    speakerKind === "state" ? (states.find((s) => s.iso3 === code)?.name ?? code) : speakerKind === "group" ? (groups.find((g) => g.id === code)?.name ?? code) : code;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.run(async () => {
      const body = {
        agendaItemId: agendaItemId === "" ? null : Number(agendaItemId),
        speakerKind,
        speakerCode: speakerCode.trim(),
        deliveredOn,
        summaryMarkdown: summary,
        sourceUrl: optional(sourceUrl),
        sourceReference: optional(sourceReference),
      };
      if (editing !== undefined) {
        const saved = await unwrap(api.PATCH("/api/statements/{id}", { params: { path: { id: editing.id } }, body }));
        const confirmation = `Saved the statement of ${saved.speakerName} on ${saved.deliveredOn}.`;
        onRecorded(confirmation);
        return confirmation;
      }
      if ((proposalId === "") !== (stance === "")) throw new Error("choose both a proposal and the stance taken on it, or neither");
      const statement = await unwrap(api.POST("/api/forum-sessions/{id}/statements", { params: { path: { id: session.id } }, body }));
      let stanceText = "";
      if (proposalId !== "") {
        try {
          await unwrap(
            api.POST("/api/statements/{id}/stances", { params: { path: { id: statement.id } }, body: { proposalId: Number(proposalId), stance: stance as (typeof STANCES)[number], note: optional(stanceNote) } }),
          );
          stanceText = `, which ${stance} “${proposals.find((p) => String(p.id) === proposalId)?.title ?? `proposal ${proposalId}`}”`;
        } catch (failure) {
          onRecorded(`Recorded the statement #${statement.id} without its stance.`);
          throw new Error(`the statement was recorded (#${statement.id}) but its stance was not: ${failure instanceof Error ? failure.message : String(failure)}`, { cause: failure });
        }
      }
      setSpeakerCode("");
      setSummary("");
      setSourceReference("");
      setProposalId("");
      setStance("");
      setStanceNote("");
      const confirmation = `Recorded the statement of ${statement.speakerName} on ${statement.deliveredOn}${statement.agendaItemNumber === null ? "" : ` under item ${statement.agendaItemNumber}`}${stanceText}.`;
      onRecorded(confirmation);
      return confirmation;
    });
  };

  return (
    <form key={submission.generation} className="ws-form no-print" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>{editing === undefined ? "Record a statement" : `Edit the statement of ${editing.speakerName} on ${editing.deliveredOn}`}</h3>
      <div className="ws-form-grid">
        <SelectField
          label="Agenda item"
          field="agendaItemId"
          submission={submission}
          value={agendaItemId}
          onChange={setAgendaItemId}
          emptyLabel="none (general)"
          choices={session.agendaItems.map((i) => ({ value: String(i.id), label: `${i.itemNumber}. ${i.title}` }))}
          className="field-wide"
        />
        <SelectField
          label="Speaker is"
          field="speakerKind"
          submission={submission}
          value={speakerKind}
          onChange={(value) => {
            setSpeakerKind(value as SpeakerKind);
            setSpeakerCode("");
          }}
          choices={SPEAKER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        {speakerKind === "state" ? (
          <SelectField label="State" field="speakerCode" submission={submission} value={speakerCode} onChange={setSpeakerCode} required emptyLabel={`choose one of ${states.length} States`} choices={stateChoices} />
        ) : speakerKind === "group" ? (
          <SelectField
            label="Group"
            field="speakerCode"
            submission={submission}
            value={speakerCode}
            onChange={setSpeakerCode}
            required
            emptyLabel="choose a group"
            choices={groups.map((g) => ({ value: g.id, label: `${g.name}${g.memberStates === null ? " (members not recorded)" : ` (${g.memberStates.length} States)`}` }))}
          />
        ) : (
          <TextField label="Organisation code" field="speakerCode" submission={submission} value={speakerCode} onChange={setSpeakerCode} required placeholder="e.g. EU, ESA" hint="A code of the registry's organisations." />
        )}
        <TextField label="Delivered on" field="deliveredOn" submission={submission} value={deliveredOn} onChange={setDeliveredOn} type="date" required className="field-narrow" hint={`${session.startDate} to ${session.endDate}`} />
      </div>
      <TextAreaField
        label="What was said (Markdown)"
        field="summaryMarkdown"
        submission={submission}
        value={summary}
        onChange={setSummary}
        required
        rows={4}
        hint="A faithful summary or quotation; Markdown (emphasis, lists, links) is shown as the server renders and sanitises it."
      />
      <div className="ws-form-grid">
        <TextField label="Source (URL)" field="sourceUrl" submission={submission} value={sourceUrl} onChange={setSourceUrl} type="url" className="field-wide" hint="The statement's text, the meeting's webcast or summary record." />
        <TextField label="Source reference" field="sourceReference" submission={submission} value={sourceReference} onChange={setSourceReference} className="field-wide" hint="E.g. a summary record symbol and paragraph; a URL or a reference is needed." />
      </div>
      {editing !== undefined ? null : (
        <fieldset className="ws-form-grid">
          <legend className="field-hint">Stance on a proposal of this forum (optional)</legend>
          <SelectField
            label="Proposal"
            field="proposalId"
            submission={submission}
            value={proposalId}
            onChange={setProposalId}
            emptyLabel={proposals.length === 0 ? "no proposal in this forum yet" : "no stance"}
            choices={proposals.map((p) => ({ value: String(p.id), label: p.title }))}
            className="field-wide"
          />
          <SelectField label="Stance" field="stance" submission={submission} value={stance} onChange={setStance} emptyLabel="—" choices={STANCES.map((s) => ({ value: s, label: s }))} className="field-narrow" />
          <TextField label="Stance note" field="note" submission={submission} value={stanceNote} onChange={setStanceNote} className="field-wide" hint="E.g. the words that show the stance." />
        </fieldset>
      )}
      <FormActions submission={submission} editing={editing !== undefined} add={["Record the statement", "Recording…"]} save={["Save the statement", "Saving…"]} onCancel={onCancel}>
        {speakerCode === "" ? null : <span className="field-hint">Speaker: {speakerName(speakerCode)}</span>}
      </FormActions>
      <WriteError submission={submission} action={editing === undefined ? "record the statement" : "save the statement"} fields={FIELDS} />
      <Confirmation submission={submission} />
    </form>
  );
}
