/** The SMS-Activate dialects the sandbox can speak: `--dialect <name>` / startSandbox({dialect}). */
import { classic } from './classic.ts';
import { daisysms } from './daisysms.ts';
import { grizzly } from './grizzly.ts';
import { herosms } from './herosms.ts';
import { smsbower } from './smsbower.ts';
import { DIALECT_NAMES, type Dialect, type DialectName } from './types.ts';

export { DIALECT_NAMES, type Dialect, type DialectName };

export const DIALECTS: Record<DialectName, Dialect> = {
  classic,
  herosms,
  smsbower,
  daisysms,
  grizzly,
};

export function isDialectName(name: string): name is DialectName {
  return (DIALECT_NAMES as readonly string[]).includes(name);
}
