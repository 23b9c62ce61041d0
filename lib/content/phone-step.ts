import { holdsNumber, type PhoneTarget } from '../fill/index.ts';

/** A page may keep a dial code in the field ("+62 "): that much is still an empty field. */
const MAX_PREFILLED_DIGITS = 4;

/**
 * Whether the page is still on the phone step of the order with this number: its phone field
 * is there and is empty or still holds the number. A field gone (the page went on to another
 * step) or holding another number (the user typed their own) means the page moved on: a new
 * number must not be put there by itself.
 */
export function phoneStepOf(target: PhoneTarget | null, e164: string): 'phone' | 'moved' {
  if (!target) return 'moved';
  const inputs = target.parts?.map((p) => p.input) ?? [target.input];
  const digits = inputs
    .map((i) => i.value)
    .join('')
    .replace(/\D/g, '');
  return digits.length <= MAX_PREFILLED_DIGITS || holdsNumber(target, e164) ? 'phone' : 'moved';
}
