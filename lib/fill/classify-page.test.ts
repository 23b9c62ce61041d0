import { describe, expect, it } from 'vitest';
import { syntheticFields } from './bench.fixture.ts';
import { classifyPage } from './classify-page.ts';

describe('classifyPage (the benchmark unit)', () => {
  it('finds the phone field on a long page and ignores promo, zip and search fields', () => {
    const fields = syntheticFields(2000);
    const result = classifyPage(fields);
    expect(result.phone?.name).toMatch(/^phone_\d+$/);
    expect(result.code?.every((f) => !/promo|zip|q_/.test(f.name)) ?? true).toBe(true);
  });
});
