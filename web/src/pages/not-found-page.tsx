import { Link, useLocation } from "react-router";
import { PageHeader } from "../components/page-header.tsx";

export default function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="page">
      <PageHeader title="Page not found" />
      <div className="state state-empty">
        <p className="state-title">There is no page at {location.pathname}.</p>
        <p>
          Check the address, or start from the <Link to="/">overview</Link>. Objects are at /objects/&lt;catalog number&gt;, conjunction events at
          /conjunctions/events/&lt;id&gt;.
        </p>
      </div>
    </section>
  );
}
