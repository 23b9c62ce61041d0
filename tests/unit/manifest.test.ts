import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { FIVESIM_DEFAULT_BASE_URL } from '../../lib/providers/catalog.ts';
import { SMS_ACTIVATE_HOSTS } from '../../lib/providers/sms-activate/hosts.ts';

const manifestSchema = z.object({
  manifest_version: z.number(),
  permissions: z.array(z.string()).default([]),
  host_permissions: z.array(z.string()).default([]),
  optional_host_permissions: z.array(z.string()).default([]),
  content_scripts: z.array(z.unknown()).optional(),
  externally_connectable: z.unknown().optional(),
  chrome_url_overrides: z.unknown().optional(),
  content_security_policy: z.unknown().optional(),
  commands: z
    .record(z.string(), z.object({ suggested_key: z.object({ default: z.string() }).optional() }))
    .default({}),
});

const ALL_SITES = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'];

// The production Chrome build, as a store would receive it.
describe('production manifest (least privilege)', () => {
  let manifest: z.infer<typeof manifestSchema>;
  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    const raw: unknown = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
    manifest = manifestSchema.parse(raw);
  }, 120_000);

  it('asks for no access to all sites at install', () => {
    for (const pattern of [...manifest.host_permissions, ...manifest.permissions]) {
      expect(ALL_SITES).not.toContain(pattern);
      expect(pattern).not.toMatch(/^(\*|https?):\/\/\*\//);
    }
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('can ask for each provider origin and for one site at a time, none granted at install', () => {
    const hosts = [FIVESIM_DEFAULT_BASE_URL, ...SMS_ACTIVATE_HOSTS.map((h) => h.baseUrl)];
    for (const base of hosts) {
      const pattern = `https://${new URL(base).hostname}/*`;
      expect(manifest.optional_host_permissions, base).toContain(pattern);
      expect(manifest.host_permissions, base).not.toContain(pattern);
    }
    // A custom provider address, and a signup site the popup asks for (SiteAccess.tsx).
    expect(manifest.optional_host_permissions).toContain('https://*/*');
  });

  it('reaches pages only through activeTab + scripting', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
  });

  it('manual fill: a context menu and two shortcuts the user can change, no new host access', () => {
    expect(manifest.permissions).toContain('contextMenus');
    expect(Object.keys(manifest.commands).sort()).toEqual(['_execute_action', 'fill-here']);
    expect(manifest.commands['_execute_action']?.suggested_key?.default).toBe('Alt+Shift+S');
  });

  it('replaces none of the browser own pages (history, new tab, bookmarks)', () => {
    expect(manifest.chrome_url_overrides).toBeUndefined();
  });

  it('offers no channel to web pages and keeps the default CSP (no unsafe-eval)', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toContain('unsafe-eval');
  });
});
