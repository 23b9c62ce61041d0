/** The sandbox's control API as the contract suite uses it (accounts, SMS, faults, ledger). */
import { sandboxControl, type Ledger } from '../../../sandbox/control-client.ts';

export type LedgerView = Ledger;

export function contractControl(base: string) {
  const c = sandboxControl(base);
  return {
    account: (key: string, cents: number) => c.createAccount(key, cents),
    ledger: c.ledger,
    sms: (phone: string, text: string) => c.sms(phone, text),
    faults: c.faults,
  };
}
export type ContractControl = ReturnType<typeof contractControl>;
