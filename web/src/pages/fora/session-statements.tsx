import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { formatCsv } from "../../components/csv-format.ts";
import { downloadText } from "../../components/download-file.ts";
import { EmptyState } from "../../components/status-states.tsx";
import type { useUrlFilters } from "../../components/url-filters.ts";
import { counted } from "./fora-queries.ts";
import type { AgendaItem, ProposalSummary, SessionDetail, Statement } from "./fora-queries.ts";
import { ChangeNotice } from "./record-actions.tsx";
import { StatementItem } from "./statement-item.tsx";
import type { StatementWriting } from "./statement-item.tsx";

type Filters = ReturnType<typeof useUrlFilters>;

interface SpeakerStatements {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly code: string;
  readonly statements: Statement[];
}

interface ItemStatements {
  readonly key: string;
  readonly item: AgendaItem | null;
  readonly speakers: SpeakerStatements[];
  readonly count: number;
}

/** Statements by agenda item (official order; those under no item last), then by speaker (first to speak first). */
export function groupStatements(agendaItems: readonly AgendaItem[], statements: readonly Statement[]): ItemStatements[] {
  const groups: ItemStatements[] = [];
  for (const item of [...agendaItems, null]) {
    const under = statements.filter((s) => s.agendaItemId === (item?.id ?? null));
    if (under.length === 0) continue;
    const speakers = new Map<string, SpeakerStatements>();
    for (const statement of under) {
      const key = `${statement.speakerKind}:${statement.speakerCode}`;
      const speaker = speakers.get(key) ?? { key, name: statement.speakerName, kind: statement.speakerKind, code: statement.speakerCode, statements: [] };
      speaker.statements.push(statement);
      speakers.set(key, speaker);
    }
    groups.push({ key: item === null ? "none" : String(item.id), item, speakers: [...speakers.values()], count: under.length });
  }
  return groups;
}

function statementsCsv(session: SessionDetail, statements: readonly Statement[], proposals: readonly ProposalSummary[]): string {
  const proposalTitle = (id: number) => proposals.find((p) => p.id === id)?.title ?? `proposal #${id}`;
  return formatCsv<Statement>(
    [
      { header: "session", value: () => session.title },
      { header: "agenda_item", value: (s) => s.agendaItemNumber },
      { header: "speaker_kind", value: (s) => s.speakerKind },
      { header: "speaker_code", value: (s) => s.speakerCode },
      { header: "speaker", value: (s) => s.speakerName },
      { header: "delivered_on", value: (s) => s.deliveredOn },
      { header: "summary_markdown", value: (s) => s.summary.markdown },
      { header: "stances", value: (s) => s.stances.map((x) => `${x.stance}: ${proposalTitle(x.proposalId)}`).join("; ") },
      { header: "source_url", value: (s) => s.sourceUrl },
      { header: "source_reference", value: (s) => s.sourceReference },
      { header: "recorded_at", value: (s) => s.recordedAt },
    ],
    statements,
  );
}

function StatementFilters({ filters, session, statements }: { readonly filters: Filters; readonly session: SessionDetail; readonly statements: readonly Statement[] }) {
  const speakers = [...new Map(statements.map((s) => [s.speakerCode, s.speakerName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    filters.update({ item: String(data.get("item") ?? ""), speaker: String(data.get("speaker") ?? "") });
  };
  return (
    <form className="filters no-print" aria-label="Filter the statements" onSubmit={submit} key={filters.params.toString()}>
      <label className="field field-wide">
        <span>Agenda item</span>
        <select name="item" defaultValue={filters.get("item")}>
          <option value="">every item</option>
          {session.agendaItems.map((i) => (
            <option key={i.id} value={String(i.id)}>
              {i.itemNumber}. {i.title}
            </option>
          ))}
          <option value="none">under no agenda item</option>
        </select>
      </label>
      <label className="field">
        <span>Speaker</span>
        <select name="speaker" defaultValue={filters.get("speaker")}>
          <option value="">every speaker</option>
          {speakers.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="field-actions">
        <button type="submit">Show</button>
        <Link to={`/sessions/${session.id}`} className="button-link">
          Clear
        </Link>
      </div>
    </form>
  );
}

/**
 * The session's statements grouped by agenda item and speaker, each with its date, stances and source; writers edit
 * (in place) and delete them, and remove wrongly recorded stances.
 */
export function SessionStatements({
  session,
  statements,
  proposals,
  filters,
  mayWrite,
  onChanged,
}: {
  readonly session: SessionDetail;
  readonly statements: readonly Statement[];
  readonly proposals: readonly ProposalSummary[];
  readonly filters: Filters;
  readonly mayWrite: boolean;
  readonly onChanged: () => void;
}) {
  const [editingId, setEditingId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writing: StatementWriting | null = !mayWrite
    ? null
    : {
        editingId,
        onEdit: (id) => {
          setNotice(null);
          setEditingId(id);
        },
        onChanged: (confirmation) => {
          setEditingId(null);
          setNotice(confirmation);
          onChanged();
        },
      };
  const item = filters.get("item");
  const speaker = filters.get("speaker");
  const shown = statements.filter(
    (s) => (item === "" || (item === "none" ? s.agendaItemId === null : String(s.agendaItemId) === item)) && (speaker === "" || s.speakerCode === speaker),
  );
  const groups = groupStatements(session.agendaItems, shown);
  return (
    <>
      {statements.length === 0 ? null : <StatementFilters filters={filters} session={session} statements={statements} />}
      <div className="table-toolbar">
        <div className="table-caption">
          {shown.length} of {counted(statements.length, "statement")}
          {item === "" && speaker === "" ? "" : " match the filters"}
        </div>
        <div className="table-actions no-print">
          <button
            type="button"
            className="button-secondary"
            disabled={shown.length === 0}
            onClick={() => downloadText(`concord-session-${session.id}-statements.csv`, statementsCsv(session, shown, proposals), "text/csv;charset=utf-8")}
          >
            Download CSV
          </button>
        </div>
      </div>
      <ChangeNotice text={notice} />
      {groups.length === 0 ? (
        <EmptyState title={statements.length === 0 ? "No statement is recorded for this session yet." : "No statement matches the filters."} minHeight={80}>
          {statements.length === 0 ? <p>Analysts record them with the form below: the speaker, the agenda item, the day, what was said and its source.</p> : null}
        </EmptyState>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="statement-group" aria-label={group.item === null ? "Statements under no agenda item" : `Statements on item ${group.item.itemNumber}`}>
            <h3>
              {group.item === null ? "Under no agenda item" : `Item ${group.item.itemNumber}. ${group.item.title}`} <span className="muted">({group.count})</span>
            </h3>
            {group.speakers.map((sp) => (
              <div key={sp.key} className="speaker-block" data-speaker={sp.code}>
                <h4>
                  {sp.kind === "state" ? <Link to={`/states/${sp.code}`}>{sp.name}</Link> : sp.name} <span className="speaker-kind">({sp.kind === "state" ? sp.code : sp.kind})</span>
                </h4>
                <ul className="statement-list">
                  {sp.statements.map((s) => (
                    <StatementItem key={s.id} statement={s} session={session} proposals={proposals} writing={writing} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}
    </>
  );
}
