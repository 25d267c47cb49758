// How lists are answered: a whole list in `data`, or a page of it with the cursor of the next.

/** A list answered whole. */
export interface List<T> {
  data: T[];
}

/** One page of a newest-first list; pass `nextCursor` as `cursor` for the next (null: the last page). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
