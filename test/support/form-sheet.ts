import { OwnedSheet } from '../../src/core/output/plan';

/**
 * An owned sheet that uses every drawing feature of the plan: a form without a header row, styled cells,
 * a formula total, merges, frozen rows, page setup with print titles and a footer, protection with an
 * unlocked reply cell, and activation. Both renderers' tests draw it and check what a user would see.
 */
export const FORM_SHEET: OwnedSheet = {
  key: 'reconciliation',
  name: 'Form',
  headerRow: false,
  preamble: [
    [{ value: 'Balance reconciliation', style: { bold: true, size: 16, align: 'center' } }],
    ['Customer', 'C001 Acme & Co'],
  ],
  columns: [
    { header: 'Item', width: 30, wrap: true },
    { header: 'Amount', format: 'money', width: 14 },
    { header: 'Reply', width: 20, unlocked: true },
  ],
  rows: [
    [{ value: 'Our balance', style: { italic: true } }, { money: '1000.50' }, null],
    ['Add: invoices they booked that we have not, a long line that must wrap', { money: '-20.25' }, null],
    [{ value: 'Adjusted balance', style: { bold: true, border: 'double-bottom' } }, { value: { formula: 'SUM(B3:B4)', format: 'money' }, style: { bold: true, border: 'double-bottom' } }, null],
    [{ value: 'Boxed', style: { border: 'box', fill: 'FFF2CC' } }, { value: 7, style: { format: 'int', border: 'top' } }, { value: null, style: { unlocked: true, border: 'bottom' } }],
  ],
  merges: ['A1:C1'],
  freezeRows: 2,
  page: {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: true,
    printTitleRows: { first: 1, last: 2 },
    footer: { left: 'As of 2024-03-31', center: 'Page &P of &N', right: '&F' },
  },
  protect: true,
  activate: true,
};
