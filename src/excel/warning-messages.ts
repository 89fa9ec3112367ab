import { Bilingual, fmt, Lang } from '../core/model/i18n';
import { RunWarning } from './ops';

/**
 * What the user reads when a check finished but something may keep them from seeing its results, in both
 * languages. Unlike the error messages, these never stop a run.
 */
export const WARNING_MESSAGES = {
  ConditionalFormatOverHighlight: {
    en: '{cells} highlighted cell(s) on “{sheet}” are under your conditional formatting, which Excel draws over the highlight; the “{findingsSheet}” sheet lists them all.',
    zh: '工作表“{sheet}”中有 {cells} 个已标记的单元格位于您设置的条件格式范围内，Excel 会将条件格式绘制在标记之上；“{findingsSheet}”工作表列出了全部结果。',
  },
} satisfies Record<string, Bilingual>;

/** The warning for cells hidden under conditional formats, one per sheet (in the order given). */
export function conditionalFormatWarnings(counts: ReadonlyMap<string, number>, findingsSheet: string, lang: Lang): RunWarning[] {
  return [...counts].map(([sheet, cells]) => ({
    code: 'ConditionalFormatOverHighlight',
    sheet,
    cells,
    message: fmt(WARNING_MESSAGES.ConditionalFormatOverHighlight, lang, { sheet, cells, findingsSheet }),
  }));
}
