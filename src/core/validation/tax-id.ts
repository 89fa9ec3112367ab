/**
 * China's Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, S, V, Z). The last character is a check over the first 17;
 * characters 9–17 are the organisation code of GB 11714, itself ending in a mod-11 check.
 */

/** The USCC alphabet in value order: '0' = 0 … 'Y' = 30. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Why a tax ID is refused; `ok` when it passes. */
export type TaxIdCheck = 'ok' | 'length' | 'charset' | 'check-char' | 'org-check';

/** The GB 32100-2015 check character for the first 17 characters; null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/**
 * The GB 11714 check character of an 8-character organisation code body: digits count as themselves,
 * letters A–Z as 10–35; check = 11 − (Σ value × weight mod 11), where 10 is written X and 11 is 0.
 */
export function orgCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks an 18-character USCC: alphabet, the check character, and the embedded organisation code's
 * check. Lower-case letters and surrounding spaces are accepted (people type them); full-width
 * characters are read as ASCII.
 */
export function checkUscc(text: string): TaxIdCheck {
  const code = text.normalize('NFKC').trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (let i = 0; i < 18; i++) if (USCC_CHARSET.indexOf(code[i]) < 0) return 'charset';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check-char';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org-check';
  return 'ok';
}
