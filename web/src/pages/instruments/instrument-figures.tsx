import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { InstrumentView, VoteView } from "../../api/diplomacy-queries.ts";
import { CiteButton } from "../../components/cite-button.tsx";
import { instrumentParticipantsFigure } from "../../components/cite-figures.ts";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { WorldMap } from "../../map/world-map.tsx";
import { MEMBERSHIP_CODES, VOTE_CODES, membershipClasses, voteClasses } from "./standing-classes.ts";

type Year = InstrumentView["growth"]["years"][number];

/** "as of 2026-04-20" from the coverage date, else the registry's as-of date. */
export function instrumentAsOf(view: InstrumentView): string {
  return view.instrument.coverageAsOf ?? view.instrument.asOf;
}

/** The membership map: in, signed only, withdrew, known not in, unknown; each class labelled, counted and textured. */
export function MembershipMap({ view }: { readonly view: InstrumentView }) {
  const { values, counts } = useMemo(() => {
    const map = new Map<string, number>();
    const set = (rows: readonly { party: string }[], code: number) => rows.forEach((r) => map.set(r.party, code));
    set(view.participants, MEMBERSHIP_CODES.participant);
    set(view.signatories, MEMBERSHIP_CODES.signatory);
    set(view.withdrawn, MEMBERSHIP_CODES.withdrawn);
    set(view.knownOut, MEMBERSHIP_CODES["not-participant"]);
    view.unknown.forEach((s) => map.set(s.iso3, MEMBERSHIP_CODES.unknown));
    return {
      values: map,
      counts: { participant: view.participants.length, signatory: view.signatories.length, withdrawn: view.withdrawn.length, "not-participant": view.knownOut.length, unknown: view.unknown.length },
    };
  }, [view]);
  const classes = useMemo(() => membershipClasses(counts), [counts]);
  const labels: Record<number, string> = { 1: "in", 2: "signed only", 3: "withdrew", 4: "known not in", 5: "unknown (no act stored; the stored acts are not complete)" };
  return (
    <FigureFrame
      title={`Who is in the ${view.instrument.shortName}`}
      subtitle={`${counts.participant} in, ${counts.signatory} signed only, ${counts.withdrawn} withdrew, ${counts["not-participant"]} known not in, ${counts.unknown} unknown, as of ${instrumentAsOf(view)}. Stored acts are ${view.instrument.coverage === "complete" ? "complete: a state without an act is known not to be in" : "partial: a state without an act is unknown, not out"}.`}
      source={
        <SourceNote>
          <LinkedText text={view.instrument.source} />; Natural Earth 1:110m outlines (world-atlas).
        </SourceNote>
      }
      csv={{
        name: `concord-${view.instrument.id}-membership`,
        columns: [
          { header: "iso3", value: (r: [string, number]) => r[0] },
          { header: "standing", value: (r: [string, number]) => labels[r[1]] ?? "" },
        ],
        rows: [...values].sort((a, b) => a[0].localeCompare(b[0])),
      }}
    >
      <WorldMap values={values} classes={classes} noDataLabel="not on the registry's list of states" describe={(v) => labels[v] ?? ""} label={`World map of the ${view.instrument.shortName}: ${counts.participant} in, ${counts["not-participant"]} known not in, ${counts.unknown} unknown`} />
    </FigureFrame>
  );
}

/** The cumulative number of participants by year (a step line), with those who joined each year. */
export function GrowthCurve({ view }: { readonly view: InstrumentView }) {
  const years = view.growth.years;
  const last = years.at(-1);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: 280,
        marginLeft: 48,
        marginRight: 30,
        style: { fontSize: "12px" },
        x: { label: "Year", tickFormat: "d", ticks: Math.min(years.length, 12) },
        y: { label: "Participants (cumulative)", grid: true, domain: [0, Math.max(1, ...years.map((y) => y.cumulative)) * 1.1] },
        marks: [
          Plot.rectY(years, { x1: (y: Year) => y.year - 0.4, x2: (y: Year) => y.year + 0.4, y: "joined", fill: CATEGORY.sky, title: (y: Year) => `${y.year}: ${y.joined} joined` }),
          Plot.lineY(years, { x: "year", y: "cumulative", stroke: CATEGORY.blue, strokeWidth: 2.5, curve: "step-after" }),
          Plot.dot(years, { x: "year", y: "cumulative", fill: CATEGORY.blue, r: 3.5 }),
          Plot.text(years, { x: "year", y: "cumulative", text: (y: Year) => String(y.cumulative), dy: -10, fontWeight: 600 }),
          Plot.ruleY([0]),
        ],
      }),
    [years],
  );
  return (
    <FigureFrame
      title={`Growth of the ${view.instrument.shortName}`}
      subtitle={
        last === undefined ? (
          "No dated act."
        ) : (
          <>
            <span data-testid="participants-figure">{last.cumulative}</span> participants as of {instrumentAsOf(view)}
            <CiteButton figure={instrumentParticipantsFigure(view)} />; line: cumulative, light bars: joined that year.
            {view.growth.undated === 0 ? "" : ` ${view.growth.undated} participants with an unknown date are not counted in the curve.`}
          </>
        )
      }
      source={<SourceNote>each act's date and source (the table below); <LinkedText text={view.instrument.source} />.</SourceNote>}
      csv={{
        name: `concord-${view.instrument.id}-growth`,
        columns: [
          { header: "year", value: (y: Year) => y.year },
          { header: "joined", value: (y: Year) => y.joined },
          { header: "withdrawn", value: (y: Year) => y.withdrawn },
          { header: "cumulative", value: (y: Year) => y.cumulative },
        ],
        rows: years,
      }}
    >
      {years.length === 0 ? <p className="muted">No dated act is stored.</p> : <PlotFigure render={render} height={310} label={`Cumulative participants: ${years.map((y) => `${y.year} ${y.cumulative}`).join(", ")}`} />}
    </FigureFrame>
  );
}

/** A recorded vote's map: yes, no, abstain, absent or non-voting, and unknown (not stored) kept apart. */
export function VoteMap({ votes }: { readonly votes: VoteView }) {
  const { values, counts } = useMemo(() => {
    const map = new Map<string, number>();
    for (const group of votes.votes) for (const s of group.states) map.set(s.iso3, VOTE_CODES[group.vote]);
    for (const s of votes.unknownStates) map.set(s.iso3, VOTE_CODES.unknown);
    return {
      values: map,
      counts: { yes: votes.known.yes, no: votes.known.no, abstain: votes.known.abstain, absent: votes.known.absent + votes.known["non-voting"], unknown: votes.unknownStates.length },
    };
  }, [votes]);
  const classes = useMemo(() => voteClasses(counts), [counts]);
  const labels: Record<number, string> = { 1: "yes", 2: "no", 3: "abstain", 4: "absent or non-voting", 5: "unknown (vote not stored)" };
  const recorded = votes.recorded;
  return (
    <FigureFrame
      title={`How states voted: ${votes.instrument.shortName}`}
      subtitle={
        <>
          Published tally: {recorded === null ? "not recorded" : `${recorded.yes ?? "?"} yes, ${recorded.no ?? "?"} no, ${recorded.abstain ?? "?"} abstain, ${recorded.nonVoting ?? "?"} not voting`}. Stored per
          state: {counts.yes} yes, {counts.no} no, {counts.abstain} abstain, {counts.absent} absent or non-voting; {counts.unknown} states' votes are not stored (unknown, not
          absent){votes.consistent ? "" : ". The stored votes do not match the published tally"}.
        </>
      }
      source={
        <SourceNote>
          <LinkedText text={votes.instrument.source} /> (as of {votes.instrument.asOf}); Natural Earth 1:110m outlines (world-atlas).
        </SourceNote>
      }
      csv={{
        name: `concord-${votes.instrument.id}-votes`,
        columns: [
          { header: "iso3", value: (r: [string, number]) => r[0] },
          { header: "vote", value: (r: [string, number]) => labels[r[1]] ?? "" },
        ],
        rows: [...values].sort((a, b) => a[0].localeCompare(b[0])),
      }}
    >
      <WorldMap values={values} classes={classes} noDataLabel="no vote (not eligible or not on the list)" describe={(v) => labels[v] ?? ""} label={`World map of the votes on ${votes.instrument.shortName}: ${counts.no} no, ${counts.abstain} abstain`} />
    </FigureFrame>
  );
}
