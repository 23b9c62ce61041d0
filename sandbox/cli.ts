/**
 * `npm run sandbox -- [--port 8787] [--window 1200] [--early-cancel 120] [--rate-limit 60]
 * [--simulate] [--dialect classic]`
 */
import { parseArgs } from 'node:util';
import { DIALECT_NAMES, isDialectName } from './dialects/index.ts';
import { startSandbox } from './server.ts';

const DEMO_KEY = 'coda_live_sandbox_demo';
const DEMO_BALANCE_CENTS = 500;

const HELP = `Local SMS-verification provider sandbox (CODASMS v1 + SMS-Activate protocol + control API).

Usage: npm run sandbox -- [options]

  --port <n>           port to listen on (default 8787; 0 picks a free port)
  --host <addr>        address to bind (default 127.0.0.1)
  --window <s>         order window in seconds (default 1200)
  --early-cancel <s>   seconds after ordering during which cancel is refused (default 120)
  --rate-limit <n>     requests per minute per API key, shared by all faces (default 60)
  --simulate           deliver simulated SMS to new orders (Standard 70%, Priority 95%)
  --dialect <name>     how the SMS-Activate face speaks: ${DIALECT_NAMES.join(', ')}
                       (default classic; see sandbox/dialects/README.md)
  --quiet              do not log requests
  -h, --help           show this help
`;

function usageError(message: string): never {
  process.stderr.write(`sandbox: ${message}\nRun with --help for usage.\n`);
  process.exit(2);
}

function intFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) usageError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) usageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  window: { type: 'string' },
  'early-cancel': { type: 'string' },
  'rate-limit': { type: 'string' },
  simulate: { type: 'boolean' },
  dialect: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
}

async function main(): Promise<void> {
  const { values } = parse();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const dialect = values.dialect ?? 'classic';
  if (!isDialectName(dialect))
    usageError(`--dialect must be one of ${DIALECT_NAMES.join(', ')}, got "${dialect}"`);
  const sandbox = await startSandbox({
    port: intFlag('port', values.port, 8787, 0, 65535),
    host: values.host ?? '127.0.0.1',
    windowSeconds: intFlag('window', values.window, 1200, 1, 10_000_000),
    earlyCancelSeconds: intFlag('early-cancel', values['early-cancel'], 120, 0, 10_000_000),
    rateLimitPerMinute: intFlag('rate-limit', values['rate-limit'], 60, 1, 1_000_000),
    simulate: values.simulate ?? false,
    dialect,
    log: values.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  sandbox.ledger.deposit(DEMO_KEY, DEMO_BALANCE_CENTS);
  console.log(`sandbox listening on ${sandbox.url}`);
  console.log(`demo sites: http://discord.localhost:${sandbox.port}/ (any <name>.localhost)`);
  console.log(`demo account: CODASMS key ${DEMO_KEY} with balance ${DEMO_BALANCE_CENTS} cents`);
  console.log(
    `faces: ${sandbox.url}/v1 (CODASMS), ${sandbox.url}/stubs/handler_api.php (SMS-Activate, ${dialect} dialect), ${sandbox.url}/control`,
  );

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`sandbox: ${signal}, shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`sandbox: failed to start: ${message}\n`);
  process.exit(1);
});
