/**
 * The small sales workbook of the browser test: customers, sales and receipts with a handful of the
 * mistakes a sales rep makes. Plain values only, so the same rows feed the fake Excel in the page and
 * the engine run in node that predicts what the page must show.
 */
export type Cell = string | number | null;

/** Excel serials: 45292 = 2024-01-01. */
const JAN = (d: number): number => 45291 + d;

export const SALES_WORKBOOK: Record<string, Cell[][]> = {
  Customers: [
    ['Customer ID', 'Customer Name', 'Tax ID', 'Credit Limit', 'Payment Terms', 'Credit Rating', 'Status'],
    ['C001', 'Acme Trading', '91350100M000100Y43', 50000, 'Net 30', 'A', 'Active'],
    ['C002', 'Beta Foods', '', 20000, '30天', 'B', 'On Hold'],
  ],
  Sales: [
    ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Product', 'Quantity', 'Unit Price', 'Amount', 'Tax Rate', 'Tax', 'Total'],
    [JAN(2), 'SO-001', '12345678', 'C001', 'Acme Trading', 'Widget', 10, 100, 1000, 0.13, 130, 1130],
    // Amount is not quantity × unit price.
    [JAN(5), 'SO-002', '12345679', 'C001', 'Acme Trading', 'Gadget', 5, 200, 1100, 0.13, 143, 1243],
    // A customer nobody has heard of.
    [JAN(8), 'SO-003', '12345680', 'C999', 'Nobody Ltd', 'Widget', 1, 100, 100, 0.13, 13, 113],
    // The date is not a date.
    ['next week', 'SO-004', '12345681', 'C002', 'Beta Foods', 'Widget', 2, 100, 200, 0.13, 26, 226],
    // The amount is missing.
    [JAN(12), 'SO-005', '12345682', 'C001', 'Acme Trading', 'Gizmo', 3, 50, null, 0.13, 19.5, 169.5],
  ],
  Receipts: [
    ['Date', 'Receipt No', 'Customer ID', 'Amount', 'Method', 'Reference'],
    [JAN(20), 'R-001', 'C001', 1130, 'Bank transfer', 'SO-001'],
    // The amount is not a number.
    [JAN(21), 'R-002', 'C002', 'abc', 'Cash', ''],
  ],
};
