/**
 * Filling a split phone number: each box gets its slice (country code, area code, prefix, line
 * or the whole national number), typed as a user would, each read back; a box that did not keep
 * its slice is cleared and tried by paste, then by a direct set.
 */
import { formatNational, type PhoneParts } from '../phone/index.ts';
import type { PhonePartRole } from './classify-phone-split.ts';
import { clear, focus, pasteText, setValue, tick, typeText } from './events.ts';

export interface PhonePart {
  input: HTMLInputElement;
  role: PhonePartRole;
}

export interface PartsReport {
  ok: boolean;
  /** The number as the boxes hold it: "+1 2015550123" with a country box, else national digits. */
  value: string;
  detail?: string;
}

const digits = (s: string): string => s.replace(/\D/g, '');

/** The national number's groups as the country writes them, without a trunk prefix. */
function nationalGroups(parts: PhoneParts): string[] {
  const groups = formatNational(parts.e164).split(/\D+/).filter(Boolean);
  while (groups.length > 1 && groups.join('') !== parts.national) {
    if (!parts.national.endsWith(groups.slice(1).join(''))) break;
    groups.shift(); // "8 (912) 345-67-89": the 8 is the trunk prefix
  }
  return groups.join('') === parts.national ? groups : [parts.national];
}

function maxOf(input: HTMLInputElement): number | null {
  return input.maxLength > 0 ? input.maxLength : null;
}

/**
 * The number's national groups as written there ("090-1234-5678", trunk prefix included), when
 * there is one per box and each fits its box.
 */
function writtenGroups(parts: readonly PhonePart[], number: PhoneParts): string[] | null {
  const boxes = parts.filter((p) => p.role !== 'country');
  const groups = formatNational(number.e164).split(/\D+/).filter(Boolean);
  if (groups.length !== boxes.length || boxes.length < 2) return null;
  return boxes.every((b, i) => (groups[i]?.length ?? 0) <= (maxOf(b.input) ?? 99)) ? groups : null;
}

/** What each box gets, in order; null when the boxes cannot hold this number. */
export function slicesFor(parts: readonly PhonePart[], number: PhoneParts): string[] | null {
  const written = writtenGroups(parts, number);
  const groups = nationalGroups(number);
  let rest = number.national;
  const out: string[] = [];
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    let take: string;
    if (p.role === 'country') {
      const dial = digits(number.dialCode);
      const plus = /\+/.test(`${p.input.value}${p.input.placeholder}`);
      const max = maxOf(p.input);
      take = plus && (max === null || max > dial.length) ? `+${dial}` : dial;
      out.push(take);
      return;
    }
    if (written) take = written.shift() ?? '';
    else if (last || p.role === 'national' || p.role === 'line') take = rest;
    else if (p.role === 'area') take = rest.slice(0, maxOf(p.input) ?? groups[0]?.length ?? 3);
    else take = rest.slice(0, maxOf(p.input) ?? 3);
    rest = rest.slice(take.length);
    out.push(take);
  });
  if ((!written && rest !== '') || out.some((s) => s === '')) return null;
  return out;
}

async function fillBox(input: HTMLInputElement, text: string): Promise<boolean> {
  const writes = [typeText, pasteText, setValue];
  for (const write of writes) {
    focus(input);
    clear(input);
    write(input, text);
    await tick();
    if (digits(input.value) === digits(text)) return true;
  }
  return false;
}

export async function fillPhoneParts(
  parts: readonly PhonePart[],
  number: PhoneParts,
): Promise<PartsReport> {
  const slices = slicesFor(parts, number);
  if (!slices) return { ok: false, value: '', detail: 'the boxes do not fit this number' };
  let ok = true;
  for (const [i, part] of parts.entries()) ok = (await fillBox(part.input, slices[i] ?? '')) && ok;
  // A box that jumps ahead on input may have spilled into its neighbour: read all back.
  const held = parts.map((p) => digits(p.input.value));
  const national = parts.map((p, i) => (p.role === 'country' ? '' : (held[i] ?? ''))).join('');
  const country = parts.some((p) => p.role === 'country');
  const dial = digits(number.dialCode);
  ok &&= national === number.national || national === digits(formatNational(number.e164));
  ok &&= parts.every((p, i) => p.role !== 'country' || held[i] === dial);
  const value = country ? `+${dial} ${national}` : national;
  return ok ? { ok, value } : { ok, value, detail: 'the boxes did not keep the number' };
}
