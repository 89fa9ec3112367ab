import { Bilingual, fmt, Lang } from '../core/model/i18n';
import { errorMessage } from './error-messages';
import { AdapterError, officeErrorCode } from './office-errors';
import { OpResult } from './ops';

/** What the user reads when inserting or applying a template cannot go ahead. */
export const TEMPLATE_ERRORS: Record<string, Bilingual> = {
  TemplateSheetNotFound: {
    en: 'Sheet “{sheet}” was not found. Pick the sheet again (it may have been renamed or deleted).',
    zh: '找不到工作表“{sheet}”。请重新选择工作表（可能已被重命名或删除）。',
  },
  TemplateNoColumns: {
    en: 'No column of sheet “{sheet}” matches the {template} template ({expected}…). Check that its headers are in row 1.',
    zh: '工作表“{sheet}”中没有与{template}模板匹配的列（{expected}…）。请确认表头位于第 1 行。',
  },
  TemplateSheetProtected: {
    en: 'Sheet “{sheet}” is protected. Unprotect it (Review › Unprotect Sheet), then apply the template again.',
    zh: '工作表“{sheet}”受保护。请先撤销保护（审阅 › 撤销工作表保护），然后重新应用模板。',
  },
  TemplateHasTable: {
    en: 'Sheet “{sheet}” already has an Excel table where the template would go.',
    zh: '工作表“{sheet}”在模板位置已有 Excel 表格。',
  },
};

/** An Office failure or an adapter condition as a message the user can act on. */
export function templateFailure<T>(error: unknown, lang: Lang): OpResult<T> {
  if (error instanceof AdapterError) {
    const text = TEMPLATE_ERRORS[error.code];
    return { ok: false, code: error.code, message: text ? fmt(text, lang, error.params) : errorMessage(error.code, lang, error.params) };
  }
  const code = officeErrorCode(error);
  if (code) return { ok: false, code, message: errorMessage(code, lang) };
  return {
    ok: false,
    code: 'Internal',
    message: errorMessage('Internal', lang, { detail: error instanceof Error ? error.message : String(error) }),
  };
}
