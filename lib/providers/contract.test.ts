import { createCodasmsProvider } from './codasms/client.ts';
import { createFivesimProvider } from './fivesim/client.ts';
import { smsActivateHost } from './sms-activate/hosts.ts';
import { createSmsActivateProvider } from './sms-activate/client.ts';
import { defineProviderContract } from './testing/contract.ts';

// Every adapter, each against the sandbox face that speaks its protocol.

defineProviderContract('CODASMS', () => ({
  create: (o) => createCodasmsProvider(o),
  isOrderRequest: (url, method) => method === 'POST' && url.pathname === '/v1/orders',
}));

defineProviderContract('SMS-Activate protocol', () => ({
  create: ({ baseUrl, ...o }) =>
    createSmsActivateProvider({ ...o, host: smsActivateHost('custom', baseUrl) }),
  isOrderRequest: (url) => /^getNumber(V2)?$/.test(url.searchParams.get('action') ?? ''),
}));

defineProviderContract('5sim', () => ({
  create: (o) => createFivesimProvider({ ...o, currency: 'USD' }),
  isOrderRequest: (url) => url.pathname.startsWith('/v1/user/buy/'),
}));
