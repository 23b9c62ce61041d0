/** What the server hands a provider face, and what a face offers the server. */
import type { ApiRequest, Reply } from '../http.ts';
import type { Ledger } from '../ledger.ts';
import type { Quirk } from '../quirks.ts';
import type { RateDecision } from '../rate-limit.ts';

export interface FaceContext {
  ledger: Ledger;
  /** Host dialects switched on for this sandbox (see quirks.ts). */
  quirks: ReadonlySet<Quirk>;
  /** Counts one request of `key` against the per-key limit shared by every face. */
  admit(key: string): RateDecision;
  /** Awaited where processing starts (the latency fault delays here). */
  pause(): Promise<void>;
}

export interface Face {
  handle(req: ApiRequest, ctx: FaceContext): Promise<Reply>;
  /** The face's own rate-limit reply (also used by the 429 fault). */
  rateLimited(retryAfterSeconds: number): Reply;
  /** The face's own reply to an unexpected failure (never a stack trace). */
  internalError(): Reply;
  /** The face's own reply to a request it cannot read (e.g. a body over the size limit). */
  badRequest(message: string): Reply;
}
