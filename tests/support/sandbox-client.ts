/** Talks to the sandbox's control API, as the demo site and tests do. */

export interface LedgerMovement {
  type: 'hold' | 'charge' | 'refund';
  cents: number;
  at: string;
  reason?: string;
}

export interface LedgerOrder {
  order_id: string;
  service: string;
  country: string;
  band: string;
  number: string;
  price_cents: number;
  state: string;
  code: string | null;
  movements: LedgerMovement[];
}

export interface Ledger {
  balance_cents: number;
  held_cents: number;
  deposits_cents: number;
  charged_cents: number;
  refunded_cents: number;
  orders: LedgerOrder[];
}

async function control(base: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export function sandboxControl(base: string) {
  return {
    createAccount: (key: string, balanceCents: number) =>
      control(base, '/control/accounts', { key, balance_cents: balanceCents }),
    settings: (s: {
      window_seconds?: number;
      early_cancel_seconds?: number;
      rate_limit?: number;
    }) => control(base, '/control/settings', s),
    faults: (f: { rate: number; kinds?: string[] }) => control(base, '/control/faults', f),
    sms: (phone: string, text: string) => control(base, '/control/sms', { phone, text }),
    async ledger(key: string): Promise<Ledger> {
      // Our own sandbox's reply; its shape is pinned by sandbox/server.test.ts.
      return (await control(base, `/control/ledger?key=${encodeURIComponent(key)}`)) as Ledger;
    },
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
