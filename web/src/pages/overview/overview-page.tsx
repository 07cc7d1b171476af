import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { FreshnessPanel } from "./freshness-panel.tsx";
import { LatestScreening } from "./latest-screening.tsx";
import { GrowthFigure, PopulationByStateFigure, PopulationByTypeFigure } from "./population-figures.tsx";
import { PopulationMap } from "./population-map.tsx";

/** The first page: data freshness, the orbital population by state, type and launch year, and the latest screening. */
export default function OverviewPage() {
  return (
    <section className="page">
      <PageHeader
        title="Overview"
        lead={
          <p>
            The public space-object catalog as Concord holds it, attributed to states and organisations, and the latest conjunction screening. Every figure
            names its source and as-of date.
          </p>
        }
      />
      <section aria-labelledby="freshness-heading" className="section">
        <h2 id="freshness-heading">Data freshness</h2>
        <AsyncBoundary what="the data sources" minHeight={132}>
          <FreshnessPanel />
        </AsyncBoundary>
      </section>
      <section aria-labelledby="population-heading" className="section">
        <h2 id="population-heading">The orbital population</h2>
        <div className="grid-2">
          <AsyncBoundary what="objects by state" minHeight={480}>
            <PopulationByStateFigure />
          </AsyncBoundary>
          <AsyncBoundary what="objects by type" minHeight={480}>
            <PopulationByTypeFigure />
          </AsyncBoundary>
        </div>
        <AsyncBoundary what="objects by launch year" minHeight={420}>
          <GrowthFigure />
        </AsyncBoundary>
        <AsyncBoundary what="the map of objects by state" minHeight={560}>
          <PopulationMap />
        </AsyncBoundary>
      </section>
      <section aria-labelledby="screening-heading" className="section">
        <h2 id="screening-heading">Latest conjunction screening</h2>
        <AsyncBoundary what="the latest screening run" minHeight={420}>
          <LatestScreening />
        </AsyncBoundary>
      </section>
    </section>
  );
}
