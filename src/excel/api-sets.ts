/**
 * Requirement sets above the manifest's minimum (ExcelApi 1.9) as values. A function that calls an API
 * of a higher set takes an {@link ApiSetProof} of that set as a parameter; the only way to get one is
 * {@link proveExcelApi}, which asks `isSetSupported`. `scripts/check-api-sets.ts` accepts such a
 * function's calls as guarded, and fails on unguarded ones.
 */

/** Evidence that the running Excel supports ExcelApi `V`. */
export interface ApiSetProof<V extends string> {
  readonly excelApi: V;
}

/** A proof for ExcelApi `version` when the running Excel supports it, else null. */
export function proveExcelApi<V extends string>(isSetSupported: (name: string, version: string) => boolean, version: V): ApiSetProof<V> | null {
  return isSetSupported('ExcelApi', version) ? { excelApi: version } : null;
}

/** How messages are attached to cells: notes (ExcelApi 1.18), else comments (1.10), else not at all. */
export type NoteMode =
  | { kind: 'notes'; api: ApiSetProof<'1.18'> }
  | { kind: 'comments'; api: ApiSetProof<'1.10'> }
  | { kind: 'none' };

/** Picks the richest annotation the running Excel supports. */
export function pickNoteMode(isSetSupported: (name: string, version: string) => boolean): NoteMode {
  const notes = proveExcelApi(isSetSupported, '1.18');
  if (notes) return { kind: 'notes', api: notes };
  const comments = proveExcelApi(isSetSupported, '1.10');
  if (comments) return { kind: 'comments', api: comments };
  return { kind: 'none' };
}
