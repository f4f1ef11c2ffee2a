// Renders public/icon.svg to the PNG icons the web app manifest lists, with Debian's Chromium.
// Run by hand after changing the icon: node scripts/render-icons.mjs
// Then each PNG is cut to a palette and recompressed, which halves the icons in the first load
// (14.7 KB to 6.5 KB): Debian's pngquant and zopfli (apt-get install pngquant zopfli).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
}
await browser.close();
for (const size of [192, 512]) {
  const file = `public/icon-${size}.png`;
  execFileSync('pngquant', ['--quality', '90-100', '--speed', '1', '--force', '--output', file, file]);
  execFileSync('zopflipng', ['-y', '--iterations=50', file, file]);
}
