// Renders an HTML report in /usr/bin/chromium, fails on any console error,
// page error or failed request, saves a full-page screenshot and checks that
// it is not one colour (the browser itself decodes it on a canvas).
// usage: node browser_test.mjs NODE_MODULES REPORT.html SCREENSHOT.png
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, html, png] = process.argv.slice(2);
const puppeteer = createRequire(join(modules, 'x.js'))('puppeteer-core');
const profile = mkdtempSync(join(tmpdir(), 'cprokit-chromium-'));
const problems = [];
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  const title = await page.title();
  const findings = await page.$$eval('table.findings tbody tr', (rows) => rows.length);
  const bars = await page.$$eval('svg rect', (rects) => rects.length);
  await page.screenshot({ path: png, fullPage: true });
  // Count the colours of the screenshot, decoded by the browser.
  const data = 'data:image/png;base64,' + readFileSync(png).toString('base64');
  const colours = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < px.length && seen.size < 1000; i += 4 * 7) seen.add(px[i] << 16 | px[i + 1] << 8 | px[i + 2]);
    return seen.size;
  }, data);
  console.log(`title "${title}", ${findings} finding rows, ${bars} chart rects, ${colours} colours sampled, screenshot ${png}`);
  if (findings === 0) problems.push('no finding row rendered');
  if (bars === 0) problems.push('no bar chart rendered');
  if (colours < 3) problems.push(`screenshot nearly blank (${colours} colours)`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
