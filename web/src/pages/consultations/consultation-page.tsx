import { useParams } from "react-router";
import { RequireRole } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CONSULTATION_READERS, ORGANISER_ROLES } from "./consultations-page.tsx";
import { OrganiserView } from "./organiser-view.tsx";
import { ReaderView } from "./reader-view.tsx";
import { useFreshness } from "./use-freshness.ts";
import "./consultations.css";

function ConsultationByRole({ id }: { readonly id: number }) {
  const { hasRole } = useSession();
  const { freshness, reload } = useFreshness();
  const header = <PageHeader title={`Consultation #${id}`} />;
  return (
    <AsyncBoundary what={`consultation #${id}`} minHeight={480} header={header}>
      {hasRole(...ORGANISER_ROLES) ? <OrganiserView id={id} freshness={freshness} reload={reload} /> : <ReaderView id={id} freshness={freshness} reload={reload} />}
    </AsyncBoundary>
  );
}

/**
 * One consultation: the organisers' view (admins, analysts) or the reader's view (an invited stakeholder, who may
 * comment; a viewer, read-only). A consultation a stakeholder was not invited to is "not found", as the API answers.
 */
export default function ConsultationPage() {
  const { id } = useParams();
  const number = Number(id);
  const valid = Number.isInteger(number) && number > 0;
  const { user } = useSession();
  const allowed = user !== null && CONSULTATION_READERS.includes(user.role);
  return (
    <section className="page consultations consultation-page">
      {allowed ? null : <PageHeader title="Consultation" />}
      <RequireRole roles={CONSULTATION_READERS} what="this consultation">
        {valid ? (
          <ConsultationByRole key={number} id={number} />
        ) : (
          <>
            <PageHeader title="Consultation not found" />
            <div className="state state-empty" role="status" data-state="not-found">
              <p className="state-title">“{id}” is not a consultation number.</p>
              <p>Consultation addresses look like /consultations/12; start from the list of consultations.</p>
            </div>
          </>
        )}
      </RequireRole>
    </section>
  );
}
