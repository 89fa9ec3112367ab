import { Bilingual, Lang } from '../model/i18n';
import { FieldKey, TemplateKind } from './templates';

/**
 * How a field's cells are read. `id` is text that identifies something (stricter about booleans and
 * error cells than free `text`); `percent` accepts 13%, 0.13 and 13; the enumerations read their own
 * words in either language.
 */
export type FieldType =
  | 'text' | 'id' | 'money' | 'quantity' | 'percent' | 'date' | 'terms' | 'rating' | 'status' | 'method';

/** One column of a template: its key, its two headers, the other names it goes by, how it is read. */
export interface FieldDef<K extends TemplateKind = TemplateKind> {
  key: FieldKey<K>;
  en: string;
  zh: string;
  /** Other header texts for the same column (CRM exports, accounting software, common Chinese terms). */
  synonyms: readonly string[];
  type: FieldType;
  /** A record must have it (a blank cell is a `required` finding). */
  required: boolean;
}

const CUSTOMER_ID_SYNONYMS = [
  'Customer No', 'Customer Number', 'Customer Code', 'Customer #', 'Cust ID', 'Cust No', 'Cust Code', 'Cust #',
  'Account ID', 'Account No', 'Account Number', 'Account Code', 'Client ID', 'Client No', 'Client Code',
  'Customer Account', 'Debtor ID', 'Debtor Code', 'Buyer ID',
  '客户代码', '客户号', '客户ID', '客户编码', '客户代号', '客户账号', '客户码',
];
const CUSTOMER_NAME_SYNONYMS = [
  'Customer', 'Client', 'Client Name', 'Account Name', 'Account', 'Company', 'Company Name', 'Cust Name',
  'Customer Full Name', 'Debtor', 'Debtor Name', 'Buyer', 'Buyer Name',
  '客户', '客户名', '客户全称', '公司名称', '单位名称', '购买方名称', '购方名称', '购货单位',
];
const SALES_REP_SYNONYMS = [
  'Salesperson', 'Sales Person', 'Sales Representative', 'Sales Rep Name', 'Salesman', 'Account Manager',
  'Account Owner', 'Owner', 'Rep',
  '销售员', '销售代表', '客户经理', '负责人', '经办人', '销售人员',
];

function f<K extends TemplateKind>(
  key: FieldKey<K>, en: string, zh: string, type: FieldType, required: boolean, synonyms: readonly string[] = [],
): FieldDef<K> {
  return { key, en, zh, type, required, synonyms };
}

/** The fields of each template in the order a new template writes them (DESIGN.md "Standard templates"). */
export const TEMPLATE_FIELDS: { readonly [K in TemplateKind]: readonly FieldDef<K>[] } = {
  customers: [
    f('customerId', 'Customer ID', '客户编号', 'id', true, CUSTOMER_ID_SYNONYMS),
    f('customerName', 'Customer Name', '客户名称', 'text', true, CUSTOMER_NAME_SYNONYMS),
    f('taxId', 'Tax ID', '统一社会信用代码', 'id', false, [
      'USCC', 'Unified Social Credit Code', 'Credit Code', 'Tax No', 'Tax Number', 'Taxpayer ID', 'Taxpayer No',
      'VAT No', 'VAT Number', 'Tax Registration No', 'TIN',
      '税号', '纳税人识别号', '信用代码', '社会信用代码', '统一信用代码', '纳税识别号',
    ]),
    f('creditLimit', 'Credit Limit', '信用额度', 'money', false, [
      'Credit Line', 'Limit', 'Credit Amount', 'Approved Credit', '授信额度', '额度', '信用限额', '授信金额', '赊销额度',
    ]),
    f('paymentTerms', 'Payment Terms', '账期', 'terms', false, [
      'Terms', 'Payment Term', 'Credit Terms', 'Pay Terms', 'Terms of Payment', 'Credit Days',
      '付款条件', '付款期限', '信用期', '账期天数', '结算期', '付款账期',
    ]),
    f('creditRating', 'Credit Rating', '信用等级', 'rating', false, [
      'Rating', 'Credit Grade', 'Grade', 'Risk Rating', '等级', '信用评级', '客户等级', '评级',
    ]),
    f('status', 'Status', '状态', 'status', false, ['Customer Status', 'Account Status', 'Active', '客户状态', '账户状态']),
    f('contact', 'Contact', '联系人', 'text', false, ['Contact Person', 'Contact Name', 'Attn', '联系人姓名', '对接人']),
    f('email', 'Email', '邮箱', 'text', false, [
      'E-mail', 'Email Address', 'Mail', 'Contact Email', '电子邮箱', '电子邮件', '邮件', '邮箱地址',
    ]),
    f('salesRep', 'Sales Rep', '业务员', 'text', false, SALES_REP_SYNONYMS),
    f('region', 'Region', '区域', 'text', false, ['Area', 'Territory', 'Sales Region', 'Province', '地区', '大区', '销售区域', '省份']),
  ],
  sales: [
    f('date', 'Date', '日期', 'date', true, [
      'Invoice Date', 'Inv Date', 'Doc Date', 'Document Date', 'Txn Date', 'Transaction Date', 'Posting Date',
      'Sales Date', 'Order Date', 'Billing Date',
      '开票日期', '单据日期', '销售日期', '业务日期', '记账日期', '发货日期',
    ]),
    f('docNo', 'Document No', '单据编号', 'id', true, [
      'Doc No', 'Document Number', 'Doc Number', 'Doc #', 'Document ID', 'Order No', 'Order Number', 'Sales Order',
      'Sales Order No', 'SO No', 'SO Number', 'Voucher No', 'Transaction ID', 'Txn ID', 'Txn No', 'Delivery No',
      '单据号', '单号', '订单号', '销售单号', '出库单号', '凭证号', '销售订单号', '发货单号',
    ]),
    f('invoiceNo', 'Invoice No', '发票号码', 'id', false, [
      'Invoice Number', 'Invoice #', 'Inv No', 'Inv Number', 'Inv #', 'Invoice', 'Invoice ID', 'Tax Invoice No',
      'Fapiao No', 'VAT Invoice No', '发票号', '发票编号', '税票号码',
    ]),
    f('customerId', 'Customer ID', '客户编号', 'id', true, CUSTOMER_ID_SYNONYMS),
    f('customerName', 'Customer Name', '客户名称', 'text', false, CUSTOMER_NAME_SYNONYMS),
    f('product', 'Product', '产品', 'text', false, [
      'Product Name', 'Item', 'Item Name', 'Item Description', 'Product Description', 'Goods', 'SKU', 'Material',
      '产品名称', '商品', '商品名称', '货物名称', '品名', '存货名称', '货品', '物料名称',
    ]),
    f('category', 'Category', '产品类别', 'text', false, [
      'Product Category', 'Item Category', 'Product Line', 'Product Group', 'Item Group', 'Product Type',
      '类别', '产品分类', '商品类别', '品类', '分类', '商品分类', '存货分类',
    ]),
    f('quantity', 'Quantity', '数量', 'quantity', false, ['Qty', 'Units', 'Quantity Sold', '销售数量', '件数', '数量合计']),
    f('unitPrice', 'Unit Price', '单价', 'money', false, [
      'Price', 'Selling Price', 'Sales Price', 'Unit Price Excl Tax', 'Net Price', '售价', '销售单价', '不含税单价',
    ]),
    f('amount', 'Amount', '金额', 'money', true, [
      'Net Amount', 'Amount Excl Tax', 'Amount Excl VAT', 'Net', 'Subtotal', 'Sub Total', 'Line Amount',
      'Sales Amount', 'Net Sales', 'Amount Before Tax',
      '不含税金额', '销售金额', '金额不含税', '净额', '未税金额', '货款金额',
    ]),
    f('taxRate', 'Tax Rate', '税率', 'percent', false, ['VAT Rate', 'Tax %', 'VAT %', 'Tax Percent', '增值税税率', '税率%']),
    f('tax', 'Tax', '税额', 'money', false, [
      'Tax Amount', 'VAT', 'VAT Amount', 'Sales Tax', 'Output Tax', 'Output VAT',
      '增值税', '增值税额', '销项税额', '税金', '销项税',
    ]),
    f('total', 'Total', '价税合计', 'money', false, [
      'Grand Total', 'Total Amount', 'Gross Amount', 'Amount Incl Tax', 'Amount Incl VAT', 'Invoice Amount',
      'Invoice Total', 'Total Incl Tax', 'Gross', 'Total Due', 'Amount Due',
      '开票金额', '含税金额', '合计金额', '总金额', '合计', '发票金额', '金额合计', '价税合计金额', '含税总额',
    ]),
    f('dueDate', 'Due Date', '到期日', 'date', false, [
      'Payment Due', 'Payment Due Date', 'Due', 'Due On', 'Maturity Date', 'Due By',
      '到期日期', '应收款到期日', '付款到期日', '收款到期日', '应收日期', '最晚付款日',
    ]),
    f('salesRep', 'Sales Rep', '业务员', 'text', false, SALES_REP_SYNONYMS),
  ],
  receipts: [
    f('date', 'Date', '收款日期', 'date', true, [
      'Receipt Date', 'Payment Date', 'Received Date', 'Date Received', 'Value Date', 'Txn Date', 'Transaction Date',
      'Posting Date', '日期', '到账日期', '回款日期', '付款日期', '入账日期',
    ]),
    f('receiptNo', 'Receipt No', '收款单号', 'id', true, [
      'Receipt Number', 'Receipt #', 'Receipt ID', 'Payment No', 'Payment ID', 'Payment Number', 'Payment #',
      'Transaction ID', 'Txn ID', 'Txn No', 'Voucher No', 'Remittance No', 'Bank Ref',
      '收款编号', '回款单号', '收据号', '凭证号', '流水号', '银行流水号', '收款单编号',
    ]),
    f('customerId', 'Customer ID', '客户编号', 'id', true, CUSTOMER_ID_SYNONYMS),
    f('amount', 'Amount', '收款金额', 'money', true, [
      'Received', 'Amount Received', 'Payment Amount', 'Paid Amount', 'Receipt Amount', 'Amount Paid',
      '金额', '回款金额', '到账金额', '实收金额', '收款额',
    ]),
    f('method', 'Method', '收款方式', 'method', false, [
      'Payment Method', 'Pay Method', 'Payment Type', 'Mode', 'Payment Mode', 'Channel',
      '付款方式', '结算方式', '方式', '支付方式', '回款方式',
    ]),
    f('reference', 'Reference', '摘要', 'text', false, [
      'Ref', 'Memo', 'Remark', 'Remarks', 'Note', 'Notes', 'Description', 'Narrative', 'Applied To',
      'Invoice Ref', 'Payment Reference', '备注', '说明', '用途', '附言', '核销单据',
    ]),
  ],
  statement: [
    f('customerId', 'Customer ID', '客户编号', 'id', false, CUSTOMER_ID_SYNONYMS),
    f('date', 'Date', '日期', 'date', false, [
      'Txn Date', 'Transaction Date', 'Doc Date', 'Document Date', 'Posting Date', 'Invoice Date',
      '单据日期', '业务日期', '记账日期', '交易日期',
    ]),
    f('reference', 'Reference', '单据号', 'id', false, [
      'Ref', 'Ref No', 'Reference No', 'Reference Number', 'Doc No', 'Document No', 'Document Number',
      'Invoice No', 'Invoice Number', 'Inv No', 'Our Ref', 'Your Ref', 'Transaction No', 'Voucher No',
      '单据编号', '单号', '发票号', '发票号码', '凭证号', '参考号', '单据号码',
    ]),
    f('description', 'Description', '摘要', 'text', false, [
      'Details', 'Particulars', 'Memo', 'Narrative', 'Remark', 'Remarks', 'Transaction Type', 'Type',
      '说明', '备注', '内容', '业务类型', '摘要说明',
    ]),
    f('billed', 'Billed', '应收金额', 'money', false, [
      'Debit', 'Dr', 'Charges', 'Invoiced', 'Invoice Amount', 'Amount Billed', 'Billed Amount', 'Debit Amount',
      '借方', '借方金额', '应收', '开票金额', '本期应收', '应付金额', '发生额借方',
    ]),
    f('paid', 'Paid', '已付金额', 'money', false, [
      'Credit', 'Cr', 'Payments', 'Payment', 'Amount Paid', 'Paid Amount', 'Received', 'Credit Amount',
      '贷方', '贷方金额', '已付', '已收金额', '付款金额', '本期已付', '回款金额', '已付款',
    ]),
    f('balance', 'Balance', '余额', 'money', false, [
      'Running Balance', 'Closing Balance', 'Balance Due', 'Outstanding', 'Outstanding Balance',
      '期末余额', '应收余额', '结余', '累计余额', '欠款余额',
    ]),
  ],
};

/** Template names as users see them. */
export const TEMPLATE_NAMES: Record<TemplateKind, Bilingual> = {
  customers: { en: 'Customers', zh: '客户档案' },
  sales: { en: 'Sales', zh: '销售台账' },
  receipts: { en: 'Receipts', zh: '收款记录' },
  statement: { en: 'Statement', zh: '客户对账单' },
};

/** The field definitions of a template. */
export function templateFields<K extends TemplateKind>(kind: K): readonly FieldDef<K>[] {
  return TEMPLATE_FIELDS[kind] as readonly FieldDef<K>[];
}

/** One field's definition; undefined for a key the template does not have. */
export function fieldDef<K extends TemplateKind>(kind: K, key: string): FieldDef<K> | undefined {
  return templateFields(kind).find((d) => d.key === key);
}

/** A field's header in the given language ("Amount" / "金额"); the key itself when unknown. */
export function fieldLabel(kind: TemplateKind, key: string, lang: Lang): string {
  const def = fieldDef(kind, key);
  return def ? def[lang] : key;
}

/** The header row a new template sheet gets, in the workbook's language. */
export function templateHeaders(kind: TemplateKind, lang: Lang): string[] {
  return templateFields(kind).map((d) => d[lang]);
}
