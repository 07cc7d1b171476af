import type { ReactNode } from "react";
import { Link } from "react-router";
import type { EnvironmentSources } from "../../api/environment-queries.ts";
import { SourceNote } from "../../components/source-note.tsx";
import { baseName, formatCount, formatDay } from "../../format/figures.ts";

interface LifetimeModel {
  readonly name: string;
  readonly calibration: string;
  readonly horizonYears: number;
  readonly spaceWeather: { readonly mode: string; readonly observedThrough: string | null };
}

/** The source line of an environment figure: analysis date, SATCAT, element sets, space weather, lifetime model. */
export function EnvironmentSourceNote({ sources, model, prefix }: { readonly sources: EnvironmentSources; readonly model?: LifetimeModel; readonly prefix?: ReactNode }) {
  const sets = sources.elementSets;
  return (
    <SourceNote>
      {prefix}analysis as of {formatDay(sources.analysisDate)};{" "}
      {sources.satcat === null ? (
        "no SATCAT ingested"
      ) : (
        <>
          SATCAT <Link to={`/sources/${sources.satcat.ingestId}`} title={sources.satcat.source}>{baseName(sources.satcat.source)}</Link> (ingest #{sources.satcat.ingestId}
          {sources.satcat.dataAsOf === null ? "" : `, data as of ${formatDay(sources.satcat.dataAsOf)}`})
        </>
      )}
      ; element sets of {formatCount(sets.objectsWithSets)} objects
      {sets.ingests.slice(0, 3).map((ingest) => (
        <span key={ingest.ingestId}>
          {" "}
          from <Link to={`/sources/${ingest.ingestId}`} title={ingest.source}>{baseName(ingest.source)}</Link> (#{ingest.ingestId}, {formatCount(ingest.setsUsed)})
        </span>
      ))}
      {sets.ingests.length > 3 ? ` and ${sets.ingests.length - 3} more ingests` : ""}
      {sets.epochMin === null ? "" : `, epochs ${formatDay(sets.epochMin)} to ${formatDay(sets.epochMax)}`}
      {model === undefined ? null : (
        <>
          ; space weather{" "}
          {sources.spaceWeather === null ? (
            "none"
          ) : (
            <>
              <Link to={`/sources/${sources.spaceWeather.ingestId}`} title={sources.spaceWeather.source}>{baseName(sources.spaceWeather.source)}</Link> (ingest #{sources.spaceWeather.ingestId}, observed to{" "}
              {formatDay(sources.spaceWeather.observedTo)})
            </>
          )}
          ; lifetime model {model.name} ({model.calibration} calibration, horizon {model.horizonYears} years)
        </>
      )}
      .
    </SourceNote>
  );
}
