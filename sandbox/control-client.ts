/**
 * The one client of the sandbox's control API (accounts, SMS, settings, faults, ledger), for
 * the e2e suite, the demo, the soak, the bench and the provider contract tests. Replies are
 * parsed, so a change in the sandbox's ledger shape fails loudly where it is read.
 */
import * as z from 'zod';

export const ledgerMovementSchema = z.object({
  type: z.enum(['hold', 'charge', 'refund']),
  cents: z.number().int(),
  at: z.string(),
  reason: z.string().optional(),
});

export const ledgerOrderSchema = z.object({
  order_id: z.string(),
  service: z.string(),
  country: z.string(),
  band: z.string(),
  number: z.string(),
  price_cents: z.number().int(),
  state: z.string(),
  code: z.string().nullable(),
  movements: z.array(ledgerMovementSchema),
});

export const ledgerSchema = z.object({
  balance_cents: z.number().int(),
  held_cents: z.number().int(),
  deposits_cents: z.number().int(),
  charged_cents: z.number().int(),
  refunded_cents: z.number().int(),
  orders: z.array(ledgerOrderSchema),
});

export type LedgerMovement = z.infer<typeof ledgerMovementSchema>;
export type LedgerOrder = z.infer<typeof ledgerOrderSchema>;
export type Ledger = z.infer<typeof ledgerSchema>;

export interface SandboxSettings {
  window_seconds?: number;
  early_cancel_seconds?: number;
  rate_limit?: number;
}

export function sandboxControl(base: string) {
  async function call(path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${base}/control/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok)
      throw new Error(`sandbox control ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    call,
    createAccount: (key: string, balanceCents: number) =>
      call('accounts', { key, balance_cents: balanceCents }),
    settings: (s: SandboxSettings) => call('settings', s),
    faults: (f: { rate: number; kinds?: string[] }) => call('faults', f),
    /** Delivers an SMS to a number (null: to no number, a stray SMS). */
    sms: (phone: string | null, text: string) => call('sms', { phone, text }),
    /** Moves one tier's price (null: the pair is no longer sold), as a live market would. */
    price: (p: { service: string; country: string; band?: string; cents: number | null }) =>
      call('price', p),
    /** Sets one tier's stock of a pair: 0 sells that offer out. */
    stock: (s: { service: string; country: string; band?: string; count: number }) =>
      call('stock', s),
    /**
     * The next `orders` orders refund `seconds` after their cancel or window end (late), never
     * (the price stays held), or at once again (now: the default, clears the plan).
     */
    refunds: (r: { mode: 'now' | 'late' | 'never'; seconds?: number; orders?: number }) =>
      call('refunds', r),
    /**
     * The next `orders` orders get the SMS sent to them `seconds` late, never (the site thinks
     * it sent one; no code comes), or at once again (now: the default, clears the plan).
     */
    delivery: (d: { mode: 'now' | 'late' | 'never'; seconds?: number; orders?: number }) =>
      call('delivery', d),
    /** The demo site refuses numbers of these countries (ISO) and these exact numbers. */
    siteRejects: (r: { countries?: string[]; numbers?: string[] }) => call('site-rejects', r),
    /** Sets a key's 5sim account rating (each cancel lowers it from there). */
    rating: (key: string, rating: number) => call('rating', { key, rating }),
    ledger: async (key: string): Promise<Ledger> =>
      ledgerSchema.parse(await call(`ledger?key=${encodeURIComponent(key)}`)),
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
