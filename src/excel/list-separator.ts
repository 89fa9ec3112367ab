import { AreaSeparator } from './addresses';
import { officeErrorCode } from './office-errors';

/**
 * Which separator `Worksheet.getRanges` takes between areas on this Excel. Microsoft documents a comma,
 * but Excel desktop parses the address with the list separator of the user's locale (";" in German,
 * Italian, Czech…) and answers InvalidArgument to the other one (office-js issues #1167, #1985), and
 * Office.js exposes no way to read that setting. So each run asks once, with a two-area address of
 * empty-looking cells that only loads `areaCount` and changes nothing.
 */

const CANDIDATES: readonly Exclude<AreaSeparator, null>[] = [',', ';'];

/**
 * The separator this Excel accepts, tried on `sheet` (any sheet of the workbook); null when it accepts
 * neither, and callers then name one area per call. One sync per candidate tried. Errors other than
 * Excel refusing the address (cell-edit mode, a sheet gone) are the caller's to report.
 */
export async function probeAreaSeparator(context: Excel.RequestContext, sheet: string): Promise<AreaSeparator> {
  const ws = context.workbook.worksheets.getItem(sheet);
  for (const separator of CANDIDATES) {
    const areas = ws.getRanges(`A1${separator}C3`).load('areaCount');
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) === 'InvalidArgument') continue;
      throw e;
    }
    if (areas.areaCount === 2) return separator;
  }
  return null;
}
