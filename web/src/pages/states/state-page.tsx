import { use } from "react";
import { Link, useParams } from "react-router";
import { loadStateProfile } from "../../api/diplomacy-queries.ts";
import type { StateProfile } from "../../api/diplomacy-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatCount } from "../../format/figures.ts";
import { ActorConductPanel } from "./actor-conduct.tsx";
import { CommitmentsTimeline } from "./commitments-timeline.tsx";
import { ConsistencyView } from "./consistency-view.tsx";

type Statement = StateProfile["fora"][number];
type Share = Extract<StateProfile["conduct"]["conjunctions"], { status: "known" }>["value"]["shares"][number];
type Shared = StateProfile["conduct"]["shared"][number];

function ConjunctionExposure({ profile }: { readonly profile: StateProfile }) {
  const conjunctions = profile.conduct.conjunctions;
  if (conjunctions.status !== "known") return <p className="state state-empty">Conjunction exposure unknown: {conjunctions.reason}.</p>;
  const { run } = conjunctions.value;
  return (
    <DataTable
      caption={`Conjunctions in run #${run.id} (${run.from.slice(0, 16)} to ${run.to.slice(0, 16)} UTC, within ${run.thresholdKm} km)`}
      columns={[
        { header: "Actor", value: (s: Share) => s.actorCode },
        { header: "Events", numeric: true, value: (s: Share) => s.events },
        { header: "Share of run", numeric: true, value: (s: Share) => s.shareOfRun, cell: (s: Share) => `${(s.shareOfRun * 100).toFixed(1)} %` },
        { header: "With other actors", numeric: true, value: (s: Share) => s.withOtherActors },
        { header: "Its active payloads approached", numeric: true, value: (s: Share) => s.activeApproaches },
        { header: "…by others' debris", numeric: true, value: (s: Share) => s.byOtherActorsDebris },
        { header: "Others' active approached by its debris", numeric: true, value: (s: Share) => s.othersActiveApproachedByItsDebris },
        { header: "Main counterparts", value: (s: Share) => s.counterparts.slice(0, 5).map((c) => `${c.actorCode} ${c.events}`).join(", "), wrap: true },
      ]}
      rows={conjunctions.value.shares}
      rowKey={(s) => s.actorCode}
      csvName={`concord-${profile.state.iso3}-conjunctions-run-${run.id}`}
      empty={<p className="muted">No events.</p>}
      footer={
        <SourceNote>
          <Link to={`/conjunctions?run=${run.id}&actor=${profile.state.iso3}`}>run #{run.id}</Link>, finished {run.finishedAt.slice(0, 10)}; {conjunctions.value.source}.
        </SourceNote>
      }
    />
  );
}

function Sources({ profile }: { readonly profile: StateProfile }) {
  const sources = new Map<string, string>();
  const add = (source: string | null, asOf: string | null) => {
    if (source !== null && !sources.has(source)) sources.set(source, asOf ?? "—");
  };
  add(profile.state.source, profile.state.asOf);
  for (const c of profile.commitments) for (const a of c.acts) add(a.source, a.asOf);
  for (const f of profile.fora) add(f.source, f.asOf);
  add(profile.conduct.catalog.source, profile.conduct.catalog.asOf);
  const rows = [...sources].map(([source, asOf]) => ({ source, asOf }));
  return (
    <DataTable
      caption={`${rows.length} sources of this profile`}
      columns={[
        { header: "Source", value: (r: { source: string; asOf: string }) => r.source, cell: (r) => <LinkedText text={r.source} />, wrap: true },
        { header: "As of", value: (r: { source: string; asOf: string }) => r.asOf },
      ]}
      rows={rows}
      rowKey={(r) => r.source}
      csvName={`concord-${profile.state.iso3}-sources`}
      empty={<p className="muted">No source.</p>}
    />
  );
}

function Profile({ stateCode }: { readonly stateCode: string }) {
  const profile = use(loadStateProfile(stateCode));
  const { state, conduct } = profile;
  const catalogAsOf = conduct.catalog.asOf;
  return (
    <>
      <PageHeader
        title={state.name}
        kicker={
          <>
            <Link to="/states">States</Link> · {state.iso3}
          </>
        }
        lead={
          <p>
            UN {state.unStatus === "member" ? "Member State" : "observer State"}; {state.regionalGroupName}
            {state.groupStatus === "observer" ? " (observer)" : ""}.{state.note === null ? "" : ` ${state.note}.`}
            {profile.agencies.length === 0 ? "" : ` Agencies: ${profile.agencies.map((a) => `${a.name} (${a.code})`).join(", ")}.`} Catalog figures as of {catalogAsOf ?? "unknown"}.
          </p>
        }
      />
      <nav className="section-links no-print" aria-label="On this page">
        <a href="#commitments">Commitments</a> · <a href="#conduct">Conduct in orbit</a> · <a href="#consistency">Commitments beside conduct</a> · <a href="#sources">Sources</a>
      </nav>
      <section className="section" aria-labelledby="commitments">
        <h2 id="commitments" tabIndex={-1}>
          Commitments
        </h2>
        <CommitmentsTimeline profile={profile} />
        <DataTable
          caption="Fora"
          columns={[
            { header: "Forum", value: (f: Statement) => f.label },
            { header: "Standing", value: (f: Statement) => f.statement, cell: (f: Statement) => <span className={`standing standing-${f.status}`}>{f.statement}</span>, wrap: true },
            { header: "Source", value: (f: Statement) => f.source, cell: (f: Statement) => (f.source === null ? "—" : <LinkedText text={f.source} />), wrap: true },
            { header: "As of", value: (f: Statement) => f.asOf },
          ]}
          rows={profile.fora}
          rowKey={(f) => f.subject}
          csvName={`concord-${state.iso3}-fora`}
          empty={<p className="muted">No forum recorded.</p>}
        />
      </section>
      <section className="section" aria-labelledby="conduct">
        <h2 id="conduct" tabIndex={-1}>
          Conduct in orbit
        </h2>
        {!conduct.catalog.ingested ? (
          <p className="state state-empty">No catalog is stored: conduct in orbit is unknown. Ingest a SATCAT (npx concord ingest).</p>
        ) : (
          conduct.actors.map((actor) => (
            <section key={actor.actorCode} aria-label={actor.actorName}>
              <h3>
                {actor.actorName}
                {actor.relation === "predecessor" ? ` (predecessor, until ${actor.validTo ?? "?"}; counted apart)` : ""}
              </h3>
              <ActorConductPanel actor={actor} catalogSource={conduct.catalog.source} asOf={catalogAsOf} />
            </section>
          ))
        )}
        {conduct.shared.length === 0 ? null : (
          <DataTable
            caption="Organisations and companies it shares (objects not counted above)"
            columns={[
              { header: "Actor", value: (s: Shared) => s.actorName, wrap: true },
              { header: "Kind", value: (s: Shared) => s.kind },
              { header: "Member states", numeric: true, value: (s: Shared) => s.memberStates },
              { header: "On orbit", numeric: true, value: (s: Shared) => s.onOrbit },
              { header: "Catalogued", numeric: true, value: (s: Shared) => s.total },
            ]}
            rows={conduct.shared}
            rowKey={(s) => s.actorCode}
            csvName={`concord-${state.iso3}-shared-actors`}
            empty={null}
          />
        )}
        <h3>Conjunction exposure</h3>
        <ConjunctionExposure profile={profile} />
        <p>
          Post-mission-disposal compliance:{" "}
          {conduct.disposalCompliance.status === "known"
            ? `${formatCount(conduct.disposalCompliance.value.compliant)} of ${formatCount(conduct.disposalCompliance.value.assessed)} compliant`
            : `unknown (${conduct.disposalCompliance.reason})`}
          .
        </p>
      </section>
      <section className="section" aria-labelledby="consistency">
        <h2 id="consistency" tabIndex={-1}>
          Commitments beside conduct
        </h2>
        <ConsistencyView profile={profile} />
      </section>
      <section className="section" aria-labelledby="sources">
        <h2 id="sources" tabIndex={-1}>
          Sources
        </h2>
        <Sources profile={profile} />
      </section>
    </>
  );
}

/** A state's profile: commitments timeline, conduct in orbit, the consistency view and its sources. */
export default function StatePage() {
  const { iso3 = "" } = useParams();
  return (
    <section className="page">
      <AsyncBoundary what={`the profile of ${iso3}`} minHeight={600} resetKey={iso3} header={<PageHeader title={`State ${iso3}`} kicker={<Link to="/states">States</Link>} />}>
        <Profile stateCode={iso3} />
      </AsyncBoundary>
    </section>
  );
}
