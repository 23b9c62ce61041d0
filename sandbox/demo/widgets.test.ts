import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDemoSite } from './site.ts';
import { IFRAME_FORM_PATH, WIDGETS, widgetPath, type WidgetName } from './widgets.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    void handleDemoSite(req, res, { site: 'discord', controlBaseUrl: 'http://127.0.0.1:1' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const get = async (path: string): Promise<{ status: number; body: string }> => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.text() };
};

describe('widget gallery', () => {
  it('lists every widget page and is linked from the nav of the original pages', async () => {
    const index = await get('/widgets');
    expect(index.status).toBe(200);
    for (const name of Object.keys(WIDGETS) as WidgetName[])
      expect(index.body).toContain(`href="${widgetPath(name)}"`);
    for (const path of ['/', '/signup/country', '/signup/split', '/signup/spa']) {
      const page = await get(path);
      expect(page.body).toContain('<a href="/widgets">Widgets</a>');
    }
  });

  it.each(Object.keys(WIDGETS) as WidgetName[])(
    'serves %s with a Send code and a Verify step',
    async (name) => {
      const page = await get(widgetPath(name));
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<title>Sign up (${WIDGETS[name]}) - Discord</title>`);
      const form = name === 'iframe' ? await get(IFRAME_FORM_PATH) : page;
      expect(form.body).toContain('>Send code</button>');
      expect(form.body).toContain('>Verify</button>');
      expect(form.body).toMatch(/Phone number<\/label>/);
    },
  );

  it('labels each kind of country select by what its options hold', async () => {
    const dial = await get(widgetPath('select-dial'));
    expect(dial.body).toContain('<option value="+62">+62</option>');
    const iso = await get(widgetPath('select-iso'));
    expect(iso.body).toContain('<option value="ID">Indonesia</option>');
    const names = await get(widgetPath('select-name'));
    expect(names.body).toContain('<option value="Indonesia">Indonesia</option>');
  });
});
