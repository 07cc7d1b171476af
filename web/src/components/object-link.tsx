import { Link } from "react-router";

/** "ISS (ZARYA)" linked to its object page, with the catalog number beside it. */
export function ObjectLink({ catalogNumber, name }: { readonly catalogNumber: number; readonly name: string | null }) {
  return (
    <Link to={`/objects/${catalogNumber}`} className="object-link">
      {name ?? "unnamed"} <span className="catalog-number">{catalogNumber}</span>
    </Link>
  );
}
