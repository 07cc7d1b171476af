import { Link } from "react-router";
import type { StateProfile } from "../../api/diplomacy-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatCount } from "../../format/figures.ts";

type Item = StateProfile["consistency"][number];
type Statement = Item["commitments"][number];
type AsatItem = Extract<Item, { topic: "destructive-asat-tests" }>;
type TestRow = AsatItem["tests"][number];

function StatementList({ statements }: { readonly statements: readonly Statement[] }) {
  return (
    <ul className="statements">
      {statements.map((s) => (
        <li key={s.subject}>
          <strong>{s.label}:</strong> <span className={`standing standing-${s.status}`}>{s.statement}</span>
          {s.source === null ? null : (
            <span className="cell-sub">
              {" "}
              (source: <LinkedText text={s.source} />
              {s.asOf === null ? "" : `, as of ${s.asOf}`})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const TEST_COLUMNS: TableColumn<TestRow>[] = [
  { header: "Date", value: (t) => t.test.date },
  { header: "Target", value: (t) => t.test.targetName, cell: (t) => (t.test.targetCatalogNumber === null ? t.test.targetName : <Link to={`/objects/${t.test.targetCatalogNumber}`}>{t.test.targetName}</Link>) },
  { header: "Test", value: (t) => t.test.testType, wrap: true },
  { header: "Certainty", value: (t) => t.test.certainty },
  { header: "Altitude km", numeric: true, value: (t) => t.test.altitudeKm },
  { header: "Debris catalogued", numeric: true, value: (t) => t.catalogDebris?.total ?? t.test.debrisCatalogued },
  { header: "Debris on orbit", numeric: true, value: (t) => t.catalogDebris?.onOrbit ?? t.test.debrisOnOrbit, description: "From the stored SATCAT where its debris launches are known; else as published" },
  { header: "Relative to the commitment", value: (t) => t.relativeToCommitment ?? "no commitment" },
  { header: "Source", value: (t) => t.test.source, csvOnly: true },
];

/** Commitments beside conduct: the ASAT-test pledge beside destructive tests, debris guidelines beside debris and disposal. */
export function ConsistencyView({ profile }: { readonly profile: StateProfile }) {
  return (
    <div className="stack">
      {profile.consistency.map((item) => (
        <article key={item.topic} className="card consistency-item">
          <h3 className="card-title">{item.title}</h3>
          <p>{item.summary}</p>
          <h4>Commitments</h4>
          <StatementList statements={item.commitments} />
          {item.topic === "destructive-asat-tests" ? (
            <DataTable
              caption={`Destructive ASAT tests by ${profile.state.name}: ${item.tests.length}`}
              columns={TEST_COLUMNS}
              rows={item.tests}
              rowKey={(t) => `${t.test.date}-${t.test.targetName}`}
              csvName={`concord-${profile.state.iso3}-asat-tests`}
              empty={<p className="muted">No destructive ASAT test by {profile.state.name} is recorded in Concord's curated table.</p>}
              footer={
                item.tests.length === 0 ? undefined : (
                  <SourceNote>
                    {[...new Set(item.tests.map((t) => t.test.source))].map((source, index) => (
                      <span key={source}>
                        {index > 0 ? "; " : ""}
                        <LinkedText text={source} />
                      </span>
                    ))}
                    . Debris counts from the stored SATCAT where the tests' debris launches are known.
                  </SourceNote>
                )
              }
            />
          ) : (
            <p>
              Post-mission disposal:{" "}
              {item.disposalCompliance.status === "known"
                ? `${formatCount(item.disposalCompliance.value.compliant)} of ${formatCount(item.disposalCompliance.value.assessed)} compliant (${item.disposalCompliance.value.rule})`
                : `unknown (${item.disposalCompliance.reason})`}
              . Debris on orbit: {item.debris === null ? "unknown" : formatCount(item.debris.onOrbit)}
              {item.predecessorDebris.map((p) => `; ${p.actorCode} (predecessor): ${formatCount(p.onOrbit)}`).join("")}.
            </p>
          )}
        </article>
      ))}
    </div>
  );
}
