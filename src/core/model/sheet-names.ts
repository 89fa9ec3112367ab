/** Excel's limit on a worksheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts, unique against `taken` (lower-cased names): forbidden characters
 * (`[ ] : * ? / \`) become "-", leading and trailing apostrophes go, "History" (reserved by Excel) and
 * empty names become "Sheet", the name is cut to 31 characters, and " (2)", " (3)"… is appended until it
 * is free. Both renderers use it so an owned sheet never replaces a user's sheet of the same name.
 */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  if (base === '' || base.toLowerCase() === 'history') base = 'Sheet';
  base = [...base].slice(0, MAX_SHEET_NAME).join('');
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
