import { describe, expect, it } from 'vitest';
import { errorFromReason, idFromWire, idToWire, kindOfReason } from './map.ts';

describe('CODASMS reasons', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a reason named like an Object property (%s) is no kind: shown as the server said it',
    (reason) => {
      expect(kindOfReason(reason)).toBeNull();
      const e = errorFromReason(reason);
      expect(e.kind).toBe('provider_down');
      expect(e.message).toContain(reason);
    },
  );

  it('documented reasons map to their kinds; price_moved is its own kind', () => {
    expect(errorFromReason('insufficient_balance').kind).toBe('no_balance');
    expect(errorFromReason('price_moved').kind).toBe('price_moved');
    expect(errorFromReason('unavailable').kind).toBe('unavailable');
  });
});

describe('CODASMS order ids', () => {
  it('go back as the server sent them: a number as a number, text as text', () => {
    expect(idToWire(idFromWire(1234567890))).toBe(1234567890);
    expect(idToWire(idFromWire('1234567890'))).toBe('1234567890');
    expect(idToWire(idFromWire('ord_7f3'))).toBe('ord_7f3');
  });
});
