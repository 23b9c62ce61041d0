/**
 * Origin-bound codes (SECURITY.md): an SMS whose last line is `@host #code` was meant
 * for that host's page only. The background parses it (lib/orders/code-host.ts) and checks the
 * page before it hands the code over; it names the host in its reply (`codeHost`), and the
 * page side refuses to fill such a code anywhere else too.
 */

/** The host the code is bound to, or null when the SMS is not origin-bound. */
export function boundHost(reply: { codeHost?: string | null }): string | null {
  return reply.codeHost?.trim().toLowerCase() || null;
}

/** Whether this page may receive the code: always, unless the SMS names another host. */
export function codeAllowedOn(pageHost: string, reply: { codeHost?: string | null }): boolean {
  const host = boundHost(reply);
  return host === null || host === pageHost.toLowerCase();
}
