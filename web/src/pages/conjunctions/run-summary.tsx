import type { ScreeningRun } from "../../api/screening-queries.ts";
import { formatCount, formatDay, formatDuration, formatUtc } from "../../format/figures.ts";

/** A run's settings, snapshot, warnings and guarantee, in words. */
export function RunSummary({ run }: { readonly run: ScreeningRun }) {
  return (
    <div className="run-summary">
      <p>
        {run.primaries.selector === "all" ? "Every object against every other" : `${formatCount(run.primaries.count ?? 0)} primaries (${run.primaries.selector}) against every object`},{" "}
        {formatUtc(run.window.from)} to {formatUtc(run.window.to)}, every approach within <strong>{run.thresholdKm} km</strong>:{" "}
        <strong>{formatCount(run.eventsCount)} events</strong>. {formatCount(run.elementSets.objects)} element sets, epochs {formatDay(run.elementSets.epochMin)} to{" "}
        {formatDay(run.elementSets.epochMax)} (median {formatDay(run.elementSets.epochMedian)}). Computed in {formatDuration(run.durationMs)} on {run.threads} threads
        by {run.softwareVersion}.
      </p>
      {run.warnings.length === 0 ? null : (
        <ul className="warnings">
          {run.warnings.map((warning) => (
            <li key={warning} className="warning">
              <span aria-hidden="true">⚠ </span>
              {warning}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Algorithm, guarantee and collision-probability method</summary>
        <p>{run.algorithm}</p>
        <p>{run.guarantee}</p>
        {run.pcNote === null ? null : <p>{run.pcNote}</p>}
        <p>Active payloads: {run.activeSet.definition}{run.activeSet.asOf === null ? "" : ` (active set as of ${formatDay(run.activeSet.asOf)})`}.</p>
      </details>
    </div>
  );
}
