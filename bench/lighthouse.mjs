// Lighthouse's mobile run of the three event pages that "first event readable" compares:
// sourceline's static event page, TimelineJS's and vis-timeline's pages of the same events. The
// figures are Lighthouse's own, with its default settings (a mid-range phone's screen, a
// simulated slow 4G connection and a 4× slower CPU), so that they can be set beside any other
// page's Lighthouse report; the bench's own figures use its own definitions instead.
//
// Lighthouse's "simulate" throttling loads the page unthrottled and then estimates, from the
// requests and main-thread tasks it recorded, how long the load would take on the slow phone
// (Lantern). The time figures are those estimates; the transfer and the layout shift are what
// the unthrottled load really did.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';

// Lighthouse's figures vary from run to run more than the bench's own, so each page is run this
// many times and each figure is the median.
export const LIGHTHOUSE_RUNS = 3;

// The audits reported, by the column they fill. Only these run (`onlyAudits`), so Lighthouse
// gathers nothing else: none of the other audits' work, nor anything that could try to reach a
// host other than the local server. 'interactive' is no longer in the performance score since
// Lighthouse 10, but the audit is still there to be asked for. 'network-requests' only checks
// that every request went to the local server.
const AUDITS = {
  lcp: 'largest-contentful-paint',
  tti: 'interactive',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  fcp: 'first-contentful-paint',
  bytes: 'total-byte-weight',
};
const ONLY_AUDITS = [...Object.values(AUDITS), 'layout-shifts', 'network-requests'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One Lighthouse run of one page, in a Chromium of its own: a fresh browser has no cache, no
 * service worker and no open connection to the server left by the run before (Lighthouse clears
 * the first two itself, but a kept-alive connection would spare the simulated load its first
 * round trips). Lighthouse connects to it on a remote-debugging port.
 */
async function lighthouseOnce(url, base, port) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Headless by the flag rather than by Playwright, so that it is Chromium's new headless mode,
    // which renders as a headed browser does; nothing that reaches the network on its own.
    headless: false,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--remote-debugging-port=${port}`,
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const run = {};
  try {
    const result = await lighthouse(url, {
      port,
      hostname: '127.0.0.1',
      output: 'json',
      logLevel: 'error',
      onlyAudits: ONLY_AUDITS,
      disableFullPageScreenshot: true,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) run.failed = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    for (const [key, id] of Object.entries(AUDITS)) {
      const audit = lhr.audits[id];
      if (audit?.numericValue !== undefined) run[key] = audit.numericValue;
      else run.errors = [...(run.errors ?? []), `${id}: ${audit?.errorMessage ?? 'no value'}`];
    }
    run.shifts = lhr.audits['layout-shifts']?.details?.items?.length;
    run.elsewhere = (lhr.audits['network-requests']?.details?.items ?? []).map((item) => item.url).filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
    run.warnings = lhr.runWarnings;
    run.version = lhr.lighthouseVersion;
    run.userAgent = lhr.environment?.hostUserAgent;
    run.benchmarkIndex = lhr.environment?.benchmarkIndex;
    run.settings = { formFactor: lhr.configSettings.formFactor, throttlingMethod: lhr.configSettings.throttlingMethod, throttling: lhr.configSettings.throttling, screen: lhr.configSettings.screenEmulation };
  } catch (error) {
    run.failed = String(error.message).split('\n')[0];
  } finally {
    await browser.close();
  }
  return run;
}

/**
 * Runs Lighthouse LIGHTHOUSE_RUNS times on each page (`pages`: { page, url } with url relative
 * to `base`, the gzip-serving static server's root) and returns each page's runs and medians.
 * `freePort` gives a local port that nothing listens on.
 */
export async function lighthouseRuns(base, pages, freePort) {
  const results = pages.map((p) => ({ ...p, runs: [] }));
  // Round after round, each page once per round, so that a slow moment of the machine (it is
  // shared) falls on every page alike.
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    for (const r of results) {
      process.stderr.write(`lighthouse: ${r.page}, run ${i + 1} of ${LIGHTHOUSE_RUNS}\n`);
      r.runs.push(await lighthouseOnce(base + r.url, base, await freePort()));
    }
  }
  for (const r of results) {
    const ok = r.runs.filter((run) => !run.failed);
    // Each figure's own median, over the runs that have it: the median LCP and the median TBT
    // need not come from the same run.
    for (const key of [...Object.keys(AUDITS), 'shifts']) {
      const xs = ok.map((run) => run[key]).filter((x) => x !== undefined);
      if (xs.length) [r[key], r[`${key}Range`]] = [median(xs), [Math.min(...xs), Math.max(...xs)]];
    }
    r.measured = ok.length;
    r.failures = [...new Set(r.runs.map((run) => run.failed).filter(Boolean))];
    r.elsewhere = [...new Set(r.runs.flatMap((run) => run.elsewhere ?? []))];
  }
  return results;
}

const ms = (x) => (x === undefined ? '–' : `${Math.round(x)} ms`);
const kb = (x) => (x === undefined ? '–' : `${(x / 1024).toFixed(0)} KB`);
const shift = (x) => (x === undefined ? '–' : x.toFixed(3));

/**
 * The table of medians and, for sourceline's page (the first), whether its app's takeover moved
 * content, as Lighthouse sees it: the layout shift and the shifts its 'layout-shifts' audit
 * lists.
 */
export function lighthouseTable(results) {
  const rows = [
    '| page | Largest Contentful Paint | Time to Interactive | Total Blocking Time | Cumulative Layout Shift | First Contentful Paint | transfer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    if (!r.measured) {
      rows.push(`| ${r.page} | not measured (${r.failures.join('; ')}) | – | – | – | – | – |`);
      continue;
    }
    const failed = r.measured < r.runs.length ? ` (${r.runs.length - r.measured} of ${r.runs.length} runs failed)` : '';
    rows.push(`| ${r.page}${failed} | ${ms(r.lcp)} | ${ms(r.tti)} | ${ms(r.tbt)} | ${shift(r.cls)} | ${ms(r.fcp)} | ${kb(r.bytes)} |`);
  }
  const lines = [rows.join('\n'), ''];
  const ours = results[0];
  if (ours.measured) {
    const each = ours.runs.filter((run) => !run.failed).map((run) => `${shift(run.cls)} with ${run.shifts ?? '–'}`);
    lines.push(
      `On ${ours.page}, written at build time as the app's first screen, whose app starts when the reader asks for it (no run here does), Lighthouse's Cumulative Layout Shift is ${shift(ours.cls)} ` +
        `and its 'layout-shifts' audit lists ${ours.shifts ?? '–'} layout shifts (median; each run: ${each.join(', ')}).`,
    );
  }
  return lines.join('\n');
}

/** How the figures were measured, in a sentence or two, from the settings Lighthouse reports. */
export function lighthouseMethod(results) {
  const run = results.flatMap((r) => r.runs).find((x) => x.settings);
  if (!run) return 'Lighthouse did not run.';
  const { throttling: t, screen } = run.settings;
  const chromium = /Chrome\/([\d.]+)/.exec(run.userAgent ?? '')?.[1];
  return (
    `Lighthouse ${run.version} (Node API, ${run.settings.formFactor} form factor, only the audits reported here) in Chromium ${chromium ?? ''} headless: ` +
    `a ${screen.width}×${screen.height} screen at ${screen.deviceScaleFactor}× and a network of ${t.rttMs} ms round trip and ` +
    `${(t.throughputKbps / 1024).toFixed(1)} Mbit/s down with a ${t.cpuSlowdownMultiplier}× slower CPU, ${run.settings.throttlingMethod === 'simulate' ? 'all simulated' : `throttled by ${run.settings.throttlingMethod}`} ` +
    `(Lighthouse loads the page unthrottled and estimates the times the slow phone would see; the transfer and the layout shift are ` +
    `the real load's). Each figure is the median of ${LIGHTHOUSE_RUNS} runs, each in a fresh browser, with the pages served ` +
    `gzip-compressed as for "first event readable". Time to Interactive is, in this simulation, the later of the Largest ` +
    `Contentful Paint and the end of the last main-thread task over 50 ms. The transfer is Lighthouse's total byte weight (bytes ` +
    `on the wire, headers included).`
  );
}
