import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use. Its ~160 modules cost more than `recon`'s whole start-up budget
 * (DESIGN.md: under 0.3 s); only the owned sheets' rendering and the exceljs road of `--out` need it,
 * so `recon --help`, `verify` and a check without `--out` never load it. Modules that use exceljs
 * only for types import it with `import type`.
 */
let loaded: typeof ExcelJS | null = null;

export function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load deferred to first use; callers are sync too
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
