// The notice's story on the mock portal, in a real browser: each step is a
// page a supplier sees; after each, axe-core must find no serious or
// critical accessibility issue, the browser no console error or failed
// request, and a screenshot of the page is kept (NN-step.png).
// usage: node browser_story.mjs NODE_MODULES CPROKIT FIXTURES_DIR ARTIFACTS_DIR
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [modules, cprokit, fixtures, artifacts] = process.argv.slice(2);
const puppeteer = createRequire(join(modules, 'x.js'))('puppeteer-core');
const axeSource = readFileSync(join(modules, 'axe-core', 'axe.min.js'), 'utf8');
const adminToken = 'browser-story-admin-token';
const work = mkdtempSync(join(tmpdir(), 'cprokit-portal-'));
const problems = [];

// Starts `cprokit mock` on a free port; resolves with its base URL.
function startMock() {
  const mock = spawn(cprokit, [
    'mock', '--port', '0', '--data', join(work, 'data'), '--admin-token', adminToken,
    '--directory', join(fixtures, 'directory', 'matheysine.json'), '--lifecycle-delay', '50',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock did not start:\n${output}`)), 20000);
    const read = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve({ mock, base: `http://127.0.0.1:${m[1]}` }); }
    };
    mock.stdout.on('data', read);
    mock.stderr.on('data', read);
    mock.on('exit', (code) => reject(new Error(`mock exited (${code}):\n${output}`)));
  });
}

let stepNumber = 0;
// Runs `action` on the page, then checks and photographs what it shows.
async function step(page, name, action) {
  stepNumber += 1;
  const label = `${String(stepNumber).padStart(2, '0')}-${name}`;
  try {
    await action();
  } catch (e) {
    problems.push(`${label}: ${e.message}`);
  }
  await page.screenshot({ path: join(artifacts, `${label}.png`), fullPage: true });
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ');
      problems.push(`${label}: axe ${v.impact} ${v.id} (${v.help}) at ${where}`);
    }
  }
  console.log(`${label}: ${await page.title()} — axe: ${result.violations.length} violation(s) of any impact`);
}

async function expectText(page, selector, text) {
  const content = await page.$eval(selector, (e) => e.textContent);
  if (!content.includes(text)) throw new Error(`"${text}" not in ${selector}: ${content.trim().slice(0, 300)}`);
}

const { mock, base } = await startMock();
const profile = join(work, 'chromium');
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' });
  const expected404 = new Set();  // pages whose 404 is the point of their step
  page.on('console', (m) => {
    if (m.type() !== 'error' || m.text().startsWith('Failed to load resource')) return;  // see 'response'
    problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && expected404.has(r.url()))) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));

  await step(page, 'accueil', async () => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await expectText(page, 'main', 'Créer un compte');
  });
  await step(page, 'home-en', async () => {
    await page.goto(`${base}/?lang=en`, { waitUntil: 'load' });
    await expectText(page, 'main', 'Create an account');
    await page.goto(`${base}/?lang=fr`, { waitUntil: 'load' });
  });
  await step(page, 'page-inconnue', async () => {
    expected404.add(`${base}/portail/nulle-part`);
    const answer = await page.goto(`${base}/portail/nulle-part`, { waitUntil: 'load' });
    if (answer.status() !== 404) throw new Error(`status ${answer.status()}, expected 404`);
  });
  await page.setViewport({ width: 390, height: 844, isMobile: true });
  await step(page, 'telephone', async () => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (overflow) throw new Error('the page is wider than a phone screen');
  });
} finally {
  await browser.close();
  mock.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
for (const p of problems) console.error(p);
console.log(`${stepNumber} steps, ${problems.length} problem(s); screenshots in ${artifacts}`);
process.exit(problems.length ? 1 : 0);
