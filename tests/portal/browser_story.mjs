// The notice's story on the mock portal, in a real browser: each step is a
// page a supplier sees; after each, axe-core must find no serious or
// critical accessibility issue, the browser no console error or failed
// request, and a screenshot of the page is kept (NN-step.png).
// The story: identification → information (a bad postal code refused beside
// its field) → workspaces → the activation mail → a weak password refused →
// a good one → sign-in with the mailed code → a UBL invoice deposited with
// its fields pre-filled → seen MISE_A_DISPOSITION → a plain PDF with another
// budget's engagement refused beside the engagement, naming the right SIRET.
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
let refusing = false;  // set by a step whose form is meant to be refused (422)

// Starts `cprokit mock` on a free port; resolves with its base URL.
function startMock() {
  const mock = spawn(cprokit, [
    'mock', '--port', '0', '--data', join(work, 'data'), '--admin-token', adminToken,
    '--directory', join(fixtures, 'directory', 'matheysine.json'), '--lifecycle-delay', '50',
    '--insee', join(fixtures, 'directory', 'insee.json'), '--no-xsd',
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
  refusing = false;
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

// The newest mail of the mock's outbox to `to`.
async function lastMail(base, to) {
  const answer = await fetch(`${base}/_mock/mails`, { headers: { 'X-Mock-Admin': adminToken } });
  const mails = (await answer.json()).mails.filter((m) => m.a === to);
  if (mails.length === 0) throw new Error(`no mail to ${to}`);
  return mails[mails.length - 1];
}

// Fills the form's fields by id, then presses the button `button` (a selector).
async function submit(page, values, button = 'main form button[type=submit]') {
  for (const [id, value] of Object.entries(values)) {
    const kind = await page.$eval(`#${id}`, (e) => e.type);
    if (kind === 'date' || kind === 'select-one') {  // typed digits would follow the locale's order
      await page.$eval(`#${id}`, (e, v) => { e.value = v; }, value);
    } else {
      await page.$eval(`#${id}`, (e) => { e.value = ''; });
      await page.type(`#${id}`, value);
    }
  }
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(button)]);
}

async function value(page, id) {
  return page.$eval(`#${id}`, (e) => e.value);
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
    const expected = (r.status() === 404 && expected404.has(r.url())) || (r.status() === 422 && refusing);
    if (r.status() >= 400 && !expected) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));

  await step(page, 'accueil', async () => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await expectText(page, 'main', 'Créer un compte');
  });
  await step(page, 'home-en', async () => {
    await page.goto(`${base}/?lang=en`, { waitUntil: 'load' });
    await expectText(page, 'main', 'Create an account');
  });
  await step(page, 'page-inconnue', async () => {
    expected404.add(`${base}/portail/nulle-part`);
    const answer = await page.goto(`${base}/portail/nulle-part`, { waitUntil: 'load' });
    if (answer.status() !== 404) throw new Error(`status ${answer.status()}, expected 404`);
  });

  const email = 'paul.durand@menuiserie-alpine.example';
  await step(page, 'identification', async () => {
    await page.goto(`${base}/?lang=fr`, { waitUntil: 'load' });  // back from the English step
    await page.goto(`${base}/portail/compte/creer`, { waitUntil: 'load' });
    await submit(page, { email, identifiant: '81234567600017' });
    const company = await value(page, 'raison_sociale');  // pre-filled from the INSEE data
    if (!company.includes('MENUISERIE ALPINE')) throw new Error(`raison sociale "${company}"`);
  });
  await step(page, 'code-postal-refuse', async () => {
    refusing = true;
    const captcha = (await page.$eval('#captcha-code', (e) => e.textContent)).replace(/\s/g, '');
    await submit(page, { nom: 'Durand', prenom: 'Paul', code_postal: '3835', captcha });
    await expectText(page, '#code_postal-error', '3835');
    const invalid = await page.$eval('#code_postal', (e) => e.getAttribute('aria-invalid'));
    if (invalid !== 'true') throw new Error('the postal code field is not marked invalid');
  });
  await step(page, 'espaces', async () => {
    const captcha = (await page.$eval('#captcha-code', (e) => e.textContent)).replace(/\s/g, '');
    await submit(page, { code_postal: '38350', captcha });
    await expectText(page, 'main', 'Factures émises');
  });
  await step(page, 'compte-cree', async () => {
    await submit(page, {});
    await expectText(page, 'main', 'Compte créé');
  });
  let activation;
  await step(page, 'lien-activation', async () => {
    const mail = await lastMail(base, email);
    activation = mail.corps.match(/https?:\/\/\S+\/portail\/compte\/activer\?jeton=[0-9a-f]+/)[0];
    await page.goto(activation, { waitUntil: 'load' });
    await expectText(page, 'main', email);
  });
  await step(page, 'mot-de-passe-faible', async () => {
    refusing = true;
    await submit(page, { mot_de_passe: 'court', confirmation: 'court', question: 'Ville natale ?',
                         reponse: 'Grenoble' });
    const error = await page.$eval('#mot_de_passe-error', (e) => e.textContent);
    if (!error.includes('12')) throw new Error(`password error: ${error}`);
  });
  const password = 'Menuiserie-Alpine-2026';
  await step(page, 'compte-active', async () => {
    await submit(page, { mot_de_passe: password, confirmation: password, question: 'Ville natale ?',
                         reponse: 'Grenoble' });
    if (!page.url().includes('/portail/connexion')) throw new Error(`after activation: ${page.url()}`);
  });
  await step(page, 'code-de-connexion', async () => {
    await submit(page, { email, mot_de_passe: password });
    if (!page.url().endsWith('/portail/connexion/code')) throw new Error(`after sign-in: ${page.url()}`);
  });
  await step(page, 'connecte', async () => {
    const mail = await lastMail(base, email);
    await submit(page, { code: mail.corps.match(/\b\d{6}\b/)[0] });
    await expectText(page, 'header', email);
  });
  await step(page, 'deposer-ubl', async () => {
    await page.goto(`${base}/portail/factures/deposer`, { waitUntil: 'load' });
    await page.click('#format-XML');
    const input = await page.$('#fichier');
    await input.uploadFile(join(fixtures, 'invoices', 'chorus', 'invoice-chorus-ok.xml'));
    await submit(page, {});
    if ((await value(page, 'siret')) !== '20004065700013') throw new Error('SIRET not pre-filled');
    if ((await value(page, 'numero')) === '') throw new Error('invoice number not pre-filled');
    if ((await value(page, 'ttc')) === '') throw new Error('TTC not pre-filled');
  });
  await step(page, 'valider-ubl', async () => {
    await submit(page, {}, 'button[value=valider]');
    await page.$('button[value=envoyer]').then((b) => { if (!b) throw new Error('no Envoyer after Valider'); });
  });
  await step(page, 'certificat-ubl', async () => {
    await submit(page, {}, 'button[value=envoyer]');
    await expectText(page, 'main', '20004065700013');
  });
  await step(page, 'mise-a-disposition', async () => {
    for (let i = 0; i < 50; i += 1) {
      await page.goto(`${base}/portail/factures/emises`, { waitUntil: 'load' });
      const text = await page.$eval('main', (e) => e.textContent);
      if (text.includes('MISE_A_DISPOSITION')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the invoice never reached MISE_A_DISPOSITION');
  });
  await step(page, 'deposer-pdf', async () => {
    await page.goto(`${base}/portail/factures/deposer`, { waitUntil: 'load' });
    await page.click('#format-PDF');
    const input = await page.$('#fichier');
    await input.uploadFile(join(fixtures, 'invoices', 'facturx', 'no-invoice-xml.pdf'));
    await submit(page, {});
    if ((await value(page, 'numero')) !== '') throw new Error('a plain PDF pre-filled the number');
  });
  await step(page, 'engagement-autre-budget', async () => {
    refusing = true;
    await submit(page, {
      siret: '20004065700054', numero: 'FA-2026-0100', date: '2026-03-12',
      engagement: 'BC2026-000123', ht: '100,00', tva: '20,00', ttc: '120,00', net: '120,00',
      nom: 'MENUISERIE ALPINE SARL - FA-2026-0100.pdf',
    }, 'button[value=valider]');
    await expectText(page, '#err-engagement', 'CPRO-ENG-03');
    await expectText(page, '#err-engagement', '20004065700013');
    // The references, for the README's picture of the rehearsal.
    const fieldset = await page.evaluateHandle(() => document.querySelector('#engagement').closest('fieldset'));
    await fieldset.asElement().screenshot({ path: join(artifacts, 'engagement-refuse.png') });
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
