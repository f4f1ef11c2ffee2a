// Taking the data out: the claims of the events in view as CSV, the events as JSON-LD (both
// after search and filters), and a claim's citation, all made in the browser from the dataset.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { readFileSync } from 'node:fs';
import { eventList, matchCount, openApp } from './support.mjs';

const dataset = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
const sourceName = (id) => dataset.sources.find((s) => s.id === id).name;

/** RFC 4180 text as rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The titles of the events the list shows, in order. */
async function listedTitles(page) {
  return eventList(page).getByRole('listitem').locator('.title').allTextContents();
}

for (const [what, query] of [['a search', '?q=mines'], ['a source filter', '?source=sohr'], ['everything', '']]) {
  test(`the downloads hold the events in view after ${what}, and only those`, async ({ page }) => {
    await openApp(page, `./${query}`);
    const titles = await listedTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    if (query) expect(titles.length).toBeLessThan(dataset.events.length);
    await expect(matchCount(page)).toContainText(String(titles.length));
    const events = titles.map((t) => dataset.events.find((e) => e.title === t));

    const csv = await download(page, page.getByRole('button', { name: 'Download the events in view as CSV' }));
    expect(csv.name).toBe('palmyra-changes-hands-2011-2017.csv');
    const [header, ...rows] = parseCsv(csv.text);
    expect(header.slice(0, 8)).toEqual(['event_id', 'event_date', 'event_date_words', 'event_title', 'event_place', 'claim_id', 'originator_id', 'originator']);
    const col = (name) => header.indexOf(name);
    expect(rows.map((r) => [r[col('event_id')], r[col('claim_id')]])).toEqual(events.flatMap((e) => e.claims.map((c) => [e.id, c.id])));
    for (const row of rows) {
      const claim = dataset.events.find((e) => e.id === row[col('event_id')]).claims.find((c) => c.id === row[col('claim_id')]);
      expect(row[col('claim')]).toBe(claim.text);
      expect(row[col('quote')]).toBe(claim.quote ?? '');
      expect(row[col('originator')]).toBe(sourceName(claim.by));
      expect(row[col('relays')]).toBe((claim.via ?? []).map(sourceName).join('; '));
    }

    const jsonLd = await download(page, page.getByRole('button', { name: 'Download the events in view as JSON-LD' }));
    expect(jsonLd.name).toBe('palmyra-changes-hands-2011-2017.jsonld');
    const graph = JSON.parse(jsonLd.text);
    expect(graph['@context']).toBe('https://schema.org');
    expect(graph.name).toBe(dataset.title);
    expect(graph.url).toBe(page.url());
    expect(graph.about.map((e) => e.name)).toEqual(titles);
    for (const [entity, event] of graph.about.map((entity, i) => [entity, events[i]])) {
      expect(entity.url).toBe(new URL(`${event.id}.html`, page.url()).href);
      expect(entity.subjectOf.map((c) => c.author.name)).toEqual(expect.arrayContaining(event.claims.map((c) => sourceName(c.by))));
      expect(entity.subjectOf).toHaveLength(event.claims.length);
    }
  });
}

test('a claim\'s citation names its originator, relays, document, place in it, address and the day', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  const event = dataset.events.find((e) => e.id === 'palmyra-recaptured');
  const claim = event.claims.find((c) => c.id === 'army');
  await openApp(page, `${event.id}.html?claim=${claim.id}`);
  const item = page.locator(`#claim-${claim.id}`);
  await item.getByRole('button', { name: 'Copy citation' }).click();
  await expect(item.getByRole('status')).toHaveText('Citation copied.');
  const cited = await page.evaluate(() => navigator.clipboard.readText());
  const document = dataset.documents.find((d) => d.id === claim.in);
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  expect(cited).toContain(`${sourceName(claim.by)}, relayed by ${claim.via.map(sourceName).join(', then ')}: "${claim.text}"`);
  expect(cited).toContain(`In “${document.title}”, 2 March 2017, ${claim.locator}.`);
  expect(cited).toContain(`On the event “${event.title}” (2 March 2017).`);
  expect(cited).toContain(`sourceline, ${new URL(`${event.id}.html?claim=${claim.id}`, baseURL).href}, accessed ${today}.`);
});
