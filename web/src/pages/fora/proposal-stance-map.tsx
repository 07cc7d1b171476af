import { useMemo } from "react";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { WorldMap } from "../../map/world-map.tsx";
import type { DerivedStance, ProposalDetail } from "./fora-queries.ts";
import { STANCE_CODES, STANCE_LABELS, STANCE_ORDER, basisLabel, stanceClasses } from "./stance-classes.ts";

type StateStance = ProposalDetail["stances"]["states"][number];

/** Each State's derived stance on a world map (Natural Earth outlines), with the tally in the legend. */
export function ProposalStanceMap({ proposal }: { readonly proposal: ProposalDetail }) {
  const { states, tally, expandGroups } = proposal.stances;
  const values = useMemo(() => new Map(states.map((s) => [s.iso3, STANCE_CODES[s.stance]])), [states]);
  const counts = useMemo(() => ({ supports: tally.supports.count, opposes: tally.opposes.count, reserves: tally.reserves.count, silent: tally.silent.count }), [tally]);
  const classes = useMemo(() => stanceClasses(counts), [counts]);
  const byCode = new Map<number, DerivedStance>(STANCE_ORDER.map((s) => [STANCE_CODES[s], s]));
  return (
    <FigureFrame
      title={`Where the States stand: ${proposal.title}`}
      subtitle={`${counts.supports} support, ${counts.opposes} oppose, ${counts.reserves} reserve, ${counts.silent} silent of ${states.length} States${expandGroups ? "; groups expanded: a silent State takes the stance of a group that spoke for it" : "; own statements only"}.`}
      source={<SourceNote>the statements recorded in Concord (each State's deciding statement and its source: the table below); Natural Earth 1:110m outlines (world-atlas).</SourceNote>}
      csv={{
        name: `concord-proposal-${proposal.id}-stance-map${expandGroups ? "-groups-expanded" : ""}`,
        columns: [
          { header: "iso3", value: (s: StateStance) => s.iso3 },
          { header: "stance", value: (s: StateStance) => s.stance },
          { header: "basis", value: (s: StateStance) => s.basis },
        ],
        rows: states,
      }}
    >
      <WorldMap
        values={values}
        classes={classes}
        noDataLabel="not on the registry's list of States"
        describe={(v) => {
          const stance = byCode.get(v);
          return stance === undefined ? "" : STANCE_LABELS[stance];
        }}
        label={`World map of the stances on ${proposal.title}: ${counts.supports} support, ${counts.opposes} oppose, ${counts.reserves} reserve, ${counts.silent} silent`}
      />
      <p className="visually-hidden">{states.filter((s) => s.basis !== "none").map((s) => `${s.name}: ${s.stance}, ${basisLabel(s.basis, s.via)}`).join("; ")}</p>
    </FigureFrame>
  );
}
