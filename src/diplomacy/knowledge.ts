/**
 * Unknown is not no. Every answer the registry gives about a state is one of: known (with the value and what it rests
 * on), unknown (the sources stored do not say), or not applicable (the question has no answer for this state: an
 * observer State has no vote in the General Assembly; no state acts apply to consensus guidelines).
 */
export type Knowledge<T> =
  | { readonly status: "known"; readonly value: T }
  | { readonly status: "unknown"; readonly reason: string }
  | { readonly status: "not-applicable"; readonly reason: string };

export function known<T>(value: T): Knowledge<T> {
  return { status: "known", value };
}

export function unknown<T>(reason: string): Knowledge<T> {
  return { status: "unknown", reason };
}

export function notApplicable<T>(reason: string): Knowledge<T> {
  return { status: "not-applicable", reason };
}
