/**
 * Comparable forms of a header text. Exports write the same column many ways: `Invoice No.`,
 * `INVOICE_NO`, `Ｉｎｖｏｉｃｅ　Ｎｏ`, `Amount (CNY)`, `金额（元）`, `Amount RMB`, `*客户编号`; all of
 * them must meet the dictionary's one spelling.
 */

/** Currencies and units a header may end with after its name ("Amount CNY", "金额元", "Total ¥"). */
const UNIT_SUFFIX = /(?:cny|rmb|usd|eur|hkd|gbp|jpy|万元|元|人民币|yuan|pct)$/;
/** Currency or unit words a header may start with ("RMB Amount", "¥金额", "本币金额"). */
const UNIT_PREFIX = /^(?:cny|rmb|usd|eur|hkd|本币|原币|人民币)(?=.)/;

function squash(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Comparable forms of a header text, most literal first: NFKC (full-width letters, digits and
 * punctuation become ASCII), lower case, `#`/`№` read as "no" and `%` as "pct", then every character
 * that is not a letter or digit dropped. The second form also drops parenthesised parts and a leading
 * or trailing currency or unit, so `Amount (CNY)`, `金额（元）`, `RMB Amount` and `Amount ¥` read as
 * `amount`.
 */
export function headerForms(text: string): string[] {
  const base = text.normalize('NFKC').toLowerCase().replace(/[#№]/g, 'no').replace(/%/g, 'pct');
  const full = squash(base);
  let bare = squash(base.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g, ' ').replace(/[¥$€£]/g, ' '));
  bare = bare.replace(UNIT_PREFIX, '').replace(UNIT_SUFFIX, '');
  return bare !== full && bare !== '' ? [full, bare] : [full];
}
