/** Money in integer minor units (cents) with its currency. Never a float. */
export interface Money {
  cents: number;
  currency: string;
}

export function money(cents: number, currency = 'USD'): Money {
  if (!Number.isInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`);
  return { cents, currency };
}

/** Parses a provider's decimal string ("5.00", "0.7") into cents without float drift. */
export function centsFromDecimal(value: string | number): number | null {
  const text = typeof value === 'number' ? value.toFixed(4) : value.trim();
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  const padded = (frac + '000').slice(0, 3);
  // Round half up on the third decimal.
  const thousandths = Number(whole) * 1000 + Number(padded);
  const cents = Math.round(thousandths / 10);
  // No negative zero: "-0.00" would be shown as "-$0.00".
  return sign === '-' && cents !== 0 ? -cents : cents;
}

// Building an Intl formatter costs far more than formatting: the popup's offer list formats
// hundreds of prices on its first render, so each locale and currency gets one.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats for people, at the edge only. */
export function formatMoney(m: Money, locale?: string): string {
  const key = `${locale ?? ''}|${m.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    moneyFormats.set(key, format);
  }
  // Minor units per currency (2 for USD, 0 for JPY, 3 for KWD); `+ 0` turns -0 into 0.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(m.cents / 10 ** digits + 0);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`currency mismatch ${a.currency}/${b.currency}`);
  return money(a.cents + b.cents, a.currency);
}
