import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { ProblemHelp } from './ProblemHelp.tsx';

beforeAll(() => useMessages('en'));
afterAll(() => setMessages('en', null));

const html = (kind: string, extra: { topUpUrl?: string | null; onRetry?: () => void } = {}) =>
  renderToStaticMarkup(<ProblemHelp problem={{ kind, message: 'raw adapter text' }} {...extra} />);

describe('ProblemHelp', () => {
  it('no balance: says so and links to the provider site to top up', () => {
    const out = html('no_balance', { topUpUrl: 'https://codasms.com' });
    expect(out).toContain('Your balance is too low for this number.');
    expect(out).toContain('href="https://codasms.com"');
    expect(out).toContain('Top up your balance on codasms.com');
  });

  it('no balance without a known site: tells the user where to go in words', () => {
    expect(html('no_balance')).toContain('Add money on your provider’s site');
  });

  it('no numbers: points at the other countries', () => {
    expect(html('no_numbers')).toContain('Pick another country from the list below.');
  });

  it('bad key: offers the settings', () => {
    expect(html('bad_key')).toContain('>Check the API key</button>');
  });

  it('a passing problem offers a retry only when the caller can retry', () => {
    expect(html('network')).not.toContain('Try again</button>');
    expect(html('network', { onRetry: () => undefined })).toContain('Try again</button>');
    expect(html('bad_key', { onRetry: () => undefined })).not.toContain('Try again</button>');
  });

  it("a kind the popup does not know shows the background's own message", () => {
    expect(html('internal')).toContain('raw adapter text');
  });
});

describe('ProblemHelp: a price that moved before buying', () => {
  const moved = (price: { cents: number; currency: string } | null, onAccept?: () => void) =>
    renderToStaticMarkup(
      <ProblemHelp problem={{ kind: 'price_moved', message: 'raw', price }} onAccept={onAccept} />,
    );

  it('says nothing was bought, shows the new price and a button to order at it', () => {
    const out = moved({ cents: 27, currency: 'USD' }, () => undefined);
    expect(out).toContain('The price changed since the list was shown, so nothing was bought.');
    expect(out).toContain('It is $0.27 now.');
    expect(out).toContain('>Order at $0.27</button>');
  });

  it('an offer that is gone: says so, with nothing to accept', () => {
    const out = moved(null, () => undefined);
    expect(out).toContain('This offer is no longer available');
    expect(out).not.toContain('</button>');
  });
});
