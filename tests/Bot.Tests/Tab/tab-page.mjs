// Drives the Tiến độ page in headless Chromium (playwright-core, Debian's chromium) against a bot in local anonymous
// mode. Usage: node tab-page.mjs <bot base url> <screenshot folder> <json of {people:[{key,email}], search, searchTitle}>
// Prints one JSON report on stdout (what the page shows); the xunit test compares it with the API.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.REPO_ROOT;
const require = createRequire(join(root, 'package.json'));
const { chromium } = require(join(root, 'node_modules', 'playwright-core'));
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const [base, shots, inputJson] = process.argv.slice(2);
const input = JSON.parse(inputJson);
mkdirSync(shots, { recursive: true });
const report = { roles: {}, errors: [] };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: false });
  const page = await context.newPage();
  page.on('pageerror', (e) => report.errors.push(String(e)));
  let refusalExpected = false; // the browser logs the stranger's 403 as a failed resource
  page.on('console', (m) => { if (m.type() === 'error' && !(refusalExpected && m.text().includes('status of 403'))) report.errors.push(m.text()); });

  // The local sign-in list, then a click on the first person.
  await page.goto(`${base}/tab/`);
  await page.waitForSelector('#dev-login:not([hidden]) #people li');
  report.login = await page.$$eval('#people li', (items) => items.map((li) => li.textContent.trim()));
  await page.screenshot({ path: join(shots, 'tab-sign-in.png'), fullPage: true });

  const tiles = () => page.$$eval('#tiles .tile', (ts) => Object.fromEntries(ts.map((t) => [t.dataset.figure, Number(t.querySelector('.value').textContent)])));
  const rows = () => page.$$eval('#milestones tbody tr', (trs) => trs.map((tr) => ({ milestoneId: tr.dataset.milestone, standing: tr.dataset.standing, title: tr.querySelector('button').textContent })));
  for (const [i, person] of input.people.entries()) {
    if (i === 0) {
      await page.click(`#people fluent-button:has-text("${person.email}")`);
    } else {
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(`${base}/tab/?as=${encodeURIComponent(person.email)}`);
    }
    await page.waitForSelector('#content:not([hidden]) #milestones tbody tr');
    report.roles[person.key] = {
      tiles: await tiles(),
      rows: (await rows()).length,
      scope: await page.textContent('#scope'),
      who: await page.textContent('#who-text'),
      attention: await page.$$eval('#attention li button', (bs) => bs.length),
      departments: await page.$$eval('#departments tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent))),
      planTotals: await page.$eval('#plan-totals', (p) => (p.hidden ? null : p.textContent)),
      reports: await page.$$eval('#reports-section:not([hidden]) #reports fluent-button', (bs) => bs.map((b) => b.dataset.period)),
    };
    await page.screenshot({ path: join(shots, `tab-${person.key}.png`), fullPage: true });
  }

  // The Chief Inspector again: filters, the diacritics-free search, a task, the theme switch.
  await page.goto(`${base}/tab/?as=${encodeURIComponent(input.people[0].email)}`);
  await page.waitForSelector('#milestones tbody tr');
  await page.click('#reports fluent-button[data-period$="-H1"]');
  await page.waitForSelector('#report-link a');
  report.reportLink = await page.$eval('#report-link a', (a) => ({ href: a.getAttribute('href'), text: a.textContent }));
  report.reportDownload = await page.evaluate(async (href) => { const r = await fetch(href); return { status: r.status, type: r.headers.get('content-type') }; }, report.reportLink.href);
  await page.selectOption('#filter-state', 'open-overdue');
  report.filterOverdue = await rows();
  await page.selectOption('#filter-state', '');
  const firstArea = await page.$eval('#filter-area option:nth-child(2)', (o) => o.value);
  await page.selectOption('#filter-area', firstArea);
  report.filterArea = { area: firstArea, rows: (await rows()).length };
  await page.selectOption('#filter-area', '');
  await page.fill('#search', input.search);
  report.search = await rows();
  await page.fill('#search', input.search.toUpperCase());
  report.searchUpper = await rows();
  await page.fill('#search', '');
  await page.click(`#milestones tbody tr button:has-text("${input.searchTitle}")`);
  await page.waitForSelector('#task[open] #task-body h3');
  report.task = { title: await page.textContent('#task-title'), body: await page.textContent('#task-body') };
  report.taskFiles = await page.$$eval('#task-body .files a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  report.fileDownload = report.taskFiles.length === 0 ? null
    : await page.evaluate(async (href) => { const r = await fetch(href); return { status: r.status, type: r.headers.get('content-type') }; }, report.taskFiles[0].href);
  await page.screenshot({ path: join(shots, 'tab-task.png') });
  await page.keyboard.press('Escape');
  report.taskClosed = await page.$eval('#task', (d) => !d.open);


  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  report.themes = {};
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.goto(`${base}/tab/?theme=${theme}`);
    await page.waitForSelector('#milestones tbody tr');
    report.themes[theme] = { attribute: await page.getAttribute('body', 'data-theme'), background: await background() };
    await page.screenshot({ path: join(shots, `tab-theme-${theme}.png`), fullPage: false });
  }

  // Staff: their one milestone, opened with its file.
  await page.goto(`${base}/tab/?as=${encodeURIComponent(input.staff)}`);
  await page.waitForSelector('#milestones tbody tr');
  await page.click('#milestones tbody tr button');
  await page.waitForSelector('#task[open] #task-body h3');
  report.staffTask = { title: await page.textContent('#task-title'), files: await page.$$eval('#task-body .files a', (as) => as.map((a) => a.textContent)) };
  await page.screenshot({ path: join(shots, 'tab-staff-task.png') });
  await page.keyboard.press('Escape');

  // Someone the directory does not name: a polite page saying whom to contact.
  await page.evaluate(() => sessionStorage.clear());
  refusalExpected = true;
  await page.goto(`${base}/tab/?as=${encodeURIComponent(input.stranger)}`);
  await page.waitForSelector('#message:not([hidden])');
  refusalExpected = false;
  report.stranger = { title: await page.textContent('#message-title'), text: await page.textContent('#message-text'), content: await page.$eval('#content', (c) => c.hidden) };
  await page.screenshot({ path: join(shots, 'tab-not-in-directory.png') });

  // Teams mobile width: nothing scrolls sideways but the tables' own regions.
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 320, height: 640 });
  await narrow.goto(`${base}/tab/?as=${encodeURIComponent(input.people.at(-1).email)}`);
  await narrow.waitForSelector('#milestones tbody tr');
  report.narrow = await narrow.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: innerWidth }));
  await narrow.screenshot({ path: join(shots, 'tab-320px.png'), fullPage: true });

  // Keyboard only: Tab until a task button of the table has focus, Enter opens it, Escape returns focus there.
  const keys = await context.newPage();
  await keys.goto(`${base}/tab/?as=${encodeURIComponent(input.people[0].email)}`);
  await keys.waitForSelector('#milestones tbody tr');
  let presses = 0;
  while (presses < 400) {
    await keys.keyboard.press('Tab');
    presses++;
    if (await keys.evaluate(() => !!document.activeElement?.closest('#milestones tbody') && document.activeElement.tagName === 'BUTTON')) break;
  }
  const focused = await keys.evaluate(() => document.activeElement?.textContent);
  await keys.keyboard.press('Enter');
  await keys.waitForSelector('#task[open] #task-body h3');
  const opened = await keys.textContent('#task-title');
  await keys.keyboard.press('Escape');
  report.keyboard = { presses, focused, opened, back: await keys.evaluate(() => document.activeElement?.textContent) };

  // Accessibility: axe-core on the page (default and dark) and on an open task; serious and critical only.
  const audit = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const a = await audit.newPage();
  report.axe = [];
  for (const theme of ['default', 'dark', 'contrast']) {
    await a.goto(`${base}/tab/?theme=${theme}&as=${encodeURIComponent(input.people[0].email)}`);
    await a.waitForSelector('#milestones tbody tr');
    await a.addScriptTag({ path: axePath });
    const scan = async (where) => {
      const result = await a.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
      report.axe.push({ where, violations: result });
    };
    await scan(theme);
    if (theme === 'default') {
      await a.click('#milestones tbody tr button');
      await a.waitForSelector('#task[open] #task-body h3');
      await scan('task');
    }
  }
} catch (e) {
  report.failure = String(e?.stack ?? e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
