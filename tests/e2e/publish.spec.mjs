// Publishing your own: ./x test builds the site again with other datasets, as a publisher would
// (SOURCELINE_DATA=FILE ./x build, docs/publishing.md), with nothing in the repository changed,
// into target/e2e-builds/NAME/, and serves each at built/NAME/: an invented dataset, and the
// spreadsheet template of docs/template/ through the import command. Each must be a working site of
// its own dataset: the app on it, a page per event, pages that read without JavaScript.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appOpened, attribution, eventList, matchCount, openApp, panelHeading } from './support.mjs';

const BUILDS = 'target/e2e-builds';
// Run without ./x, there are none, and the first test says so.
const builds = existsSync(BUILDS) ? readdirSync(BUILDS).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort() : [];
// The synthetic dataset is saved with a byte-order mark, as Windows editors save UTF-8 (./x).
const read = (name) => JSON.parse(readFileSync(`${BUILDS}/${name}.json`, 'utf8').replace(/^\uFEFF/, ''));

test('./x test built the site with each other dataset', () => {
  expect(builds).toEqual(['synthetic', 'template']);
  // One of them as an editor on Windows saves it: the build read past its byte-order mark.
  expect(readFileSync(`${BUILDS}/synthetic.json`).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});

for (const name of builds) {
  const dataset = read(name);
  const events = dataset.events;
  // The first and the last: the pages between are written by the same code (src/site/tests.rs checks them all).
  const someEvents = [events[0], events[events.length - 1]];
  const sourceName = (id) => dataset.sources.find((s) => s.id === id).name;

  test.describe(`a site built with ${name}.json`, () => {
    test('is the app on that dataset, not the bundled one', async ({ page }) => {
      await openApp(page, `built/${name}/`);
      await expect(page).toHaveTitle(`${dataset.title} · sourceline`);
      await expect(eventList(page).getByRole('button', { name: new RegExp(escape(events[0].title)) }).first()).toBeAttached();
      await expect(matchCount(page)).toHaveText(`All ${events.length} events`);
    });

    test('offers its own dataset, by its title, when a linked one fails', async ({ page }) => {
      await page.goto(`built/${name}/?data=no-such-file.json`);
      await expect(page.getByRole('heading', { name: 'The dataset no-such-file.json could not be shown' })).toBeVisible();
      await page.getByRole('link', { name: `Open “${dataset.title}” instead`, exact: true }).click();
      await appOpened(page);
      await expect(page.locator('.dataset-title')).toHaveText(dataset.title);
    });

    test('opens each event page on its event, with who says so', async ({ page }) => {
      for (const event of someEvents) {
        await openApp(page, `built/${name}/${event.id}.html`);
        await expect(panelHeading(page)).toHaveText(event.title);
        const first = event.claims[0];
        await expect(attribution(page).getByRole('heading', { name: sourceName(first.by), exact: true }).first()).toBeVisible();
        await expect(attribution(page)).toContainText(first.text);
      }
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test('its index lists every event, and each page reads', async ({ page }) => {
        await page.goto(`built/${name}/`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
        const list = page.getByRole('navigation', { name: `${events.length} events` });
        await expect(list.getByRole('link')).toHaveCount(events.length);
        for (const event of someEvents) {
          await page.goto(`built/${name}/${event.id}.html`);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
          await expect(page.getByRole('region', { name: 'Who says so' })).toContainText(event.claims[0].text);
        }
      });
    });
  });
}

/** A string as a regular expression that matches it literally. */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
