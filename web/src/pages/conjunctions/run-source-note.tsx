import type { ScreeningRun } from "../../api/screening-queries.ts";
import { SourceNote } from "../../components/source-note.tsx";
import { formatCount, formatDay, formatUtc } from "../../format/figures.ts";

/** "Source: screening run #3 (Concord x.y, finished …) of element sets with epochs … ." */
export function RunSourceNote({ run }: { readonly run: ScreeningRun }) {
  return (
    <SourceNote>
      screening run #{run.id} ({run.softwareVersion}, finished {formatUtc(run.finishedAt)}) of {formatCount(run.elementSets.objects)} element sets with epochs{" "}
      {formatDay(run.elementSets.epochMin)} to {formatDay(run.elementSets.epochMax)} (median {formatDay(run.elementSets.epochMedian)}, ingests{" "}
      {run.elementSets.ingestIds.map((id) => `#${id}`).join(", ")}){run.elementSets.staleCount > 0 ? `; ${formatCount(run.elementSets.staleCount)} older than ${run.elementSets.staleAfterDays} days at the window start` : ""}.
    </SourceNote>
  );
}
