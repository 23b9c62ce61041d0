import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { SERVICE_TABLE } from '../providers/data/services.ts';
import { CATALOG } from './catalog.ts';

describe('service catalog', () => {
  it('knows at least 150 services', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
  });

  it('lists registrable domains, each claimed by one service only', () => {
    const seen = new Map<string, string>();
    for (const s of CATALOG) {
      for (const d of s.domains) {
        expect(getDomain(d, { allowPrivateDomains: true }), `${s.name}: ${d}`).toBe(d);
        expect(seen.get(d), `${d} claimed twice`).toBeUndefined();
        seen.set(d, s.name);
      }
    }
  });

  it('uses SMS-Activate service codes, agreeing with the provider data where both know one', () => {
    const names = new Map(SERVICE_TABLE.map((r) => [r.code, r.name]));
    for (const s of CATALOG) {
      expect(s.code).toMatch(/^[a-z0-9]{2}$/);
      const other = names.get(s.code);
      if (other)
        expect(other.toLowerCase().slice(0, 3), s.name).toBe(s.name.toLowerCase().slice(0, 3));
    }
  });
});
