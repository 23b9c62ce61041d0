/**
 * Origin-bound codes (design.md, security): an SMS whose last line is `@host #code` was meant
 * for that host's page only. The page side refuses to fill such a code anywhere else; the
 * background checks the same before it ever hands the code over.
 */
import * as z from 'zod/mini';
import { helloReply } from '../messaging.ts';
import { parseOriginBoundCode } from '../sms/extract-code.ts';

/**
 * What the background may add to its hello reply for the code. Optional, so the agent works
 * with a background that does not send them yet (then only its own checks apply).
 */
export const helloReplyWithOrigin = z.extend(helloReply, {
  /** The full SMS text; an origin-bound line in it pins the code to a host. */
  smsText: z.optional(z.nullable(z.string())),
  /** The host named by the SMS's origin-bound line, when the background parsed it already. */
  codeHost: z.optional(z.nullable(z.string())),
});
export type HelloReplyWithOrigin = z.infer<typeof helloReplyWithOrigin>;

/** The host the code is bound to, or null when the SMS is not origin-bound. */
export function boundHost(
  reply: Pick<HelloReplyWithOrigin, 'smsText' | 'codeHost'>,
): string | null {
  const named = reply.codeHost?.trim().toLowerCase();
  if (named) return named;
  return reply.smsText ? (parseOriginBoundCode(reply.smsText)?.host ?? null) : null;
}

/** Whether this page may receive the code: always, unless the SMS names another host. */
export function codeAllowedOn(
  pageHost: string,
  reply: Pick<HelloReplyWithOrigin, 'smsText' | 'codeHost'>,
): boolean {
  const host = boundHost(reply);
  return host === null || host === pageHost.toLowerCase();
}
