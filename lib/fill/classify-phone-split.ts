/**
 * Split phone fields: one number typed into a row of boxes (US area + prefix + line, a city code
 * + number, a country-code box + national number). Pure: reads descriptors only. Roles come
 * from autocomplete tokens where the page gives them, else from the boxes' lengths and words.
 */
import { TEXT_LIKE, textsOf, usable } from './classify-text.ts';
import type { FieldDescriptor } from './collect.ts';
import { KEYWORDS } from './keywords.ts';

export type PhonePartRole = 'country' | 'area' | 'prefix' | 'line' | 'national';

export interface PhonePartPick<F> {
  field: F;
  role: PhonePartRole;
}

const AC_ROLE: Record<string, PhonePartRole> = {
  'tel-country-code': 'country',
  'tel-area-code': 'area',
  'tel-local-prefix': 'prefix',
  'tel-local-suffix': 'line',
  'tel-local': 'line',
  'tel-national': 'national',
};

const AREA_SOURCE =
  'area|city ?code|(?<![a-z])(?:npa|std)(?![a-z])|vorwahl|код города|区号|市外局番|지역번호|prefijo|indicativo|(?<![a-z])ddd(?![a-z])';
const AREA_WORDS = new RegExp(AREA_SOURCE, 'u');
/** Part names ("area code", "ext.") taken out before asking whether a row is a work phone. */
const PART_NAMES = new RegExp(`${AREA_SOURCE}|(?<![a-z])ext\\w*`, 'gu');

function box(d: FieldDescriptor): boolean {
  return (
    d.tag === 'input' &&
    TEXT_LIKE.has(d.type) &&
    d.type !== 'password' &&
    usable(d) &&
    !d.transparent
  );
}

function acRole(d: FieldDescriptor): PhonePartRole | null {
  for (const tok of d.autocomplete) {
    const role = AC_ROLE[tok];
    if (role) return role;
  }
  return null;
}

/** Neighbours in one widget: a shared parent, grandparent or great-grandparent. */
function together(a: FieldDescriptor, b: FieldDescriptor): boolean {
  return a.ancestorKeys.some((k) => k !== 0 && b.ancestorKeys.includes(k));
}

const lengthOf = (d: FieldDescriptor): number | null =>
  d.maxLength !== null && d.maxLength > 0 ? d.maxLength : null;

/** A box's length, or 4 for an unbounded one that shows a dial code ("+33"). */
const boxLength = (d: FieldDescriptor): number | null => lengthOf(d) ?? (dialLooking(d) ? 4 : null);

function dialLooking(d: FieldDescriptor): boolean {
  const t = textsOf(d);
  return (
    KEYWORDS.dialCode.test(`${t.ids} ${t.labels}`) ||
    /^\+\d{0,4}$/.test(d.value.trim()) ||
    /^\+\d{0,4}$/.test(d.placeholder.trim())
  );
}

/** Roles for a run of 2-4 boxes from their lengths and words; null when it is no phone row. */
function rolesByShape(run: readonly FieldDescriptor[]): PhonePartRole[] | null {
  const lens = run.map((d, i) => (i === 0 ? boxLength(d) : lengthOf(d)));
  const [a = null, b = null, c = null, d = null] = lens;
  const last = lens[lens.length - 1] ?? null;
  if (run.length === 4 && a !== null && a <= 4 && b === 3 && c === 3 && d === 4)
    return ['country', 'area', 'prefix', 'line'];
  if (run.length === 3 && a === 3 && b === 3 && c === 4) return ['area', 'prefix', 'line'];
  // 090-1234-5678, 010-1234-5678: three short boxes, filled with the national groups.
  if (run.length === 3 && [a, b, c].every((x) => x !== null && x >= 2 && x <= 4))
    return dialLooking(run[0] as FieldDescriptor) ? null : ['area', 'prefix', 'line'];
  if (run.length === 3 && a !== null && a <= 4 && dialLooking(run[0] as FieldDescriptor))
    return b !== null && b <= 5 ? ['country', 'area', 'line'] : null;
  if (run.length !== 2 || a === null || a > 5 || (last !== null && last < 6)) return null;
  const first = run[0] as FieldDescriptor;
  if (dialLooking(first) && a <= 4) return ['country', 'national'];
  const t = textsOf(first);
  if (AREA_WORDS.test(`${t.ids} ${t.labels}`)) return ['area', 'line'];
  return null;
}

function phoneEvidence(run: readonly FieldDescriptor[]): boolean {
  return run.some((d) => {
    const t = textsOf(d);
    return (
      d.type === 'tel' ||
      d.autocomplete.some((a) => a.startsWith('tel')) ||
      KEYWORDS.phone.test(`${t.ids} ${t.labels} ${t.group}`) ||
      KEYWORDS.phone.test(t.nearby)
    );
  });
}

function notPhone(run: readonly FieldDescriptor[]): boolean {
  const first = run[0];
  const head = first ? textsOf(first) : null;
  // A work, home or backup number, by the row's label ("area code" names a part, not a row).
  if (head && KEYWORDS.notPrimaryPhone.test(`${head.group} ${head.nearby}`.replace(PART_NAMES, '')))
    return true;
  return run.some((d) => {
    const t = textsOf(d);
    const own = `${t.ids} ${t.labels}`;
    return (
      (KEYWORDS.notPhone.test(own) && !KEYWORDS.phone.test(own)) ||
      KEYWORDS.notPrimaryPhone.test(own.replace(PART_NAMES, '')) ||
      d.autocomplete.some((a) => a.startsWith('cc-') || a === 'bday' || a.startsWith('bday-'))
    );
  });
}

function rolesOf(run: readonly FieldDescriptor[]): PhonePartRole[] | null {
  const byAc = run.map(acRole);
  if (byAc.every((r) => r !== null)) {
    const roles = byAc as PhonePartRole[];
    // "national" after an area code is the rest of the number.
    return roles.map((r, i) => (r === 'national' && roles[i - 1] === 'area' ? 'line' : r));
  }
  return rolesByShape(run);
}

/**
 * The best split phone group: runs of 2-4 adjacent boxes in one widget whose roles fit a phone
 * number and that something calls a phone. The primary phone comes first in the page; a
 * group marked secondary, landline or an extension is left alone.
 */
export function pickPhoneParts<F extends FieldDescriptor>(
  fields: readonly F[],
): PhonePartPick<F>[] | null {
  for (let i = 0; i < fields.length; i++) {
    const start = fields[i] as F;
    if (!box(start)) continue;
    const startLen = lengthOf(start);
    const shortStart = startLen !== null ? startLen <= 5 : dialLooking(start);
    if (acRole(start) === null && !shortStart) continue;
    for (let n = 4; n >= 2; n--) {
      const run = fields.slice(i, i + n);
      if (run.length !== n) continue;
      if (!run.every((f, k) => box(f) && (k === 0 || together(run[k - 1] as F, f)))) continue;
      const roles = rolesOf(run);
      if (!roles || !phoneEvidence(run) || notPhone(run)) continue;
      return run.map((field, k) => ({ field, role: roles[k] as PhonePartRole }));
    }
  }
  return null;
}
