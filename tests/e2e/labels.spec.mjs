// A timeline read at a glance: every title drawn in full beside its mark, nothing gathered
// that could be drawn, the selected event always drawn, marks that say what they are, and on
// a phone the timeline on the first screen.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { eventList, openApp, timeline } from './support.mjs';

const data = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../data/palmyra.json', import.meta.url), 'utf8')));
const titles = data.events.map((e) => e.title);

/** Every mark drawn on the axis: its title's text, its label's box and whether any of it is
 * cut, the button's box, and the drawing area's box. */
async function drawn(page) {
  return timeline(page).locator('.timeline-area').evaluate((area) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    const marks = [...area.querySelectorAll('.mark button')].map((button) => {
      const label = button.querySelector('.label');
      // The button holds the title, the date's qualifier and the badge drawn after them.
      const caption = button;
      const style = getComputedStyle(button);
      return {
        title: label.textContent,
        name: button.getAttribute('aria-label'),
        pressed: button.getAttribute('aria-pressed'),
        button: box(button),
        caption: box(caption),
        label: box(label),
        // Cut: the text overflows its button, or the button is narrower than its content.
        cut: button.scrollWidth > button.clientWidth + 1 || button.scrollHeight > button.clientHeight + 1,
        ellipsis: style.textOverflow === 'ellipsis' && style.overflow === 'hidden',
        hidden: style.visibility !== 'visible' || Number(style.opacity) === 0,
      };
    });
    return { area: box(area), marks, gathered: area.querySelectorAll('.cluster').length };
  });
}

const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Checks that the titles given are each drawn in full, once, inside the area, on no other. */
function expectInFull(result, expected) {
  expect(result.marks.map((m) => m.title).sort()).toEqual([...expected].sort());
  for (const mark of result.marks) {
    expect(mark.cut, `${mark.title} is not cut`).toBe(false);
    expect(mark.ellipsis, `${mark.title} is not shortened`).toBe(false);
    expect(mark.hidden, `${mark.title} is shown`).toBe(false);
    expect(inside(mark.label, result.area), `${mark.title} lies inside the timeline`).toBe(true);
    expect(inside(mark.label, mark.button), `${mark.title} lies inside its button`).toBe(true);
    expect(inside(mark.caption, result.area), `${mark.title} and its badge lie inside the timeline`).toBe(true);
  }
  for (const [i, a] of result.marks.entries()) {
    for (const b of result.marks.slice(i + 1)) expect(overlap(a.caption, b.caption), `${a.title} and ${b.title} do not overlap`).toBe(false);
  }
}

test.describe('at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the default view draws all thirteen titles in full and gathers none', async ({ page }) => {
    await openApp(page);
    await expect(timeline(page).locator('.mark button')).toHaveCount(titles.length);
    const result = await drawn(page);
    expectInFull(result, titles);
    expect(result.gathered).toBe(0);
    await expect(timeline(page).getByRole('button', { name: /more events?,/ })).toHaveCount(0);
  });

  test('the view of 20 February – 5 March 2017 draws every event in range in full', async ({ page }) => {
    await openApp(page, './?from=2017-02-20&to=2017-03-05');
    await expect(timeline(page).locator('.range')).toHaveText('Showing 20 February – 5 March 2017');
    const inRange = ['Government forces push through the desert towards Palmyra', 'Government forces break into western Palmyra',
      'Syrian forces recapture Palmyra', 'The army clears mines IS left behind', 'Russian jets keep striking IS around Palmyra',
      'The SDF offers to cede villages to the government'];
    await expect(timeline(page).locator('.mark button')).toHaveCount(inRange.length);
    const result = await drawn(page);
    expectInFull(result, inRange);
    expect(result.gathered).toBe(0);
  });

  test('marks say what they are, and the legend explains them', async ({ page }) => {
    await openApp(page);
    const recaptureName = /^Syrian forces recapture Palmyra, 2 March 2017\. Changes who holds Palmyra; sources disagree; 3 originators$/;
    const recapture = timeline(page).getByRole('button', { name: recaptureName });
    await expect(recapture).toBeVisible();
    // The list item of the mark whose button has this name.
    const markOf = (name) => timeline(page).locator('.mark').filter({ has: page.getByRole('button', { name, exact: true }) });
    await expect(markOf(recaptureName)).toHaveClass(/\bcontrol\b/);
    await expect(markOf(recaptureName)).toHaveClass(/\bdisputed\b/);
    // The badge is drawn after the title from the button's data-badge.
    await expect(recapture).toHaveAttribute('data-badge', '3');
    expect(await recapture.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"3"');
    const plainName = 'Russia starts its air campaign, September 2015. 1 originator';
    const plain = timeline(page).getByRole('button', { name: plainName, exact: true });
    await expect(plain).toBeVisible();
    await expect(markOf(plainName)).not.toHaveClass(/\b(control|disputed)\b/);
    await expect(plain).not.toHaveAttribute('data-badge');
    expect(await plain.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
    const legend = timeline(page).getByRole('list', { name: 'Legend' });
    for (const words of ['Changes who holds a place', 'Sources disagree', 'Originators, when more than one', 'Date known only roughly']) {
      await expect(legend).toContainText(words);
    }
    // Selected, its title stays readable on the highlight.
    await recapture.click();
    await expect(recapture).toHaveAttribute('aria-pressed', 'true');
    const ratio = await recapture.evaluate((el) => {
      const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const style = getComputedStyle(el);
      const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    expect(ratio, 'contrast of the selected title on its highlight').toBeGreaterThanOrEqual(4.5);
    // Told apart by shape as well as colour: a change of control is a diamond, not a disc.
    const shape = (locator) => locator.evaluate((el) => getComputedStyle(el, '::before').borderRadius);
    expect(await shape(markOf(recaptureName))).not.toBe(await shape(markOf(plainName)));
  });
});

test.describe('at 390 × 844', { tag: '@phone-only' }, () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the first screen shows the dataset, the timeline with titles on it, and the ways to the list and the filters', async ({ page }) => {
    await openApp(page);
    await expect(page.getByText('Palmyra changes hands, 2011–2017')).toBeInViewport();
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeInViewport();
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeInViewport();
    await expect(timeline(page).getByRole('link', { name: 'Event list' })).toBeInViewport();
    await expect(timeline(page).locator('.mark button').first()).toBeVisible();
    // At least one title, whole, on the first screen.
    const onScreen = await timeline(page).locator('.mark button').evaluateAll((buttons) => buttons.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && b.scrollHeight <= b.clientHeight + 1;
    }).map((b) => b.querySelector('.label').textContent));
    expect(onScreen.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Titles are drawn in full on the vertical axis too.
    const result = await drawn(page);
    for (const mark of result.marks) {
      expect(mark.cut || mark.ellipsis, `${mark.title} is whole`).toBe(false);
      expect(titles).toContain(mark.title);
    }
    for (const [i, a] of result.marks.entries()) {
      for (const b of result.marks.slice(i + 1)) expect(overlap(a.caption, b.caption), `${a.title} and ${b.title} do not overlap`).toBe(false);
    }
    // The link leads to the list.
    await timeline(page).getByRole('link', { name: 'Event list' }).click();
    await expect(eventList(page).getByRole('heading', { name: /^Events/ })).toBeInViewport();
  });

  test('events that cannot be drawn are gathered, named, and open by zooming in; the selected one is always drawn', async ({ page }) => {
    await openApp(page);
    const gathered = timeline(page).getByRole('button', { name: /more events?, .*\. Zoom in$/ });
    await expect(gathered.first()).toBeVisible();
    // The name says what it holds: how many, when, and the first titles.
    const name = await gathered.last().getAttribute('aria-label') ?? await gathered.last().textContent();
    expect(name).toMatch(/^\+\d+ more events?, .*2017: .+\. Zoom in$/);
    const held = titles.filter((t) => name.includes(t));
    expect(held.length).toBeGreaterThan(0);
    // A gathered event, once selected, is drawn and highlighted.
    const chosen = held[0];
    await expect(timeline(page).locator('.mark button', { hasText: chosen })).toHaveCount(0);
    await eventList(page).getByRole('button', { name: new RegExp(chosen) }).click();
    const mark = timeline(page).getByRole('button', { name: new RegExp(`^${chosen}`) });
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
    await mark.scrollIntoViewIfNeeded();
    await expect(mark).toBeVisible();
    // Zooming into a gathering draws what it held.
    await page.evaluate(() => window.scrollTo(0, 0));
    await gathered.last().click();
    await expect(timeline(page).getByRole('button', { name: new RegExp(`^${held[held.length - 1]}`) })).toBeVisible();
  });
});
