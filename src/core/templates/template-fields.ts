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
  '客户代码', '客户号', '客户ID', '客户编码', '客户代号', '客户账号', '客户码','Customer Ref', 'Customer Reference', 'Debtor No', 'Debtor Number', 'Debtor Account', 'BP Code', 'Business Partner', 'Business Partner No', 'Sold-to', 'Sold-to Party', 'Sold To', 'Payer', 'Payer No', 'Bill-to No', 'Partner No', 'Partner ID', 'Customer Key', 'CustID', 'CustNo', '往来单位编码', '往来单位编号', '往来单位代码', '单位编码', '单位编号', '客商编码', '客商编号', '客户编号', '往来户编码', '购方编码', '客户档案编码', '客户账户'
];
const CUSTOMER_NAME_SYNONYMS = [
  'Customer', 'Client', 'Client Name', 'Account Name', 'Account', 'Company', 'Company Name', 'Cust Name',
  'Customer Full Name', 'Debtor', 'Debtor Name', 'Buyer', 'Buyer Name',
  '客户', '客户名', '客户全称', '公司名称', '单位名称', '购买方名称', '购方名称', '购货单位','BP Name', 'Bill To', 'Bill-to Name', 'Bill To Name', 'Sold-to Name', 'Payer Name', 'Partner Name', 'Business Partner Name', 'Counterparty', 'Customer Description', 'Organization', 'Organisation', 'Company Account', '往来单位', '往来单位名称', '客商名称', '往来户', '往来户名称', '对方单位', '对方单位名称', '客户简称', '购买方', '购货单位名称', '单位', '客户单位'
];
const SALES_REP_SYNONYMS = [
  'Salesperson', 'Sales Person', 'Sales Representative', 'Sales Rep Name', 'Salesman', 'Account Manager',
  'Account Owner', 'Owner', 'Rep',
  '销售员', '销售代表', '客户经理', '负责人', '经办人', '销售人员','Sales Employee', 'Sales Owner', 'Opportunity Owner', 'Rep Name', 'Seller', '业务经理', '销售经理', '跟单员', '所属销售', '业务负责人'
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
      '税号', '纳税人识别号', '信用代码', '社会信用代码', '统一信用代码', '纳税识别号','纳税人识别号码', '税务登记号', '税务登记证号', 'Tax Registration Number', 'Tax Code'
    ]),
    f('creditLimit', 'Credit Limit', '信用额度', 'money', false, [
      'Credit Line', 'Limit', 'Credit Amount', 'Approved Credit', '授信额度', '额度', '信用限额', '授信金额', '赊销额度','Credit Limit Amount', 'Max Credit', '信用额度(元)', '授信额', '赊账额度', '信用限额金额'
    ]),
    f('paymentTerms', 'Payment Terms', '账期', 'terms', false, [
      'Terms', 'Payment Term', 'Credit Terms', 'Pay Terms', 'Terms of Payment', 'Credit Days',
      '付款条件', '付款期限', '信用期', '账期天数', '结算期', '付款账期','Payment Terms Code', 'Terms Code', '收款条件', '收款期限', '信用天数', '结算方式'
    ]),
    f('creditRating', 'Credit Rating', '信用等级', 'rating', false, [
      'Rating', 'Credit Grade', 'Grade', 'Risk Rating', '等级', '信用评级', '客户等级', '评级',
    ]),
    f('status', 'Status', '状态', 'status', false, ['Customer Status', 'Account Status', 'Active', '客户状态', '账户状态', 'State', 'Active Status', '启用状态', '客户状态名称']),
    f('contact', 'Contact', '联系人', 'text', false, ['Contact Person', 'Contact Name', 'Attn', '联系人姓名', '对接人', 'Primary Contact', '联系人名称', '联系人员']),
    f('email', 'Email', '邮箱', 'text', false, [
      'E-mail', 'Email Address', 'Mail', 'Contact Email', '电子邮箱', '电子邮件', '邮件', '邮箱地址',
    ]),
    f('salesRep', 'Sales Rep', '业务员', 'text', false, SALES_REP_SYNONYMS),
    f('region', 'Region', '区域', 'text', false, ['Area', 'Territory', 'Sales Region', 'Province', '地区', '大区', '销售区域', '省份', 'State/Province', 'City', '城市', '所属区域', '所属地区', '片区']),
  ],
  sales: [
    f('date', 'Date', '日期', 'date', true, [
      'Invoice Date', 'Inv Date', 'Doc Date', 'Document Date', 'Txn Date', 'Transaction Date', 'Posting Date',
      'Sales Date', 'Order Date', 'Billing Date',
      '开票日期', '单据日期', '销售日期', '业务日期', '记账日期', '发货日期','Doc. Date', 'Date Issued', 'Issue Date', 'Issued On', 'Invoice Issue Date', 'Bill Date', 'Created Date', 'Created On', 'Date Created', 'Delivery Date', 'Ship Date', 'Shipped Date', '订单日期', '制单日期', '出库日期', '下单日期', '凭证日期', '过账日期', '开单日期', '单据时间'
    ]),
    f('docNo', 'Document No', '单据编号', 'id', true, [
      'Doc No', 'Document Number', 'Doc Number', 'Doc #', 'Document ID', 'Order No', 'Order Number', 'Sales Order',
      'Sales Order No', 'SO No', 'SO Number', 'Voucher No', 'Transaction ID', 'Txn ID', 'Txn No', 'Delivery No',
      '单据号', '单号', '订单号', '销售单号', '出库单号', '凭证号', '销售订单号', '发货单号','Order ID', 'Order #', 'Order Ref', 'Order Reference', 'SO #', 'SO ID', 'Sales Order Number', 'Sales Order ID', 'Bill No', 'Bill Number', 'Delivery Note', 'Delivery Note No', 'DN No', 'Shipment No', 'Entry No', 'Journal No', 'Document Ref', 'Transaction No', 'Transaction Number', 'Voucher Number', 'Doc ID', '订单编号', '销售订单编号', '业务单号', '销售单据号', '单据号码', '出库单编号', '发货单编号', '销售出库单号', '凭证编号', '合同编号', '合同号', '订单号码', '销售单编号'
    ]),
    f('invoiceNo', 'Invoice No', '发票号码', 'id', false, [
      'Invoice Number', 'Invoice #', 'Inv No', 'Inv Number', 'Inv #', 'Invoice', 'Invoice ID', 'Tax Invoice No',
      'Fapiao No', 'VAT Invoice No', '发票号', '发票编号', '税票号码','Invoice Num', 'Invoice Ref', 'Invoice Reference', 'Tax Invoice Number', 'Fapiao Number', 'VAT Invoice Number', 'Bill ID', '开票号', '发票号码(数电)', '数电发票号码', '全电发票号码', '增值税发票号码', '专票号码'
    ]),
    f('customerId', 'Customer ID', '客户编号', 'id', true, CUSTOMER_ID_SYNONYMS),
    f('customerName', 'Customer Name', '客户名称', 'text', false, CUSTOMER_NAME_SYNONYMS),
    f('product', 'Product', '产品', 'text', false, [
      'Product Name', 'Item', 'Item Name', 'Item Description', 'Product Description', 'Goods', 'SKU', 'Material',
      '产品名称', '商品', '商品名称', '货物名称', '品名', '存货名称', '货品', '物料名称','Material Description', 'Product/Service', 'Service', 'Item Code', 'Product Code', 'Article', '存货编码', '商品编码', '产品编码', '货品名称', '产品名', '物料', '存货'
    ]),
    f('category', 'Category', '产品类别', 'text', false, [
      'Product Category', 'Item Category', 'Product Line', 'Product Group', 'Item Group', 'Product Type',
      '类别', '产品分类', '商品类别', '品类', '分类', '商品分类', '存货分类','Item Type', 'Product Family', 'Category Name', '存货类别', '物料分类', '产品类型', '商品类型'
    ]),
    f('quantity', 'Quantity', '数量', 'quantity', false, ['Qty', 'Units', 'Quantity Sold', '销售数量', '件数', '数量合计', 'Qty.', 'Pcs', 'Quantity Ordered', 'Quantity Shipped', 'Ordered Qty', '出库数量', '发货数量', '开票数量', '主数量']),
    f('unitPrice', 'Unit Price', '单价', 'money', false, [
      'Price', 'Selling Price', 'Sales Price', 'Unit Price Excl Tax', 'Net Price', '售价', '销售单价', '不含税单价','Rate', 'List Price', 'Price Each', 'Unit Cost', '无税单价', '单价(不含税)', '本币无税单价', '报价'
    ]),
    f('amount', 'Amount', '金额', 'money', true, [
      'Net Amount', 'Amount Excl Tax', 'Amount Excl VAT', 'Net', 'Subtotal', 'Sub Total', 'Line Amount',
      'Sales Amount', 'Net Sales', 'Amount Before Tax',
      '不含税金额', '销售金额', '金额不含税', '净额', '未税金额', '货款金额','Net Value', 'Taxable Amount', 'Net Total', 'Line Net Amount', 'Excl. VAT', 'Amount Excl. Tax', 'Amount (Excl. Tax)', 'Untaxed Amount', 'Net Sales Amount', 'Revenue', '无税金额', '本币无税金额', '货款', '不含税销售额', '销售额', '金额(不含税)', '收入金额'
    ]),
    f('taxRate', 'Tax Rate', '税率', 'percent', false, ['VAT Rate', 'Tax %', 'VAT %', 'Tax Percent', '增值税税率', '税率%', 'Tax Rate %', 'GST Rate', 'Tax Percentage', 'VAT Percentage', '税率(%)', '税率%', '税点']),
    f('tax', 'Tax', '税额', 'money', false, [
      'Tax Amount', 'VAT', 'VAT Amount', 'Sales Tax', 'Output Tax', 'Output VAT',
      '增值税', '增值税额', '销项税额', '税金', '销项税','GST', 'GST Amount', 'Tax Total', 'Total Tax', 'VAT Total', '本币税额', '税额合计', '销项税金'
    ]),
    f('total', 'Total', '价税合计', 'money', false, [
      'Grand Total', 'Total Amount', 'Gross Amount', 'Amount Incl Tax', 'Amount Incl VAT', 'Invoice Amount',
      'Invoice Total', 'Total Incl Tax', 'Gross', 'Total Due', 'Amount Due',
      '开票金额', '含税金额', '合计金额', '总金额', '合计', '发票金额', '金额合计', '价税合计金额', '含税总额','Amount Incl. VAT', 'Amount (Incl. Tax)', 'Total Incl. VAT', 'Gross Total', 'Line Total', 'Total Value', 'Invoice Value', 'Total Price', '本币价税合计', '价税合计(元)', '含税金额合计', '含税销售额', '订单金额', '应收金额', '含税总金额', '价税总额'
    ]),
    f('dueDate', 'Due Date', '到期日', 'date', false, [
      'Payment Due', 'Payment Due Date', 'Due', 'Due On', 'Maturity Date', 'Due By',
      '到期日期', '应收款到期日', '付款到期日', '收款到期日', '应收日期', '最晚付款日','Net Due Date', 'Due Date for Payment', 'Payment Deadline', 'Collection Due Date', '最迟收款日', '应收款日期', '收款期限日', '账期到期日'
    ]),
    f('salesRep', 'Sales Rep', '业务员', 'text', false, SALES_REP_SYNONYMS),
  ],
  receipts: [
    f('date', 'Date', '收款日期', 'date', true, [
      'Receipt Date', 'Payment Date', 'Received Date', 'Date Received', 'Value Date', 'Txn Date', 'Transaction Date',
      'Posting Date', '日期', '到账日期', '回款日期', '付款日期', '入账日期','Deposit Date', 'Collection Date', 'Date Paid', 'Paid Date', 'Paid On', 'Received On', 'Entry Date', 'Doc. Date', 'Document Date', '记账日期', '单据日期', '交易日期', '收款时间', '到款日期', '回款时间', '凭证日期'
    ]),
    f('receiptNo', 'Receipt No', '收款单号', 'id', true, [
      'Receipt Number', 'Receipt #', 'Receipt ID', 'Payment No', 'Payment ID', 'Payment Number', 'Payment #',
      'Transaction ID', 'Txn ID', 'Txn No', 'Voucher No', 'Remittance No', 'Bank Ref',
      '收款编号', '回款单号', '收据号', '凭证号', '流水号', '银行流水号', '收款单编号','Payment Ref No', 'Collection No', 'Document No', 'Doc No', 'Document Number', 'Entry No', 'Journal No', 'Receipt Ref', 'Deposit No', 'Transaction No', 'Transaction Number', 'Voucher Number', '回款编号', '回款单编号', '收款单据号', '单据编号', '单据号', '凭证编号', '交易流水号', '收款流水号', '单号', '收款凭证号', '收款编码'
    ]),
    f('customerId', 'Customer ID', '客户编号', 'id', true, CUSTOMER_ID_SYNONYMS),
    f('amount', 'Amount', '收款金额', 'money', true, [
      'Received', 'Amount Received', 'Payment Amount', 'Paid Amount', 'Receipt Amount', 'Amount Paid',
      '金额', '回款金额', '到账金额', '实收金额', '收款额','Amount', 'Received Amount', 'Payment Amt', 'Collected Amount', 'Deposit Amount', 'Amount Collected', '回款额', '收款金额(元)', '本币金额', '本次收款', '收款合计', '已收金额'
    ]),
    f('method', 'Method', '收款方式', 'method', false, [
      'Payment Method', 'Pay Method', 'Payment Type', 'Mode', 'Payment Mode', 'Channel',
      '付款方式', '结算方式', '方式', '支付方式', '回款方式','Settlement Method', 'Payment Channel', 'Receipt Method', 'Collection Method', '收款类型', '结算类型'
    ]),
    f('reference', 'Reference', '摘要', 'text', false, [
      'Ref', 'Memo', 'Remark', 'Remarks', 'Note', 'Notes', 'Description', 'Narrative', 'Applied To',
      'Invoice Ref', 'Payment Reference', '备注', '说明', '用途', '附言', '核销单据','Narration', 'Applied Invoices', 'Invoice Reference', 'Payment For', 'Comments', 'Comment', 'Purpose', '核销发票', '关联单据', '对应单据', '关联发票', '款项说明'
    ]),
  ],
  statement: [
    f('customerId', 'Customer ID', '客户编号', 'id', false, CUSTOMER_ID_SYNONYMS),
    f('date', 'Date', '日期', 'date', false, [
      'Txn Date', 'Transaction Date', 'Doc Date', 'Document Date', 'Posting Date', 'Invoice Date',
      '单据日期', '业务日期', '记账日期', '交易日期','Date', 'Doc. Date', 'Entry Date', 'Voucher Date', '凭证日期', '过账日期', '发生日期', '单据时间'
    ]),
    f('reference', 'Reference', '单据号', 'id', false, [
      'Ref', 'Ref No', 'Reference No', 'Reference Number', 'Doc No', 'Document No', 'Document Number',
      'Invoice No', 'Invoice Number', 'Inv No', 'Our Ref', 'Your Ref', 'Transaction No', 'Voucher No',
      '单据编号', '单号', '发票号', '发票号码', '凭证号', '参考号', '单据号码','Voucher', 'Voucher Number', 'Doc #', 'Document Ref', 'Transaction Number', 'Entry No', 'Journal No', 'Bill No', '凭证字号', '凭证编号', '业务单号', '单据号码', '发票编号', '票据号'
    ]),
    f('description', 'Description', '摘要', 'text', false, [
      'Details', 'Particulars', 'Memo', 'Narrative', 'Remark', 'Remarks', 'Transaction Type', 'Type',
      '说明', '备注', '内容', '业务类型', '摘要说明','Summary', 'Doc Type', 'Document Type', 'Entry Type', 'Explanation', '单据类型', '凭证摘要', '业务说明', '事由'
    ]),
    f('billed', 'Billed', '应收金额', 'money', false, [
      'Debit', 'Dr', 'Charges', 'Invoiced', 'Invoice Amount', 'Amount Billed', 'Billed Amount', 'Debit Amount',
      '借方', '借方金额', '应收', '开票金额', '本期应收', '应付金额', '发生额借方','Increase', 'Invoiced Amount', 'Charges Amount', 'Debit (Dr)', 'Dr Amount', 'Sales', '借方发生额', '本期增加', '增加', '应收增加', '发生额(借)', '借方(元)', '开票', '销售金额', '应收账款'
    ]),
    f('paid', 'Paid', '已付金额', 'money', false, [
      'Credit', 'Cr', 'Payments', 'Payment', 'Amount Paid', 'Paid Amount', 'Received', 'Credit Amount',
      '贷方', '贷方金额', '已付', '已收金额', '付款金额', '本期已付', '回款金额', '已付款','Decrease', 'Payments Received', 'Credit (Cr)', 'Cr Amount', 'Receipts', 'Payment Received', '贷方发生额', '本期减少', '减少', '应收减少', '发生额(贷)', '贷方(元)', '回款', '本期收款', '收款金额', '实收金额', '收款'
    ]),
    f('balance', 'Balance', '余额', 'money', false, [
      'Running Balance', 'Closing Balance', 'Balance Due', 'Outstanding', 'Outstanding Balance',
      '期末余额', '应收余额', '结余', '累计余额', '欠款余额','Balance Outstanding', 'Ending Balance', 'Account Balance', 'Cumulative Balance', 'Amount Outstanding', '未收余额', '应收账款余额', '账面余额', '余额(元)', '尚欠金额', '剩余应收'
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
