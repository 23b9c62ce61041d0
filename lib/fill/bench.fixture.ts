/**
 * A synthetic page of `n` form controls for timing classifyPage: a realistic mix (names,
 * e-mails, addresses, selects, search boxes, a phone widget and a split code row) repeated,
 * each descriptor with its own texts so nothing is shared between rows.
 */
import type { FieldDescriptor } from './collect.ts';

const KINDS: readonly Partial<FieldDescriptor>[] = [
  { name: 'firstName', labelText: 'First name', autocomplete: ['given-name'] },
  { name: 'email', type: 'email', labelText: 'Email address', placeholder: 'you@example.com' },
  { name: 'address1', labelText: 'Street address', autocomplete: ['address-line1'] },
  { name: 'zip', labelText: 'ZIP / Postal code', maxLength: 10 },
  { name: 'q', type: 'search', placeholder: 'Search products' },
  { name: 'promo', labelText: 'Promo code', maxLength: 12 },
  {
    tag: 'select',
    type: 'select',
    name: 'country',
    labelText: 'Country',
    options: [
      { value: 'US', text: 'United States' },
      { value: 'ID', text: 'Indonesia' },
    ],
  },
  { name: 'phone', type: 'tel', labelText: 'Phone number', autocomplete: ['tel'] },
  { name: 'comment', tag: 'textarea', type: 'textarea', labelText: 'Tell us more' },
  { name: 'otp-0', maxLength: 1, inputMode: 'numeric', ariaLabel: 'Digit 1' },
];

export function syntheticFields(n: number): FieldDescriptor[] {
  return Array.from({ length: n }, (_, index) => {
    const kind = KINDS[index % KINDS.length] ?? {};
    const row = Math.floor(index / KINDS.length);
    return {
      index,
      tag: 'input',
      type: 'text',
      id: `f${index}`,
      className: 'form-control',
      autocomplete: [],
      inputMode: '',
      maxLength: null,
      pattern: '',
      placeholder: '',
      ariaLabel: '',
      title: '',
      nearImage: false,
      labelText: '',
      nearbyText: `Section ${row}`,
      groupLabel: '',
      adjacentDialCode: null,
      value: '',
      options: [],
      hidden: false,
      transparent: false,
      disabled: false,
      readOnly: false,
      tabIndex: 0,
      ariaHidden: false,
      rect: { x: (index % KINDS.length) * 40, y: row * 60, width: 180, height: 32 },
      hasLayout: true,
      parentKey: index + 1,
      grandparentKey: row + 100_000,
      ancestorKeys: [index + 1, row + 100_000, 200_000],
      formKey: row + 300_000,
      ...kind,
      name: `${kind.name ?? 'field'}_${row}`,
    };
  });
}
