import { createCodasmsProvider } from './codasms/client.ts';
import { createFivesimProvider } from './fivesim/client.ts';
import { expect, it } from 'vitest';
import type { DialectName } from '../../sandbox/dialects/index.ts';
import { SMS_ACTIVATE_HOSTS, smsActivateHost } from './sms-activate/hosts.ts';
import { createSmsActivateProvider } from './sms-activate/client.ts';
import { defineProviderContract } from '../../tests/support/providers/contract.ts';

// Every adapter, each against the sandbox face that speaks its protocol.

defineProviderContract('CODASMS', () => ({
  create: (o) => createCodasmsProvider(o),
  isOrderRequest: (url, method) => method === 'POST' && url.pathname === '/v1/orders',
}));

const isSmsActivateOrder = (url: URL) =>
  /^getNumber(V2)?$/.test(url.searchParams.get('action') ?? '');

defineProviderContract('SMS-Activate protocol (custom host)', () => ({
  create: ({ baseUrl, ...o }) =>
    createSmsActivateProvider({ ...o, host: smsActivateHost('custom', baseUrl) }),
  isOrderRequest: isSmsActivateOrder,
  refusesAboveCap: true,
}));

// Every preset against the sandbox speaking its host's dialect (sandbox/dialects/README.md).
const PRESET_DIALECTS: readonly [preset: string, dialect: DialectName, listing: boolean][] = [
  ['herosms', 'herosms', true],
  ['grizzlysms', 'grizzly', false],
  ['smshub', 'classic', true],
  ['daisysms', 'daisysms', false],
  ['smsbower', 'smsbower', false],
  ['sms-activate', 'classic', true],
];

for (const [preset, dialect, listing] of PRESET_DIALECTS) {
  defineProviderContract(`SMS-Activate preset ${preset} (${dialect} dialect)`, () => ({
    create: ({ baseUrl, ...o }) =>
      createSmsActivateProvider({ ...o, host: smsActivateHost(preset, baseUrl) }),
    isOrderRequest: isSmsActivateOrder,
    dialect,
    listing,
    refusesAboveCap: true,
  }));
}

it('every SMS-Activate preset is in the contract, each against its dialect', () => {
  expect(PRESET_DIALECTS.map(([preset]) => preset).sort()).toEqual(
    SMS_ACTIVATE_HOSTS.map((h) => h.id).sort(),
  );
});

defineProviderContract('5sim', () => ({
  create: (o) => createFivesimProvider({ ...o, currency: 'USD' }),
  isOrderRequest: (url) => url.pathname.startsWith('/v1/user/buy/'),
}));
