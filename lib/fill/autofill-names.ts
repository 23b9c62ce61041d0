/**
 * The autofill field names of the HTML standard: an autocomplete token among them says what a
 * field is (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field).
 * Any other token (on, off, section-*, shipping, mobile, or the made-up values pages use to
 * keep browsers from filling, such as "chrome-off" or "nope") says nothing about the field.
 */
const FIELD_NAMES: ReadonlySet<string> = new Set([
  'name',
  'honorific-prefix',
  'given-name',
  'additional-name',
  'family-name',
  'honorific-suffix',
  'nickname',
  'username',
  'new-password',
  'current-password',
  'one-time-code',
  'organization-title',
  'organization',
  'street-address',
  'address-line1',
  'address-line2',
  'address-line3',
  'address-level4',
  'address-level3',
  'address-level2',
  'address-level1',
  'country',
  'country-name',
  'postal-code',
  'cc-name',
  'cc-given-name',
  'cc-additional-name',
  'cc-family-name',
  'cc-number',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-csc',
  'cc-type',
  'transaction-currency',
  'transaction-amount',
  'language',
  'bday',
  'bday-day',
  'bday-month',
  'bday-year',
  'sex',
  'url',
  'photo',
  'tel',
  'tel-country-code',
  'tel-national',
  'tel-area-code',
  'tel-local',
  'tel-local-prefix',
  'tel-local-suffix',
  'tel-extension',
  'email',
  'impp',
]);

/** Whether a token names a field other than the ones allowed (the field is something else). */
export function namesOtherField(tokens: readonly string[], allowed: ReadonlySet<string>): boolean {
  for (const token of tokens) if (FIELD_NAMES.has(token) && !allowed.has(token)) return true;
  return false;
}
