/**
 * Office failures as values. `context.sync()` rejects with an `OfficeExtension.Error`; the adapter only
 * relies on its `code`, read by shape so a fake Excel (or a second copy of office.js) is handled alike.
 */

/** The Office error code of a rejection ("InvalidOperationInCellEditMode"), or null for anything else. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** The location Excel names in the error's debug info ("Range.values"), when it gives one. */
export function officeErrorLocation(error: unknown): string {
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  return typeof info?.errorLocation === 'string' ? info.errorLocation : '';
}

/** A failure the adapter raises itself, with the code and parameters of its message. */
export class AdapterError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AdapterError';
  }
}
