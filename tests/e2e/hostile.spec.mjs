// Bad input never breaks the app: hostile datasets, through ?data= and through the file
// control, and a Content-Security-Policy that stops script the app did not ship.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { attribution, datasetBanner, eventList, guard, notice, openApp, panelHeading, serviceWorkerControls } from './support.mjs';

const DIR = 'target/e2e-site/some/sub/path/hostile';
const ATTACK = '<script>window.canary=1</script><img src=x onerror="window.canary=2">';

function valid() {
  return {
    format: 'sourceline/1', title: 'Hostile test', description: 'Invented for tests.',
    documents: [{ id: 'doc', title: 'A report', published: '2020-01-31', kind: 'report' }],
    sources: [{ id: 'src', name: 'A source', kind: 'official' }],
    events: [{ id: 'ev', date: '2020-01-02', title: 'An event', summary: 'Something happened.', claims: [{ id: 'c', text: 'It happened.', by: 'src', in: 'doc' }] }],
  };
}

function every(value, f) {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => every(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ['id', 'by', 'in', 'date', 'published', 'format'].includes(k) ? v : every(v, f)]));
  return value;
}

// Each case: the file's content, and words the reader must be shown.
const CASES = {
  'markup-everywhere': { json: every(valid(), (s) => `${s} ${ATTACK}`), says: ['Not the bundled dataset', ATTACK] },
  'javascript-url': { json: { ...valid(), documents: [{ ...valid().documents[0], url: 'javascript:window.canary=3' }] }, says: ['documents[0].url', 'only http:// and https:// links are allowed'] },
  'wrong-types': { json: { ...valid(), title: 5, events: {} }, says: ['title: must be a string, found a number', 'events: must be a list, found an object'] },
  'missing-and-duplicate-ids': {
    json: { ...valid(), events: [valid().events[0], valid().events[0], { ...valid().events[0], id: undefined }] },
    says: ['events[1].id: duplicate event id `ev`', 'events[2]: is missing the required field `id`', '2 problems found'],
  },
  'dangling-references': { json: { ...valid(), events: [{ ...valid().events[0], claims: [{ id: 'c', text: 't', by: 'ghost', via: ['sana2'], in: 'nodoc' }] }] }, says: ['unknown source id `ghost`', 'via[0]: unknown source id `sana2`', 'unknown document id `nodoc`'] },
  'invalid-dates': { json: { ...valid(), events: [{ ...valid().events[0], date: '2016-13' }] }, says: ['events[0].date: date `2016-13` is not an EDTF date'] },
  'deeply-nested': { text: `${'['.repeat(10000)}${']'.repeat(10000)}`, says: ['is not valid JSON', 'recursion limit'] },
  'not-json': { text: '<html><script>window.canary=4</script></html>', says: ['is not valid JSON'] },
};

test.beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  for (const [name, c] of Object.entries(CASES)) writeFileSync(`${DIR}/${name}.json`, c.text ?? JSON.stringify(c.json));
  // Over the 50 MB limit: refused from its size, before it is read.
  writeFileSync(`${DIR}/huge.json`, `[${' '.repeat(51 * 1024 * 1024)}]`);
});


// Each hostile file through a link, one page: the reader and its messages are the same for a
// file opened from this device (the test below opens one good and one broken file that way).
test('?data= each hostile file: says what is wrong and runs nothing', async ({ page, context, baseURL }) => {
  const check = guard(page, context, baseURL);
  for (const [name, c] of Object.entries(CASES)) {
    await page.goto(`./?data=hostile/${name}.json`);
    for (const words of c.says) await expect(page.locator('body'), name).toContainText(words);
    await check();
  }
});

test('a document link is a plain web link that opens apart from the app', async ({ page }) => {
  const json = valid();
  json.documents[0].url = 'https://example.org/report?id=1&lang=en';
  writeFileSync(`${DIR}/web-link.json`, JSON.stringify(json));
  await page.goto('./?data=hostile/web-link.json&event=ev');
  const link = attribution(page).getByRole('link', { name: 'A report' });
  await expect(link).toHaveAttribute('href', 'https://example.org/report?id=1&lang=en');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('?data= a 51 MB file is refused from its size', async ({ page, context, baseURL }) => {
  const check = guard(page, context, baseURL);
  await page.goto('./?data=hostile/huge.json');
  await expect(page.locator('body')).toContainText('larger than 50.0 MB, the most this app reads');
  await check();
});

test('a file opened from this device: checked, shown as text, sent nowhere', async ({ page, context, baseURL }) => {
  const check = guard(page, context, baseURL);
  await page.goto('./');
  // Let the service worker finish caching the app, so that any request after this is either
  // the file's or the reader's own code (fetched by its worker, with nothing sent).
  await serviceWorkerControls(page);
  const before = [];
  context.on('request', (r) => before.push(r));
  await page.getByLabel('Open a dataset file…').setInputFiles(`${DIR}/markup-everywhere.json`);
  await expect(datasetBanner(page)).toContainText('read in this browser only');
  await expect(page.locator('.dataset-title')).toHaveText(`Hostile test ${ATTACK}`);
  // The reader's code, fetched by its worker, and the app's own, which the service worker keeps
  // from the browser's cache once the app has started: nothing sent, nothing of the file's.
  const readerCode = (r) =>
    r.method() === 'GET' && !r.postData() && r.url().startsWith(baseURL) && /\/(reader(_loader\.js|\.js|_bg\.wasm)(\?v=[0-9a-f]+)?|sourceline-[0-9a-f]+(\.js|_bg\.wasm))$/.test(r.url());
  expect(before.filter((r) => !readerCode(r)).map((r) => r.url())).toEqual([]);
  await page.getByLabel('Open a dataset file…').setInputFiles(`${DIR}/dangling-references.json`);
  await expect(page.locator('body')).toContainText('unknown source id `ghost`');
  await page.goto('./');
  await page.getByLabel('Open a dataset file…').setInputFiles(`${DIR}/huge.json`);
  await expect(page.locator('body')).toContainText('larger than 50.0 MB');
  await check();
});

test('the Content-Security-Policy blocks inline and third-party script', async ({ page }) => {
  await openApp(page);
  const blocked = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI || e.violatedDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = 1';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://third-party.invalid/x.js';
    document.body.append(remote);
    await new Promise((resolve) => {
      const wait = () => (violations.length >= 2 ? resolve() : requestAnimationFrame(wait));
      wait();
    });
    return { violations, injected: window.injected };
  });
  expect(blocked.injected).toBeUndefined();
  expect(blocked.violations).toContain('inline');
  expect(blocked.violations).toContain('https://third-party.invalid/x.js');
});

// Hostile links: the app still works, and says which settings it ignored.
const QUERIES = {
  'javascript: as an event': ['?event=javascript:window.canary=5', '“event” is not a valid id'],
  'data: as a source': ['?source=data:text/html,%3Cscript%3Ewindow.canary=6%3C/script%3E', '“source” is not a valid id'],
  'control characters': ['?q=a%00b%07c&tag=%1B', '“q” contained control characters'],
  'markup as a date': ['?from=%3Cscript%3Ewindow.canary=7%3C/script%3E', '“from” is not an EDTF date'],
  'another origin as data': ['?data=%2F%2Fevil.example%2Fx.json', '“data” must be a relative link to a file on this site'],
  'javascript: as data': ['?data=javascript:window.canary=8', '“data” must be a relative link to a file on this site'],
  'a 20 kB value': [`?event=${'a'.repeat(20000)}`, '“event” was too long'],
  'an unknown setting with markup': ['?%3Cimg%20src=x%20onerror=window.canary=9%3E=1', 'is not a setting this app knows'],
};

test('links with hostile values: the app works and says what it ignored', async ({ page, context, baseURL }) => {
  const check = guard(page, context, baseURL);
  for (const [name, [query, says]] of Object.entries(QUERIES)) {
    await page.goto(`./${query}`);
    await expect(notice(page), name).toContainText(says);
    await expect(eventList(page).getByRole('listitem'), name).toHaveCount(13);
    await check();
  }
  await eventList(page).getByRole('button', { name: /IS retakes Palmyra/ }).click();
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  await check();
});

// The site's own dataset arrives as its compiled catalog. A catalog changed or cut short on the
// way (a host that truncates, a bad copy) is refused with the reason, and nothing of it is
// shown; the reader is not offered the same broken dataset again.
test('a site whose compiled catalog was cut short says why and shows none of it', async ({ page, context, baseURL }) => {
  const { project, repeatEachIndex } = test.info();
  const name = `cut-catalog-${project.name}-${repeatEachIndex}`;
  const build = 'target/e2e-site/some/sub/path';
  const dir = `target/e2e-site/${name}`;
  const others = new Set(['built', 'data', 'hostile', 'hostile-site']);
  rmSync(dir, { recursive: true, force: true });
  cpSync(build, dir, { recursive: true, filter: (src) => !others.has(relative(build, src).split(sep)[0]) });
  const catalog = readFileSync(`${dir}/_catalog.slcat`);
  writeFileSync(`${dir}/_catalog.slcat`, catalog.subarray(0, catalog.length - 10));
  const check = guard(page, context, baseURL);
  await page.goto(`/${name}/palmyra-recaptured.html`);
  await expect(page.getByRole('heading', { name: 'The dataset _catalog.slcat could not be shown' })).toBeVisible();
  await expect(page.locator('main')).toContainText('The file was changed or cut short since it was built (its checksum differs).');
  await expect(panelHeading(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /instead$/ })).toHaveCount(0);
  await check();
});
