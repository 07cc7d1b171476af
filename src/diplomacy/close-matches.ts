/**
 * Suggestions for a mistyped code or name: the candidates whose code or name is nearest the text (edit distance, with
 * a name or code that contains the text counted as near; among equally near ones, the longest common start first). Pure.
 */
export interface NamedCandidate {
  readonly code: string;
  readonly name: string;
}

export function closeMatches<T extends NamedCandidate>(text: string, candidates: readonly T[], max = 3): T[] {
  const query = text.trim().toLowerCase();
  if (query === "") return [];
  const scored = candidates.map((candidate) => {
    const code = candidate.code.toLowerCase();
    const name = candidate.name.toLowerCase();
    const contains = query.length >= 3 && (name.includes(query) || code.includes(query));
    const distance = Math.min(editDistance(query, code), editDistance(query, name), contains ? 1 : Number.POSITIVE_INFINITY);
    return { candidate, distance, prefix: Math.max(commonPrefix(query, code), commonPrefix(query, name)) };
  });
  const limit = Math.max(2, Math.ceil(query.length / 3));
  return scored
    .filter((s) => s.distance <= limit)
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.candidate.code.localeCompare(b.candidate.code))
    .slice(0, max)
    .map((s) => s.candidate);
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
