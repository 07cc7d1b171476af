/**
 * JSON Pointer (RFC 6901): `/commitments/0/answer/value` names one value inside a JSON document. `""` is the whole
 * document; `~1` stands for `/` and `~0` for `~` inside a token. Pure.
 */

/** The pointer's reference tokens, unescaped; null when the text is not a JSON pointer. */
export function parseJsonPointer(pointer: string): string[] | null {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return null;
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split("/")) {
    if (/~[^01]|~$/.test(raw)) return null;
    tokens.push(raw.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  return tokens;
}

/** Tokens back into a pointer (escaping `~` and `/`). */
export function formatJsonPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** The chain of values a pointer walks through, the document first and the target last; null where it leads nowhere. */
export function resolveJsonPointerPath(document: unknown, tokens: readonly string[]): unknown[] | null {
  const chain: unknown[] = [document];
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      // An array index: "0" or digits without a leading zero; "-" (past the end) names nothing to read.
      if (!/^(0|[1-9]\d*)$/.test(token)) return null;
      const index = Number(token);
      if (index >= current.length) return null;
      current = current[index] as unknown;
    } else if (current !== null && typeof current === "object") {
      if (!Object.hasOwn(current, token)) return null;
      current = (current as Record<string, unknown>)[token];
    } else {
      return null;
    }
    chain.push(current);
  }
  return chain;
}
