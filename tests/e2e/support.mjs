// Helpers shared by the end-to-end specs: the app's parts found by role and accessible name (or,
// where the app gives them no name, by the id or class the specs have always used), and a small
// PNG reader for the screenshot test. Every spec imports from here; none defines its own copy.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { inflateSync } from 'node:zlib';

// The page's parts.
export const appHeading = (page) => page.getByRole('heading', { level: 1, name: 'sourceline' });
export const timeline = (page) => page.getByRole('region', { name: 'Timeline' });
export const eventList = (page) => page.getByRole('navigation', { name: /^Events/ });
export const views = (page) => page.getByRole('navigation', { name: 'Views' });
export const searchbox = (page) => page.getByRole('searchbox', { name: 'Search' });
/** The search landmark's live count: "All 13 events", "2 of 13 events match". */
export const matchCount = (page) => page.getByRole('search').getByRole('status');
export const panelHeading = (page) => page.locator('#event-panel-heading');
export const eventPanel = (page) => page.getByRole('complementary').filter({ has: panelHeading(page) });
export const attribution = (page) => page.getByRole('complementary', { name: 'Who says so' });
export const datasetBanner = (page) => page.getByRole('region', { name: 'About this dataset' });
export const notice = (page) => page.locator('.notice');
/** The query string of the page's address, "" when it has none. */
export const query = (page) => new URL(page.url()).search;

/**
 * The specs' `test`. A page written at build time shows the app's first screen and starts the
 * app when the reader asks for it (public/start.js). Each page here shows that intent as soon
 * as it is parsed, as a reader who goes on to use the timeline does, and `page.goto` returns
 * once the app has opened (or failed to), so that no test acts on the written page by mistake.
 * A test of the written page itself, before the app, sets `test.use({ intent: false })`.
 */
export const test = base.extend({
  intent: [true, { option: true }],
  page: async ({ page, intent, javaScriptEnabled }, use) => {
    if (intent && javaScriptEnabled !== false) {
      await page.addInitScript(() => {
        addEventListener('DOMContentLoaded', () => document.body?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
      });
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        if (options?.waitUntil !== 'commit') await page.waitForFunction(appSettled);
        return response;
      };
    }
    await use(page);
  },
});

/** Whether the page's app has opened or failed, or the page has none to open. */
function appSettled() {
  const app = document.documentElement.dataset.app;
  return !document.querySelector('script[data-glue]') || app === 'open' || app === 'failed';
}

/** Waits until the app has opened on the page, in the place of the written first screen. */
export async function appOpened(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'open');
}

/** Loads the app at `path` (relative to the sub-path it is served from) and waits until it has opened. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await appOpened(page);
  await expect(appHeading(page)).toBeVisible();
}

/** On a phone the filter menus are folded behind a button: open them. */
export async function openFilters(page) {
  const toggle = page.getByRole('button', { name: /^Filters/ });
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Waits until the service worker controls the page (it has cached the app). */
export async function serviceWorkerControls(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** What axe-core finds against WCAG 2.2 AA and its best practices, one line per violation. */
export async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Watches a page for anything a hostile input could make it do. */
export function guard(page, context, baseURL) {
  const seen = { dialogs: [], foreign: [] };
  const origin = new URL(baseURL).origin;
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss();
  });
  context.on('request', (r) => new URL(r.url()).origin !== origin && !r.url().startsWith('data:') && seen.foreign.push(r.url()));
  return async () => {
    expect(await page.evaluate(() => window.canary)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.foreign).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
  };
}

/**
 * Reads a PNG: its size from the IHDR header, and its pixels (8-bit RGB or RGBA, not interlaced,
 * which is what Chromium writes). `pixel(x, y)` gives [r, g, b].
 */
export function readPng(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour, interlace] = [bytes[24], bytes[25], bytes[28]];
  const channels = { 2: 3, 6: 4 }[colour];
  if (depth !== 8 || !channels || interlace !== 0) throw new Error(`PNG depth ${depth}, colour type ${colour}, interlace ${interlace}: not read here`);
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // Undo each row's filter (PNG specification, section 9).
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[out + i - channels] : 0;
      const b = y > 0 ? pixels[out + i - stride] : 0;
      const c = i >= channels && y > 0 ? pixels[out + i - stride - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`PNG row ${y} has unknown filter ${filter}`);
      pixels[out + i] = (row[i] + predictor) & 0xff;
    }
  }
  const pixel = (x, y) => [...pixels.subarray(y * stride + x * channels, y * stride + x * channels + 3)];
  return { width, height, pixel };
}
