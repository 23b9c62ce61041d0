/** The sandbox's control API as the contract suite uses it (accounts, SMS, faults, ledger). */
import * as z from 'zod';

const LedgerView = z.object({
  balance_cents: z.number(),
  held_cents: z.number(),
  charged_cents: z.number(),
  refunded_cents: z.number(),
  orders: z.array(
    z.object({
      order_id: z.string(),
      number: z.string(),
      price_cents: z.number(),
      state: z.string(),
    }),
  ),
});
export type LedgerView = z.infer<typeof LedgerView>;

export function contractControl(base: string) {
  async function control(path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${base}/control/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`control ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    account: (key: string, cents: number) => control('accounts', { key, balance_cents: cents }),
    ledger: async (key: string) =>
      LedgerView.parse(await control(`ledger?key=${encodeURIComponent(key)}`)),
    sms: (phone: string, text: string) => control('sms', { phone, text }),
    faults: (f: { rate: number; kinds?: string[] }) => control('faults', f),
  };
}
export type ContractControl = ReturnType<typeof contractControl>;
