/** A window onto a long result: at most `limit` items after skipping `offset`. */
export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/** One page of items and the total number of matches (for paging controls). */
export interface PageOf<T> {
  readonly total: number;
  readonly items: T[];
}
