import { existsSync, readFileSync } from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, SERVICES } from '../../../sandbox/catalog.ts';
import { FIVESIM_COUNTRY, FIVESIM_PRODUCT } from '../../../sandbox/faces/fivesim-names.ts';
import { COUNTRY_TABLE, countryByFivesimName, countryById } from './countries.ts';
import { SERVICE_TABLE, serviceByCode, serviceByFivesimProduct } from './services.ts';

const unique = (values: (string | null)[]) => {
  const present = values.filter((v): v is string => v !== null);
  return new Set(present).size === present.length;
};

describe('country table', () => {
  it('ids, ISO codes (but the two US pools) and 5sim names are unique and well-formed', () => {
    expect(unique(COUNTRY_TABLE.map((c) => c.id))).toBe(true);
    expect(unique(COUNTRY_TABLE.filter((c) => c.id !== '12').map((c) => c.iso))).toBe(true);
    expect(unique(COUNTRY_TABLE.map((c) => c.fivesim))).toBe(true);
    for (const c of COUNTRY_TABLE) {
      expect(isSupportedCountry(c.iso), c.iso).toBe(true);
      expect(c.fivesim ?? 'ok').toMatch(/^[a-z]+$/);
    }
  });

  it('agrees with the SMS-Activate ids in providers.md', () => {
    const documented: Record<string, string> = {
      '0': 'RU',
      '1': 'UA',
      '2': 'KZ',
      '3': 'CN',
      '4': 'PH',
      '6': 'ID',
      '7': 'MY',
      '10': 'VN',
      '12': 'US',
      '15': 'PL',
      '16': 'GB',
      '22': 'IN',
      '33': 'CO',
      '36': 'CA',
      '43': 'DE',
      '48': 'NL',
      '52': 'TH',
      '54': 'MX',
      '56': 'ES',
      '62': 'TR',
      '73': 'BR',
      '78': 'FR',
      '86': 'IT',
      '187': 'US',
    };
    for (const [id, iso] of Object.entries(documented)) expect(countryById(id)?.iso).toBe(iso);
  });

  it('covers every sandbox country, with the same 5sim names the sandbox serves', () => {
    for (const c of COUNTRIES) {
      expect(countryById(c.id)?.iso, c.eng).toBe(c.iso);
      expect(countryById(c.id)?.fivesim ?? undefined, c.eng).toBe(FIVESIM_COUNTRY[c.id]);
    }
    expect(countryByFivesimName('England')?.iso).toBe('GB');
  });
});

// The corpus lives beside the repository in the team's workspace, not in it.
const CORPUS = new URL(
  '../../../../shared/corpora/services/sms-activate-codes_from_BAS-sites.tsv',
  import.meta.url,
);

/** name, SMS-Activate code, 5sim product from the BAS corpus (about 2021). */
function corpus(): { name: string; code: string; fivesim: string }[] {
  const file = CORPUS;
  const [, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  return rows.map((r) => {
    const [name = '', code = '', fivesim = ''] = r.split('\t');
    return { name, code: code.trim(), fivesim: fivesim.trim() };
  });
}

describe('service table', () => {
  it('codes and 5sim products are unique', () => {
    expect(unique(SERVICE_TABLE.map((s) => s.code))).toBe(true);
    expect(unique(SERVICE_TABLE.map((s) => s.fivesim))).toBe(true);
  });

  it.skipIf(!existsSync(CORPUS))('agrees with the corpus wherever it knows the service', () => {
    const rows = corpus();
    expect(rows.length).toBeGreaterThan(250);
    let checked = 0;
    for (const s of SERVICE_TABLE) {
      const row = rows.find((r) => r.code === s.code);
      if (!row?.fivesim) continue;
      expect(s.fivesim, `${s.code} (${row.name})`).toBe(row.fivesim);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('covers every sandbox service, with the same 5sim products the sandbox serves', () => {
    for (const s of SERVICES) {
      expect(serviceByCode(s.code), s.name).toBeDefined();
      expect(serviceByCode(s.code)?.fivesim ?? undefined, s.name).toBe(FIVESIM_PRODUCT[s.code]);
    }
    expect(serviceByFivesimProduct('discord')?.code).toBe('ds');
  });
});
