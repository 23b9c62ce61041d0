import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { getDomain } from 'tldts';
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, dataFileText, tldtsRules } from '../../tests/support/public-suffixes.ts';
import { domainOf } from './public-suffix.ts';

const RULES = tldtsRules();
/** tldts' answer as a URL would carry it: Unicode labels in punycode, no domain as null. */
const oracle = (host: string) => {
  const domain = getDomain(host, { allowPrivateDomains: true });
  if (!domain) return null;
  return /[^ -~]/.test(domain) ? domainToASCII(domain) : domain;
};

describe('the packed public-suffix rules', () => {
  it('are the rules of the installed tldts (else run `npm run psl`)', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(dataFileText());
  });

  it('hold ICANN and private rules, exceptions included', () => {
    expect(RULES.length).toBeGreaterThan(9000);
    expect(RULES.some((r) => r.private)).toBe(true);
    expect(RULES.some((r) => r.rule === '!www.ck')).toBe(true);
  });
});

describe('domainOf', () => {
  it.each<[string, string | null]>([
    ['canary.discord.com', 'discord.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['co.uk', null],
    ['alice.github.io', 'alice.github.io'],
    ['a.b.alice.github.io', 'alice.github.io'],
    ['github.io', null],
    ['www.ck', 'www.ck'],
    ['shop.www.ck', 'www.ck'],
    ['foo.ck', null],
    ['bar.foo.ck', 'bar.foo.ck'],
    ['city.kawasaki.jp', 'city.kawasaki.jp'],
    ['x.y.kawasaki.jp', 'x.y.kawasaki.jp'],
    ['a.b.example.unlistedtld', 'example.unlistedtld'],
    ['Discord.COM.', 'discord.com'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['127.0.0.1', null],
    ['[::1]', null],
    ['-bad.com', null],
    ['a..com', null],
    ['.example.com', 'example.com'],
    ['example.com..', 'example.com'],
    ['', null],
  ])('%s -> %s', (host, domain) => {
    expect(domainOf(host)).toBe(domain);
  });

  it("answers as tldts for every rule's own name, the names under it and beside it", () => {
    const wrong: string[] = [];
    for (const { rule } of RULES) {
      const base = rule.replace(/^!/, '').replaceAll('*', 'any');
      // Beside it: the rule's parent is often only a step towards longer rules (devs.ai).
      const parent = base.slice(base.indexOf('.') + 1);
      for (const host of [base, `a.${base}`, `b.a.${base}`, parent, `zz.${parent}`]) {
        if (domainOf(host) !== oracle(host)) wrong.push(host);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers as tldts at the longest hostnames, trailing dot or not', () => {
    const label = 'a'.repeat(63);
    for (let length = 250; length <= 258; length++) {
      const host = `${label}.${label}.${label}.${label}.com`.slice(-length).replace(/^[.-]+/, 'b');
      expect(domainOf(host), host).toBe(oracle(host));
      expect(domainOf(`${host}.`), `${host}.`).toBe(oracle(`${host}.`));
    }
  });

  it('turns down a "hostname" of thousands of dots at once', () => {
    expect(domainOf(`a${'.'.repeat(80_000)}x`)).toBeNull();
    expect(domainOf(`example.com${'.'.repeat(80_000)}`)).toBeNull();
  });

  // No empty labels: a URL's hostname has none (the dots at either end are in the table above).
  it('answers as tldts for made-up hostnames built from listed labels', () => {
    const labels = [...new Set(RULES.flatMap((r) => r.rule.split('.')))].filter((l) =>
      /^[a-z0-9-]+$/.test(l),
    );
    const label = fc.oneof(
      fc.constantFrom(...labels),
      fc.stringMatching(/^[a-z0-9_-]{1,12}$/),
      fc.constantFrom('*', 'xn--p1ai', '1', '255'),
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), (parts) => {
        const host = parts.join('.');
        expect(domainOf(host)).toBe(oracle(host));
      }),
      { numRuns: 5000 },
    );
  });
});
