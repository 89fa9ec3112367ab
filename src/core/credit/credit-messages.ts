import { Bilingual } from '../model/i18n';
import { RatingFactorKey } from './rating';

/** Finding messages of the credit checks, in English and Chinese. */
export const CREDIT_MESSAGES = {
  overLimit: {
    en: 'Customer {customer}: exposure {exposure} is {pct} of the credit limit {limit}',
    zh: '客户 {customer}：信用占用 {exposure}，为信用额度 {limit} 的 {pct}',
  },
  overLimitNoLimit: {
    en: 'Customer {customer}: exposure {exposure} against a credit limit of 0',
    zh: '客户 {customer}：信用额度为 0，但信用占用 {exposure}',
  },
  nearLimit: {
    en: 'Customer {customer}: exposure {exposure} is {pct} of the credit limit {limit} (warning from {near})',
    zh: '客户 {customer}：信用占用 {exposure}，已达信用额度 {limit} 的 {pct}（预警线 {near}）',
  },
  overdue: {
    en: 'Customer {customer}: {amount} overdue in {count} invoice(s); the oldest, {doc}, is {days} days past due',
    zh: '客户 {customer}：逾期 {amount}，共 {count} 张发票；最早的 {doc} 已逾期 {days} 天',
  },
  limitExceeded: {
    en: 'Sale {doc} took customer {customer}\'s exposure from {before} to {after}, over the credit limit {limit}',
    zh: '销售单 {doc} 使客户 {customer} 的信用占用由 {before} 增至 {after}，超过信用额度 {limit}',
  },
  onHold: {
    en: 'Sale {doc} to customer {customer}, whose status is {status}',
    zh: '销售单 {doc} 的客户 {customer} 状态为{status}',
  },
  ratingDrift: {
    en: 'Customer {customer}: manual rating {manual}, but the factors give {computed} ({factors})',
    zh: '客户 {customer}：人工信用等级 {manual}，但各项指标评定为 {computed}（{factors}）',
  },
} satisfies Record<string, Bilingual>;

/** Customer status names as written in messages and sheets. */
export const STATUS_TEXT = {
  active: { en: 'Active', zh: '正常' },
  'on-hold': { en: 'On Hold', zh: '冻结' },
  closed: { en: 'Closed', zh: '关闭' },
} satisfies Record<string, Bilingual>;

/** Names of the rating factors, as shown beside their values. */
export const FACTOR_NAMES: Record<RatingFactorKey, Bilingual> = {
  'days-late': { en: 'Days late (amount-weighted)', zh: '加权逾期天数' },
  'overdue-share': { en: 'Overdue share of open AR', zh: '逾期占应收比例' },
  'oldest-overdue': { en: 'Oldest overdue (days)', zh: '最长逾期天数' },
  utilization: { en: 'Utilization', zh: '额度使用率' },
};
