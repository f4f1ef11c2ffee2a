// Reading the timeline as a person would: pick an event by pointer, by keyboard alone and from
// the list, read who says so, zoom from years to days and back, filter and search. Every test
// runs at 1280 px, and those tagged @phone at 360 px too (see playwright.config.mjs).
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { copyFileSync, readFileSync } from 'node:fs';
import {
  attribution, eventList, eventPanel, matchCount, openApp, openFilters, panelHeading, readPng, searchbox, timeline, views,
} from './support.mjs';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('an event picked from the list shows its claims, quotes and relay chains', async ({ page }) => {
  await eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ }).click();
  await expect(eventPanel(page).getByRole('heading', { name: 'Syrian forces recapture Palmyra' })).toBeVisible();
  await expect(eventPanel(page)).toContainText('2 March 2017');
  const panel = attribution(page);
  await expect(panel).toContainText('3 originators support this, 1 of them not a party to the conflict');
  await expect(panel).toContainText('side by side');
  // The army's claim, quoted verbatim, through SANA, in the article.
  const originator = (name) => panel.locator('section.originator', { has: page.getByRole('heading', { name, exact: true }) });
  const army = originator('Syrian army');
  await expect(army.locator('blockquote')).toHaveText('regained control over Palmyra and surrounding territory after a series of successful military operations');
  await expect(army.getByRole('list', { name: 'Relay chain' })).toHaveText(/Syrian army.*SANA.*Syrian forces recapture Palmyra once again/);
  // The Observatory's director qualifies it, in his own words.
  const director = originator('Rami Abdel Rahman');
  await expect(director).toContainText('qualifies');
  await expect(director).toContainText('for Syrian Observatory for Human Rights');
  await expect(director.locator('blockquote')).toContainText('has not spread out into the whole city yet');
  // Russia's claim came through the Kremlin and news agencies in Moscow.
  await expect(panel.getByRole('list', { name: 'Relay chain' }).first()).toHaveText(/Sergei Shoigu.*The Kremlin.*News agencies in Moscow/);
  // The list marks the selection, and a screen reader hears a short announcement with the position.
  await expect(eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Event 10 of 13:' })).toHaveText('Event 10 of 13: Syrian forces recapture Palmyra, 2 March 2017');
});

test('an event picked on the timeline by pointer', async ({ page }) => {
  // The first event: drawn at every width (later ones may be gathered on a phone).
  const mark = timeline(page).getByRole('button', { name: "Syria's civil war begins, about 2011" });
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(eventPanel(page).getByRole('heading', { name: "Syria's civil war begins" })).toBeVisible();
  await expect(attribution(page)).toContainText('paragraph 3');
});

test('an event picked by keyboard alone', async ({ page }) => {
  // Tab until focus reaches an event on the timeline, then press Enter.
  let name = '';
  for (let i = 0; i < 40 && !name; i++) {
    await page.keyboard.press('Tab');
    name = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.closest('.marks') && el.tagName === 'BUTTON' && el.closest('.mark') ? el.querySelector('.label').textContent : '';
    });
  }
  expect(name).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(eventPanel(page).getByRole('heading', { name })).toBeVisible();
  // Keys zoom and pan the focused timeline.
  const range = timeline(page).locator('.range');
  const before = await range.textContent();
  await timeline(page).getByRole('group', { name: /^Events from/ }).focus();
  await page.keyboard.press('+');
  await expect(range).not.toHaveText(before);
  const zoomed = await range.textContent();
  await page.keyboard.press(test.info().project.name === 'phone' ? 'ArrowDown' : 'ArrowRight');
  await expect(range).not.toHaveText(zoomed);
  await page.keyboard.press('0');
  await expect(range).toHaveText(before);
});

test('zoom from the whole span down to single days and back', async ({ page }) => {
  const axis = timeline(page).locator('.axis');
  await expect(axis).toContainText('2012');
  await eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ }).click();
  const zoomIn = timeline(page).getByRole('button', { name: 'Zoom in', exact: true });
  // Each step halves the span around the selected event, down to a few days.
  for (let i = 0; i < 12; i++) await zoomIn.click();
  await expect(axis).toContainText('2 Mar');
  await expect(axis).toContainText('1 Mar');
  await expect(timeline(page).locator('.range')).toHaveText('Showing 1–3 March 2017');
  await expect(timeline(page).getByRole('button', { name: 'Syrian forces recapture Palmyra, 2 March 2017' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: 'Government forces break into western Palmyra, 1 March 2017' })).toBeVisible();
  // The list follows the visible range.
  await expect(eventList(page).getByRole('heading')).toContainText(/of 13 in view/);
  await expect(eventList(page).getByRole('button', { name: /Syria's civil war begins/ })).toHaveCount(0);
  const zoomOut = timeline(page).getByRole('button', { name: 'Zoom out', exact: true });
  for (let i = 0; i < 12; i++) await zoomOut.click();
  await expect(axis).toContainText('2012');
  await expect(eventList(page).getByRole('heading')).toContainText('13 in view');
});

test('the control band shows who held Palmyra', async ({ page }) => {
  const band = timeline(page).getByRole('list', { name: 'Who held Palmyra' });
  await expect(band.getByRole('listitem')).toHaveCount(4);
  await expect(band).toContainText('Islamic State, from May 2015 until the next change');
  await expect(band).toContainText('Syrian government, from 2 March 2017');
});

test('filter by a source and by search text, and clear', async ({ page }) => {
  const count = matchCount(page);
  await expect(count).toHaveText('All 13 events');
  await openFilters(page);
  await page.getByLabel('Source', { exact: true }).selectOption({ label: 'SANA' });
  await expect(count).toHaveText('1 of 13 events match');
  await expect(eventList(page).getByRole('listitem')).toHaveCount(1);
  await expect(eventList(page)).toContainText('Syrian forces recapture Palmyra');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('All 13 events');
  await searchbox(page).fill('mines');
  await expect(count).toHaveText('2 of 13 events match');
  await expect(eventList(page).getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Party').selectOption({ label: 'Not a party to the conflict' });
  await expect(count).toHaveText('2 of 13 events match');
  await page.getByLabel('Party').selectOption({ label: 'Turkey' });
  await expect(count).toHaveText('0 of 13 events match');
  await expect(eventList(page)).toContainText('No event in this part of the timeline');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('All 13 events');
  await expect(searchbox(page)).toHaveValue('');
});

test('on a phone the filter menus fold away and say how many are on', { tag: '@phone-only' }, async ({ page }) => {
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Tag')).toBeHidden();
  await toggle.click();
  await page.getByLabel('Tag').selectOption({ label: 'control' });
  await expect(toggle).toHaveText('Filters (1 on)');
  await toggle.click();
  await expect(page.getByLabel('Tag')).toBeHidden();
  await expect(matchCount(page)).toHaveText('4 of 13 events match');
});

test('the sources view lists what each source claimed and filters the timeline to one', async ({ page }) => {
  await views(page).getByRole('button', { name: 'Sources' }).click();
  const sohr = page.locator('.source-card', { has: page.getByRole('heading', { name: 'Syrian Observatory for Human Rights' }) });
  await expect(sohr).toContainText('Originated 4 claims');
  await expect(sohr).toContainText('Not a party to the conflict');
  await sohr.getByRole('button', { name: 'Show only events with Syrian Observatory for Human Rights' }).click();
  await expect(matchCount(page)).toHaveText('4 of 13 events match');
  await expect(timeline(page)).toBeVisible();
  await views(page).getByRole('button', { name: 'Sources' }).click();
  const sana = page.locator('.source-card', { has: page.getByRole('heading', { name: 'SANA' }) });
  await expect(sana).toContainText('Originated no claim, relayed 1');
  const army = page.locator('.source-card', { has: page.getByRole('heading', { name: 'Syrian army' }) });
  await army.getByRole('button', { name: 'Syrian forces recapture Palmyra' }).click();
  await expect(attribution(page).locator('.claim.highlighted')).toContainText('regained control');
});

/** Waits until the page is settled: the app drawn with its events, fonts loaded, nothing moving. */
async function settled(page) {
  await expect(timeline(page).getByRole('button', { name: 'IS seizes Palmyra for the first time, May 2015' })).toBeVisible();
  await expect(timeline(page).getByRole('list', { name: 'Who held Palmyra' }).getByRole('listitem')).toHaveCount(4);
  await expect(eventList(page).getByRole('listitem')).toHaveCount(13);
  expect(await page.evaluate(async () => (await document.fonts.ready).status)).toBe('loaded');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' && !a.pending));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
}

const rgb = (css) => css.match(/^rgb\((\d+), (\d+), (\d+)\)$/)?.slice(1).map(Number);
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

// The README shows these four images: `./x screenshots` runs this test with SCREENSHOTS_DIR set
// to docs/screenshots, where it writes main-1280-light.png and the others.
test('screenshots of the main view, light and dark', { tag: '@phone' }, async ({ page }, info) => {
  const size = info.project.name === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 800 };
  await page.setViewportSize(size);
  await eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ }).click();
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  const viewport = page.viewportSize();
  const shots = {};
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await page.evaluate(() => window.scrollTo(0, 0));
    await settled(page);
    const path = info.outputPath(`main-${info.project.name}-${scheme}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    await info.attach(`main view, ${scheme}`, { path, contentType: 'image/png' });
    if (process.env.SCREENSHOTS_DIR) copyFileSync(path, `${process.env.SCREENSHOTS_DIR}/main-${size.width}-${scheme}.png`);

    // The image is the viewport, at the device's pixel ratio.
    const bytes = readFileSync(path);
    const png = readPng(bytes);
    const ratio = await page.evaluate(() => window.devicePixelRatio);
    expect({ width: png.width, height: png.height }).toEqual({ width: Math.round(viewport.width * ratio), height: Math.round(viewport.height * ratio) });
    // The stylesheet painted the page: an opaque background of its own (an unstyled body has
    // none), and that colour in the image's top-left corner, the masthead's background.
    const background = rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    expect(background, 'the body has an opaque background colour').toBeDefined();
    const corner = png.pixel(0, 0);
    corner.forEach((c, i) => expect(Math.abs(c - background[i]), `corner ${corner} is the background ${background}`).toBeLessThanOrEqual(2));
    // Not a blank page: a good share of the image is text, lines and marks, in many colours.
    const colours = new Set();
    let drawn = 0;
    let sampled = 0;
    for (let y = 0; y < png.height; y += 3) {
      for (let x = 0; x < png.width; x += 3) {
        const p = png.pixel(x, y);
        colours.add(p.join());
        sampled += 1;
        if (p.some((c, i) => Math.abs(c - background[i]) > 8)) drawn += 1;
      }
    }
    expect(drawn / sampled, 'share of the image that is not background').toBeGreaterThan(0.1);
    expect(colours.size, 'colours in the image').toBeGreaterThan(100);
    shots[scheme] = { bytes, corner };
  }
  // The colour scheme was followed: a light page and a dark one.
  expect(shots.light.bytes.equals(shots.dark.bytes), 'the light and dark images differ').toBe(false);
  expect(luminance(shots.light.corner), 'the light background is light').toBeGreaterThan(200);
  expect(luminance(shots.dark.corner), 'the dark background is dark').toBeLessThan(60);
});

/** Sends touch pointer events to the timeline: each step gives the offsets, along the axis from
 * its middle, of the fingers that are down. */
async function touch(area, vertical, steps) {
  await area.evaluate((el, { vertical, steps }) => {
    const r = el.getBoundingClientRect();
    const send = (id, offset, type) => {
      const along = vertical ? r.top + r.height / 2 + offset : r.left + r.width / 2 + offset;
      const across = vertical ? r.left + r.width / 2 : r.top + r.height / 2;
      el.dispatchEvent(new PointerEvent(type, {
        pointerId: id, pointerType: 'touch', isPrimary: id === 1, bubbles: true,
        clientX: vertical ? across : along, clientY: vertical ? along : across,
      }));
    };
    steps.forEach((fingers, i) => {
      fingers.forEach((offset, f) => send(f + 1, offset, i === 0 ? 'pointerdown' : 'pointermove'));
    });
    steps[steps.length - 1].forEach((offset, f) => send(f + 1, offset, 'pointerup'));
  }, { vertical, steps });
}

test('the wheel zooms where the pointer is, a drag or swipe pans, a pinch zooms', { tag: '@phone' }, async ({ page }, info) => {
  const phone = info.project.name === 'phone';
  const area = timeline(page).getByRole('group', { name: /^Events from/ });
  const range = timeline(page).locator('.range');
  const whole = await range.textContent();
  if (phone) {
    // A pinch near the end of the axis: two fingers moving apart.
    await touch(area, true, [[230, 250], [210, 270], [190, 290], [170, 310]]);
  } else {
    // The wheel zooms in around the pointer, near the end of the span.
    const box = await area.boundingBox();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
  }
  await expect(range).not.toHaveText(whole);
  const zoomed = await range.textContent();
  const start = async () => Date.parse((await range.textContent()).replace('Showing ', '').split(' – ')[0]);
  const zoomedStart = await start();
  // A drag or swipe towards the end of the axis moves the view back in time.
  if (phone) {
    await touch(area, true, [[0], [40], [80], [120], [160], [200]]);
  } else {
    const box = await area.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 200, y, { steps: 8 });
    await page.mouse.up();
  }
  await expect(range).not.toHaveText(zoomed);
  expect(await start()).toBeLessThan(zoomedStart);
  if (!phone) {
    const dragged = await range.textContent();
    await touch(area, false, [[-20, 20], [-40, 60], [-60, 100]]);
    await expect(range).not.toHaveText(dragged);
  }
});
