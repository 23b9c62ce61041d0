import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DemoContext {
  /** First label of the Host header: `discord` for discord.localhost:8787. */
  site: string;
  /** Base URL of this sandbox's own control API, e.g. http://127.0.0.1:8787 */
  controlBaseUrl: string;
}

// Placeholder: replaced by the demo signup site.
export async function handleDemoSite(
  _req: IncomingMessage,
  res: ServerResponse,
  ctx: DemoContext,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${ctx.site}</title><p>demo site for ${ctx.site}</p>`);
}
