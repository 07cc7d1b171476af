import type { Schemas } from "../../api/api-client.ts";

/** Someone a position names (author, editor, clearer, citer): display name and, where it had a user, its e-mail. */
export type PositionPerson = Schemas["PositionPerson"];

/** The person's display name; the e-mail on hover (and for assistive technology), none for a write without a user. */
export function PersonName({ person }: { readonly person: PositionPerson }) {
  return (
    <span className="person-name" title={person.email ?? undefined} data-user-id={person.userId ?? undefined}>
      {person.displayName}
    </span>
  );
}

/** The person as plain text: "Alice Analyst" in running text, or "Alice Analyst <alice@example.org>" with `withEmail` (exports). */
export function personText(person: PositionPerson, withEmail = false): string {
  return withEmail && person.email !== null && person.email !== person.displayName ? `${person.displayName} <${person.email}>` : person.displayName;
}
