import { afterEach, describe, expect, it } from 'vitest';
import { problemText } from '../../../components/shared/problem.ts';
import { setMessages } from '../../i18n.ts';
import { useMessages } from '../../../tests/support/messages.ts';
import { kindsOf } from './map.ts';

// Each error an SMS-Activate host can send reaches the user as words of its own in each
// language (top up, order not found, too early...), never the background's English fallback.

const use = useMessages;

afterEach(() => setMessages('en', null));

describe('words for what SMS-Activate hosts report', () => {
  const kinds = [...new Set(Object.values(kindsOf('any')))].sort();

  it('the error maps cover the kinds a user must act on differently', () => {
    expect(kinds).toEqual(
      expect.arrayContaining([
        'bad_key',
        'no_balance',
        'no_numbers',
        'not_found',
        'too_early_to_cancel',
        'code_already_received',
        'price_above_cap',
      ]),
    );
  });

  it.each(['en', 'ru'] as const)('every kind has its own words in %s', async (lang) => {
    await use(lang);
    const texts = kinds.map((kind) => problemText({ kind, message: 'RAW' }));
    expect(texts).not.toContain('RAW');
    // "Top up" is not "order not found": the kinds a user acts on differently read differently.
    const say = (kind: string) => problemText({ kind, message: 'RAW' });
    expect(new Set(['no_balance', 'not_found', 'too_early_to_cancel'].map(say)).size).toBe(3);
  });
});
