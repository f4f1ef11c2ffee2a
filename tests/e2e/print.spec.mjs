// Printed, an event is a one-page attribution record, from the app and from the event's own
// page alike: the event and every claim with who says so, and none of the controls.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { readFileSync } from 'node:fs';
import { openApp, searchbox, timeline } from './support.mjs';

const dataset = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
const sourceName = (id) => dataset.sources.find((s) => s.id === id).name;
// The most demanding record: the event with the most claims.
const event = [...dataset.events].sort((a, b) => b.claims.length - a.claims.length)[0];

/** The number of pages of a PDF. */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

async function expectRecord(page) {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('heading', { name: event.title, exact: true })).toBeVisible();
  for (const claim of event.claims) {
    await expect(page.locator(`#claim-${claim.id}`)).toContainText(claim.text);
    await expect(page.locator(`#claim-${claim.id}`)).toBeVisible();
  }
  for (const by of new Set(event.claims.map((c) => sourceName(c.by)))) {
    await expect(page.getByRole('heading', { level: 3, name: by, exact: true }).first()).toBeVisible();
  }
  await expect(page.locator('button:visible, input:visible, select:visible')).toHaveCount(0);
  // Black on white even when the reader's screen is dark.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
}

test('an event printed from the app is a one-page record, without the timeline or controls', async ({ page }) => {
  await openApp(page, `${event.id}.html`);
  await expect(timeline(page)).toBeVisible();
  await expectRecord(page);
  await expect(timeline(page)).toBeHidden();
  await expect(searchbox(page)).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an event printed from its page is the same one-page record', async ({ page }) => {
    await page.goto(`${event.id}.html`);
    await expectRecord(page);
    await expect(page.getByRole('navigation', { name: 'Previous and next events' })).toBeHidden();
  });
});
