import { createHttp, MAX_CATALOG_REPLY_BYTES, type RawReply } from '../http.ts';
import type { Priority, RateBudget } from '../rate-budget.ts';
import type { ProviderError } from '../types.ts';
import { normalizeSmsActivateUrl, type SmsActivateHost } from './hosts.ts';
import { envelopeToken, parseToken, replyError, replyToken, type Token } from './map.ts';

/** Replies that answer a request (as opposed to error tokens). */
function isAnswer(t: Token): boolean {
  return t.token.startsWith('ACCESS_') || t.token.startsWith('STATUS_');
}

export interface WireOptions {
  apiKey: string;
  host: SmsActivateHost;
  budget: RateBudget;
  fetch?: typeof fetch;
}

/**
 * The SMS-Activate protocol on the wire: one GET per action on /stubs/handler_api.php, the key
 * in the query, answers as `TOKEN[:data]` text or JSON, errors as tokens or (HeroSMS) JSON
 * envelopes, each read in the host's own error dialect.
 */
/** Actions whose replies are catalog tables, large by nature (http.ts, MAX_CATALOG_REPLY_BYTES). */
const CATALOG_ACTIONS = new Set(['getPrices', 'getCountries', 'getServicesList']);

export function createWire(opts: WireOptions) {
  const { host } = opts;
  const http = createHttp({
    baseUrl: normalizeSmsActivateUrl(host.baseUrl),
    name: host.name,
    budget: opts.budget,
    fetch: opts.fetch,
  });

  const fail = (reply: RawReply): ProviderError => replyError(reply, host.name, host.errors);

  async function call(
    action: string,
    params: Record<string, string> = {},
    priority?: Priority,
  ): Promise<RawReply> {
    const reply = await http.send('get', '/stubs/handler_api.php', {
      searchParams: { api_key: opts.apiKey, action, ...params },
      priority,
      maxBytes: CATALOG_ACTIONS.has(action) ? MAX_CATALOG_REPLY_BYTES : undefined,
    });
    if (reply.status === 429 || replyToken(reply)?.token === 'TOO_MANY_REQUESTS') {
      opts.budget.pause(reply.retryAfterMs ?? 10_000);
    }
    return reply;
  }

  /**
   * A legacy text reply: the answer token, or the error it stands for. `alsoAccept` lets a
   * caller take a token that is an answer only in its context (BAD_STATUS to a setStatus),
   * whether it came as text or in a JSON envelope with an HTTP error status.
   */
  async function token(
    action: string,
    params?: Record<string, string>,
    alsoAccept: readonly string[] = [],
    priority?: Priority,
  ): Promise<Token> {
    const reply = await call(action, params, priority);
    const t = replyToken(reply);
    if (t && alsoAccept.includes(t.token)) return t;
    const text = parseToken(reply.body);
    if (reply.status < 400 && text && isAnswer(text)) return text;
    throw fail(reply);
  }

  /** The JSON of a reply that is an answer, or the error it carries. */
  function jsonOf(reply: RawReply): object {
    const body = reply.json;
    if (reply.status < 400 && typeof body === 'object' && body !== null && !envelopeToken(body))
      return body;
    throw fail(reply);
  }

  /** A JSON reply, or the error token the host sent instead. `empty` names a token meaning "none". */
  async function json(
    action: string,
    params?: Record<string, string>,
    empty?: string,
    priority?: Priority,
  ): Promise<object | null> {
    const reply = await call(action, params, priority);
    if (empty && replyToken(reply)?.token === empty) return null;
    return jsonOf(reply);
  }

  return { call, token, json, jsonOf, fail };
}

export type Wire = ReturnType<typeof createWire>;
