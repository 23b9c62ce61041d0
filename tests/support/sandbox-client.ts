/** The sandbox's control API, as the demo site and the tests use it (see sandbox/control-client.ts). */
export {
  sandboxControl,
  type Ledger,
  type LedgerMovement,
  type LedgerOrder,
  type SandboxControl,
} from '../../sandbox/control-client.ts';
