// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveryStats } from '@/lib/history/delivery-stats.ts';
import { setMessages } from '@/lib/i18n.ts';
import type { Offer, Tier } from '@/lib/providers/types.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { deliveryFacts, deliveryLine } from './delivery-text.ts';
import { groupOffers } from './offer-order.ts';
import { OfferRowItem } from './OfferRowItem.tsx';

afterAll(() => setMessages('en', null));

function offer(tier: Tier, extra: Partial<Offer> = {}): Offer {
  return {
    providerId: 'codasms',
    providerName: 'CODASMS',
    country: '6',
    countryName: 'Indonesia',
    countryIso: 'ID',
    tier,
    price: { cents: 10, currency: 'USD' },
    priceIsCap: false,
    stock: 100,
    ...extra,
  };
}

function record(codes: number, orders: number, medianSeconds: number | null): DeliveryStats {
  return {
    providerId: 'codasms',
    service: 'ds',
    country: '6',
    tier: 'standard',
    serviceName: 'Discord',
    countryName: 'Indonesia',
    orders,
    codes,
    medianSeconds,
  };
}

/** The text a user reads on the row: tags out, the non-breaking spaces of ru as spaces. */
function rowText(offers: Offer[], stats: DeliveryStats | undefined, tiers: Tier[] = ['standard']) {
  const [row] = groupOffers(offers);
  if (!row) throw new Error('no row');
  const html = renderToStaticMarkup(
    <OfferRowItem
      row={row}
      label="Indonesia"
      tiers={tiers}
      preferred="standard"
      showSeller={false}
      statsOf={(o) => (o.tier === 'standard' ? stats : undefined)}
      busy={false}
      onPick={() => undefined}
    />,
  );
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ') };
}

describe('the delivery record on an offer row', () => {
  it('shows rate, median time and orders once there are 3 orders', async () => {
    await useMessages('en');
    const { text, html } = rowText([offer('standard')], record(11, 12, 40));
    expect(text).toContain('91% · 40 s · 12 orders');
    // The tier's button is described by it, for a screen reader.
    expect(html).toMatch(/id="([^"]+)"[^>]*data-testid="delivery-standard"/);
    const id = /id="([^"]+)"[^>]*data-testid="delivery-standard"/.exec(html)?.[1] ?? '';
    expect(html).toContain(`aria-describedby="${id}"`);
  });

  it('hides a record of fewer than 3 orders', async () => {
    await useMessages('en');
    const { html } = rowText([offer('standard')], record(2, 2, 30));
    expect(html).not.toContain('delivery-standard');
    expect(html).not.toContain('aria-describedby');
  });

  it("says the provider's own rate and whose it is, beside the user's record", async () => {
    await useMessages('en');
    const fivesim = { providerId: 'fivesim', providerName: '5sim', providerRate: 87.4 } as const;
    expect(rowText([offer('standard', fivesim)], undefined).text).toContain('5sim: 87%');
    const both = rowText(
      [offer('standard', fivesim), offer('priority')],
      { ...record(3, 3, 95), providerId: 'fivesim' },
      ['standard', 'priority'],
    );
    expect(both.text).toContain('Standard 100% · 2 min · 3 orders · 5sim: 87%');
    expect(both.html).not.toContain('delivery-priority');
  });

  it('leaves the time out when no code came, and words and numbers follow the language', async () => {
    await useMessages('en');
    expect(deliveryLine({ own: record(0, 3, null), providerRate: null }, 'CODASMS')).toBe(
      '0% · 3 orders',
    );
    await useMessages('ru');
    const ru = rowText([offer('standard')], record(11, 12, 40)).text;
    expect(ru).toContain('91 % · 40 с · 12 заказов');
    expect(rowText([offer('standard')], record(2, 3, 1500)).text).toContain(
      '66 % · 25 мин · 3 заказа',
    );
    const facts = deliveryFacts(offer('standard', { providerRate: 99.6 }), undefined);
    // Rounded down: 99.6 % is not "100 %".
    expect(facts && deliveryLine(facts, '5sim').replace(/\s/g, ' ')).toBe('5sim: 99 %');
  });
});
