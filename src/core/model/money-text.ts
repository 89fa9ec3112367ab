/**
 * The one spelling of money in messages, notes, reasons and the task pane: thousands grouped, two
 * decimals, a leading minus ("1,119.20", "-2,748.95"). Text only, with no decimal library, so the task
 * pane can use it without loading the engine; `money.ts` re-exports it for the core.
 */

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Adds one to a string of digits ("0999" → "1000"), growing it when it carries out. */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') out[i] = '0';
    else {
      out[i] = String.fromCharCode(out[i].charCodeAt(0) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

/**
 * Spells a decimal text as money: "1119.2" → "1,119.20", "-551915.894" → "-551,915.89" (rounded half
 * away from zero to cents, as invoices round). Text that is not a plain decimal number is returned
 * unchanged, so it is safe on any expected/actual value.
 */
export function spellMoney(text: string): string {
  const m = PLAIN_DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return text;
  const negative = m[1] === '-';
  let int = m[2] === '' ? '0' : m[2];
  let frac = m[3] ?? '';
  if (frac.length > 2) {
    const roundUp = frac.charCodeAt(2) >= 53; // '5'
    let cents = `${int}${frac.slice(0, 2)}`;
    if (roundUp) cents = incrementDigits(cents);
    int = cents.slice(0, -2);
    frac = cents.slice(-2);
  } else frac = frac.padEnd(2, '0');
  int = int.replace(/^0+(?=\d)/, '');
  if (int === '') int = '0';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  return `${negative && !zero ? '-' : ''}${grouped}.${frac}`;
}
