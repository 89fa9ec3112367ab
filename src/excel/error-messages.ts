import { Bilingual, fmt, Lang } from '../core/model/i18n';

/**
 * What the user reads when a workbook operation fails: what happened and what to do next, in both
 * languages. Keys are Office error codes (so a new Office code falls back to `Unknown`) plus the
 * adapter's own conditions.
 */
export const ERROR_MESSAGES: Record<string, Bilingual> = {
  InvalidOperationInCellEditMode: {
    en: 'Excel is busy editing a cell. Finish editing the cell (press Enter or Esc), then run the check again.',
    zh: 'Excel 正在编辑单元格。请先结束编辑（按 Enter 或 Esc），然后重新运行检查。',
  },
  RequestPayloadSizeLimitExceeded: {
    en: 'Excel refused a step as too large. Close other workbooks or split the data over more sheets, then run the check again.',
    zh: 'Excel 认为单次操作的数据量过大而拒绝执行。请关闭其他工作簿或将数据拆分到更多工作表后重新运行检查。',
  },
  ResponsePayloadSizeLimitExceeded: {
    en: 'Excel could not send back that much data at once. Split the data over more sheets, then run the check again.',
    zh: 'Excel 无法一次返回这么多数据。请将数据拆分到更多工作表后重新运行检查。',
  },
  RangeExceedsLimit: {
    en: 'A sheet is too large to read at once. Remove unused rows and columns (Ctrl+End shows the last used cell), then run the check again.',
    zh: '工作表过大，无法一次读取。请删除未使用的行和列（按 Ctrl+End 查看最后使用的单元格），然后重新运行检查。',
  },
  SheetProtected: {
    en: 'Sheet “{sheet}” is protected, so its cells cannot be highlighted. Unprotect it (Review › Unprotect Sheet), then run the check again.',
    zh: '工作表“{sheet}”受保护，无法标记其中的单元格。请先撤销保护（审阅 › 撤销工作表保护），然后重新运行。',
  },
  DateSystem1904: {
    en: 'This workbook uses the 1904 date system (Excel for Mac’s old default), which this version of Excel does not let the add-in read, so every date would be taken 4 years and a day early. To check it, save the workbook and run “recon check” on the file, which reads the date system from it. Do not switch the option off: that would move every date in the workbook.',
    zh: '本工作簿使用 1904 日期系统（旧版 Mac Excel 的默认设置），当前 Excel 版本不允许加载项读取该设置，所有日期都会被误读为早 4 年零 1 天。如需检查，请保存工作簿并对文件运行“recon check”（它会从文件读取日期系统）。请勿关闭该选项：那会使工作簿中的所有日期发生变化。',
  },
  WorkbookProtected: {
    en: 'The workbook’s structure is protected, so the add-in cannot add or replace its Findings sheet. Unprotect it (Review › Protect Workbook, with the password if one was set), then try again.',
    zh: '工作簿结构受保护，加载项无法添加或替换结果表。请先撤销保护（审阅 › 保护工作簿，如设置了密码请输入），然后重试。',
  },
  AccessDenied: {
    en: 'Excel did not allow the change, usually because a sheet or the workbook is protected. Unprotect it (Review › Unprotect Sheet / Protect Workbook), then try again.',
    zh: 'Excel 不允许此更改，通常是因为工作表或工作簿受保护。请先撤销保护（审阅 › 撤销工作表保护 / 保护工作簿），然后重试。',
  },
  InvalidOperation: {
    en: 'Excel did not allow the operation, possibly because a sheet or the workbook is protected. Check the protection (Review tab), then try again.',
    zh: 'Excel 不允许此操作，可能是工作表或工作簿受保护。请检查“审阅”选项卡中的保护设置后重试。',
  },
  ItemNotFound: {
    en: 'A sheet or cell the add-in needed was not found (was it renamed or deleted?). Run the check again.',
    zh: '找不到所需的工作表或单元格（是否已重命名或删除？）。请重新运行检查。',
  },
  SheetNotFound: {
    en: 'Sheet “{sheet}” was not found. It may have been renamed or deleted; run the check again.',
    zh: '找不到工作表“{sheet}”，可能已被重命名或删除。请重新运行检查。',
  },
  SheetHidden: {
    en: 'Sheet “{sheet}” is hidden. Unhide it (right-click a sheet tab › Unhide) to go to the cell.',
    zh: '工作表“{sheet}”已隐藏。请先取消隐藏（右键单击工作表标签 › 取消隐藏），再跳转到该单元格。',
  },
  BadCell: {
    en: '“{cell}” is not a cell address.',
    zh: '“{cell}”不是有效的单元格地址。',
  },
  GeneralException: {
    en: 'Excel reported an internal error. Save the workbook and run the check again.',
    zh: 'Excel 报告了内部错误。请保存工作簿后重新运行检查。',
  },
  ApiNotFound: {
    en: 'This version of Excel lacks a feature the add-in needs. Update Office, then try again.',
    zh: '当前 Excel 版本缺少本加载项所需的功能。请更新 Office 后重试。',
  },
  SyncTimeout: {
    en: 'Excel stopped answering (nothing for {seconds} seconds), so the add-in gave up waiting. Save your work, close and reopen the workbook (in Excel on the web, reload the page), then run the check again; if highlights remain, click Clear.',
    zh: 'Excel 已停止响应（{seconds} 秒无回应），加载项已停止等待。请保存工作，关闭并重新打开工作簿（Excel 网页版请刷新页面），然后重新运行检查；如仍有标记残留，请点击“清除”。',
  },
  Busy: {
    en: 'A check or clear is already running. Wait for it to finish.',
    zh: '检查或清除操作正在进行中，请等待其完成。',
  },
  Cancelled: {
    en: 'The check was cancelled. Nothing was changed.',
    zh: '检查已取消，未做任何更改。',
  },
  CancelledWhileWriting: {
    en: 'The check was cancelled while it was writing its results.',
    zh: '检查在写入结果时被取消。',
  },
  StateUnreadable: {
    en: 'The add-in’s saved record of its highlights could not be read (the hidden sheet “{sheet}” was edited), so they cannot be removed automatically.',
    zh: '无法读取本加载项保存的标记记录（隐藏工作表“{sheet}”已被修改），因此无法自动清除标记。',
  },
  Unknown: {
    en: 'Excel reported an error ({code}). Run the check again; if it keeps failing, save and reopen the workbook.',
    zh: 'Excel 报告了错误（{code}）。请重新运行检查；如仍失败，请保存并重新打开工作簿。',
  },
  Internal: {
    en: 'The add-in hit an internal error ({detail}). Your data was not changed by it; please report this.',
    zh: '加载项发生内部错误（{detail}）。您的数据未因此被更改；请反馈此问题。',
  },
};

/** Added after a failed check, saying what state the workbook was left in. */
export const AFTER_FAILURE: Record<'untouched' | 'rolledBack' | 'leftover' | 'earlierMarksRemoved', Bilingual> = {
  untouched: { en: 'Nothing in the workbook was changed.', zh: '工作簿未做任何更改。' },
  rolledBack: {
    en: 'Everything the add-in had written was undone; your sheets are as they were.',
    zh: '加载项已撤销其写入的全部内容，您的工作表保持原样。',
  },
  earlierMarksRemoved: {
    en: 'The highlights and notes of the previous check were removed with them (its Findings sheet stays); run the check again to bring them back.',
    zh: '上一次检查的标记与批注也一并移除（其结果表保留）；重新运行检查即可恢复。',
  },
  leftover: {
    en: 'Some highlights may remain; click Clear (or run the check again) once Excel is free to remove them.',
    zh: '可能仍有部分标记残留；待 Excel 空闲后请点击“清除”（或重新运行检查）将其移除。',
  },
};

/** The message for a code in the user's language. */
export function errorMessage(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const text = ERROR_MESSAGES[code] ?? ERROR_MESSAGES.Unknown;
  return fmt(text, lang, { code, ...params });
}
