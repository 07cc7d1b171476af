import { useId } from "react";
import type { FormEvent } from "react";

/** The names of a templated API path's parameters: /api/states/{state} → ["state"]. */
function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

/** Opens one API request (JSON) with its path parameters filled in: the data of a page that is still to come. */
export function ApiRequestForm({ path }: { readonly path: string }) {
  const id = useId();
  const parameters = pathParameters(path);
  if (parameters.length === 0) {
    return (
      <a href={path}>
        <code>GET {path}</code>
      </a>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(data.get(name) ?? "").trim()));
    window.location.assign(url);
  };
  return (
    <form className="api-request" onSubmit={submit} aria-label={`GET ${path}`}>
      <code>GET {path}</code>
      {parameters.map((name) => (
        <label key={name} htmlFor={`${id}-${name}`} className="api-request-field">
          <span>{name}</span>
          <input id={`${id}-${name}`} name={name} required autoComplete="off" size={14} />
        </label>
      ))}
      <button type="submit" className="button-secondary">
        Open JSON
      </button>
    </form>
  );
}
