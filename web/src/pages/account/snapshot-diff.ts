/** One field of an audit entry's before/after snapshots, compared. */
export interface SnapshotChange {
  /** The field's path in the JSON (`role`, `after.items[0].name`); "(value)" for a snapshot that is not an object. */
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly change: "added" | "removed" | "changed" | "same";
}

const MAX_DEPTH = 6;

function leafText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "null";
  return JSON.stringify(value) ?? String(value);
}

/** Flattens a JSON value to path → text (objects and arrays into their fields; deeper than 6 levels as JSON). */
function flatten(value: unknown, path: string, into: Map<string, string>, depth: number): void {
  const isObject = typeof value === "object" && value !== null;
  if (!isObject || depth >= MAX_DEPTH) {
    into.set(path === "" ? "(value)" : path, leafText(value));
    return;
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [`[${index}]`, item] as const) : Object.entries(value).map(([key, item]) => [key, item] as const);
  if (entries.length === 0) {
    into.set(path === "" ? "(value)" : path, Array.isArray(value) ? "[]" : "{}");
    return;
  }
  for (const [key, item] of entries) flatten(item, path === "" || key.startsWith("[") ? `${path}${key}` : `${path}.${key}`, into, depth + 1);
}

/**
 * The field-by-field difference of two audit snapshots (null = did not exist / removed), in the order the fields
 * appear (before's first, then those only after has). Pure.
 */
export function snapshotDiff(before: unknown, after: unknown): SnapshotChange[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, "", left, 0);
  if (after !== null && after !== undefined) flatten(after, "", right, 0);
  const paths = [...left.keys(), ...[...right.keys()].filter((path) => !left.has(path))];
  return paths.map((path) => {
    const b = left.get(path);
    const a = right.get(path);
    const change = b === undefined ? "added" : a === undefined ? "removed" : a === b ? "same" : "changed";
    return { path, before: b, after: a, change };
  });
}
