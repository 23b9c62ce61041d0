// Demo signup site served on <label>.localhost:<port>: five page styles (plain, country
// picker, restricted countries, split code boxes, SPA), the widget gallery under /widgets (widgets.ts), plus the JSON API that "sends" the SMS through the
// sandbox's control API. Routing only; see pages.ts, api.ts, services.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api.ts';
import { createSiteRejects, type SiteRejects } from './rejects.ts';
import { OPAQUE_PATH, renderOpaque } from './opaque.ts';
import { sendEmpty, sendHtml } from './http-util.ts';
import { renderMethodNotAllowed, renderNotFound, renderPage, type PageStyle } from './pages.ts';
import { resolveService } from './services.ts';
import {
  IFRAME_FORM_PATH,
  renderIframeForm,
  renderWidget,
  renderWidgetIndex,
  WIDGETS,
  widgetPath,
  type WidgetName,
} from './widgets.ts';

export interface DemoContext {
  /** First label of the Host header: `discord` for discord.localhost:8787. */
  site: string;
  /** Base URL of this sandbox's own control API, e.g. http://127.0.0.1:8787 */
  controlBaseUrl: string;
  /** Numbers the site refuses (control API /control/site-rejects); none when absent. */
  rejects?: SiteRejects;
}

const PAGE_ROUTES: Readonly<Record<string, PageStyle>> = {
  '/': 'plain',
  '/signup/country': 'country',
  '/signup/restricted': 'restricted',
  '/signup/split': 'split',
  '/signup/spa': 'spa',
  '/signup/spa/verify': 'spa',
};

const PAGE_METHODS = 'GET, HEAD';

type Renderer = (service: ReturnType<typeof resolveService>) => string;

/** The widget gallery: /widgets, /widgets/<name>, and the page inside the iframe widget. */
const WIDGET_ROUTES: ReadonlyMap<string, Renderer> = new Map<string, Renderer>([
  ['/widgets', renderWidgetIndex],
  [IFRAME_FORM_PATH, renderIframeForm],
  // Fields no detector can read, for manual fill (opaque.ts).
  [OPAQUE_PATH, renderOpaque],
  ...(Object.keys(WIDGETS) as WidgetName[]).map((name): [string, Renderer] => [
    widgetPath(name),
    (service) => renderWidget(service, name),
  ]),
]);

function pathOf(req: IncomingMessage): string {
  const raw = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: DemoContext): Promise<void> {
  const service = resolveService(ctx.site);
  const method = req.method ?? 'GET';
  const path = pathOf(req);

  if (path === '/api' || path.startsWith('/api/')) {
    await handleApi(
      req,
      res,
      path,
      service,
      ctx.controlBaseUrl,
      ctx.rejects ?? createSiteRejects(),
    );
    return;
  }

  // Pages never read a body; drain it so keep-alive connections stay usable.
  req.resume();
  const isRead = method === 'GET' || method === 'HEAD';

  if (path === '/favicon.ico') {
    if (isRead) sendEmpty(res, 204);
    else
      sendHtml(req, res, 405, renderMethodNotAllowed(service, method, PAGE_METHODS), {
        allow: PAGE_METHODS,
      });
    return;
  }

  const style = PAGE_ROUTES[path];
  const widget = WIDGET_ROUTES.get(path);
  if (!style && !widget) {
    sendHtml(req, res, 404, renderNotFound(service, path));
    return;
  }
  if (!isRead) {
    sendHtml(req, res, 405, renderMethodNotAllowed(service, method, PAGE_METHODS), {
      allow: PAGE_METHODS,
    });
    return;
  }
  sendHtml(req, res, 200, style ? renderPage(service, style) : (widget?.(service) ?? ''));
}

/** Serve the demo signup site for `ctx.site`. Never throws and never leaks a stack trace. */
export async function handleDemoSite(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: DemoContext,
): Promise<void> {
  try {
    await route(req, res, ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[demo:${ctx.site}] ${req.method ?? '?'} ${req.url ?? '?'} failed: ${message}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({ ok: false, reason: 'internal', error: 'Internal error.' });
    res.writeHead(500, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(body);
  }
}
