import { Link } from "react-router";
import { EmptyState } from "../../components/status-states.tsx";

/** The state of a store without space weather: what the lifetime model needs and how to provide it. */
export function SpaceWeatherNeeded({ message }: { readonly message: string }) {
  return (
    <EmptyState title="Orbital lifetimes need space weather, and the store has none yet." minHeight={200}>
      <p>The server said: {message}.</p>
      <p>
        Ingest CelesTrak's space-weather file (<code>concord ingest path/to/SW-All.csv</code>), then reload this page. The <Link to="/debris/trends">environment trends</Link>{" "}
        need no lifetimes and are available now.
      </p>
    </EmptyState>
  );
}
