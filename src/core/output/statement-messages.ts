import { Bilingual } from '../model/i18n';
import { ReceiptMethod } from '../model/records';

/** Every text of the printable statement of account (对账单), in English and Chinese. */
export const STATEMENT_TEXT = {
  title: { en: 'Statement of Account', zh: '往来款项对账单' },
  companyPlaceholder: { en: '(company name: set it in the settings)', zh: '（公司名称：请在设置中填写）' },
  address: { en: 'Address: {value}', zh: '地址：{value}' },
  taxId: { en: 'Tax ID: {value}', zh: '统一社会信用代码：{value}' },
  bank: { en: 'Bank: {value}', zh: '开户银行：{value}' },
  account: { en: 'Account: {value}', zh: '账号：{value}' },
  customer: { en: 'Customer: {name} ({id})', zh: '客户：{name}（{id}）' },
  period: { en: 'Period: {from} – {to}', zh: '期间：{from} 至 {to}' },
  unit: { en: 'Currency unit: CNY', zh: '单位：元' },
  colDate: { en: 'Date', zh: '日期' },
  colDoc: { en: 'Document No', zh: '单据编号' },
  colInvoice: { en: 'Invoice No', zh: '发票号码' },
  colDescription: { en: 'Description', zh: '摘要' },
  colBilled: { en: 'Billed', zh: '应收金额' },
  colReceived: { en: 'Received', zh: '已收金额' },
  colBalance: { en: 'Balance', zh: '余额' },
  opening: { en: 'Opening balance', zh: '期初余额' },
  totals: { en: 'Totals for the period', zh: '本期合计' },
  closing: { en: 'Closing balance', zh: '期末余额' },
  capitals: { en: 'In words (Chinese capitals): 人民币{value}', zh: '大写：人民币{value}' },
  invoice: { en: 'Invoice', zh: '销售发票' },
  creditNote: { en: 'Credit note', zh: '红字冲销' },
  receipt: { en: 'Receipt', zh: '收款' },
  agingTitle: { en: 'Aging of the closing balance (days past due, as of {date})', zh: '期末余额账龄（逾期天数，截至 {date}）' },
  agingBucket: { en: 'Days past due', zh: '逾期天数' },
  agingAmount: { en: 'Amount', zh: '金额' },
  current: { en: 'Not yet due', zh: '未到期' },
  confirmIntro: { en: 'Please check the items above. If they agree with your books, sign and seal under "Agreed";', zh: '请核对上述款项。如与贵公司账面记录相符，请在“信息证明无误”处签字盖章；' },
  confirmIntro2: { en: 'if not, list the differing items and details under "Not agreed", sign and seal, and return it to us.', zh: '如有不符，请在“信息不符”处列明不符项目及具体内容，签字盖章后寄回我公司。' },
  agreed: { en: 'Agreed: the above is correct', zh: '信息证明无误' },
  notAgreed: { en: 'Not agreed: items that differ, below', zh: '信息不符，请列明不符项目及具体内容' },
  signature: { en: 'Signature / seal:', zh: '签字 / 盖章：' },
  date: { en: 'Date:', zh: '日期：' },
  footer: { en: 'Page &P of &N', zh: '第 &P 页，共 &N 页' },
} satisfies Record<string, Bilingual>;

/** Receipt methods as DESIGN.md names them. */
export const RECEIPT_METHOD_TEXT: Record<ReceiptMethod, Bilingual> = {
  'bank-transfer': { en: 'Bank transfer', zh: '银行转账' },
  cash: { en: 'Cash', zh: '现金' },
  'acceptance-bill': { en: 'Bank acceptance bill', zh: '承兑汇票' },
  other: { en: 'Other', zh: '其他' },
};
