// The Tiến độ page inside a stand-in Teams host: a page served by Playwright as https://teams.microsoft.com/ (no
// network) frames the bot's /tab/ and answers TeamsJS' postMessage calls: initialize, getContext (theme "dark"),
// authentication.getAuthToken (a token of the test's loopback Entra issuer), then sends a themeChange ("contrast").
// Usage: node tab-in-teams.mjs <bot base url> <screenshot folder> <token>. Prints one JSON report on stdout.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.env.REPO_ROOT;
const require = createRequire(join(root, 'package.json'));
const { chromium } = require(join(root, 'node_modules', 'playwright-core'));
const [base, shots, token] = process.argv.slice(2);
const report = { calls: [], errors: [] };

const runtime = { apiVersion: 4, hostVersionsInfo: {}, isLegacyTeams: false, supports: { app: {}, appEntity: {}, authentication: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } };
const host = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Teams</title></head><body style="margin:0">
<iframe id="tab" title="Tiến độ" src="${base}/tab/" style="width:1280px;height:880px;border:0"></iframe>
<script>
  window.calls = [];
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m.func !== 'string' || typeof m.id !== 'number') return;
    window.calls.push(m.func);
    const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
    switch (m.func) {
      case 'initialize': return reply(['content', 'web', ${JSON.stringify(JSON.stringify(runtime))}, '2.58.0']);
      case 'getContext': return reply([{ theme: 'dark', locale: 'vi-vn', appSessionId: 'session', frameContext: 'content', hostClientType: 'web', userPrincipalName: 'chanhthanhtra@example.gov.vn', entityId: 'tien-do' }]);
      case 'authentication.getAuthToken':
        return location.pathname.includes('no-consent') ? reply([false, 'resourceRequiresConsent']) : reply([true, ${JSON.stringify(token)}]);
      default: return reply([]);
    }
  });
  window.sendTheme = (theme) => document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
</script></body></html>`;

let page;
// The stand-in host is a public https origin framing a loopback page: Chromium's local-network checks would refuse it.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('https://teams.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: host }));
  page = await context.newPage();
  page.on('pageerror', (e) => report.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
  await page.goto('https://teams.microsoft.com/v2/');
  const tab = page.frameLocator('#tab');
  await tab.locator('#content:not([hidden]) #milestones tbody tr').first().waitFor({ timeout: 30000 });
  const frame = page.frames().find((f) => f.url().startsWith(base));
  report.themeFromContext = await frame.getAttribute('body', 'data-theme');
  report.tiles = await frame.$$eval('#tiles .tile', (ts) => Object.fromEntries(ts.map((t) => [t.dataset.figure, Number(t.querySelector('.value').textContent)])));
  report.who = await frame.textContent('#who-text');
  await page.screenshot({ path: join(shots, 'tab-in-teams-dark.png') });
  await page.evaluate(() => window.sendTheme('contrast'));
  await frame.waitForFunction(() => document.body.dataset.theme === 'contrast', null, { timeout: 10000 });
  report.themeAfterChange = await frame.getAttribute('body', 'data-theme');
  await page.screenshot({ path: join(shots, 'tab-in-teams-contrast.png') });
  report.calls = await page.evaluate(() => window.calls);

  // Teams cannot give a token (no consent yet): a message, not a broken page.
  const refused = await context.newPage();
  await refused.goto('https://teams.microsoft.com/no-consent/');
  await refused.frameLocator('#tab').locator('#message:not([hidden])').waitFor({ timeout: 30000 });
  report.noConsent = await refused.frames().find((f) => f.url().startsWith(base)).textContent('#message-text');

  // Any other site that frames the page gets nothing (CSP frame-ancestors).
  await context.route('https://elsewhere.example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<iframe src="${base}/tab/"></iframe>` }));
  const other = await context.newPage();
  await other.goto('https://elsewhere.example.com/');
  await other.waitForTimeout(2000);
  report.elsewhere = other.frames().map((f) => f.url());
} catch (e) {
  report.failure = String(e?.stack ?? e);
  try {
    report.calls = await page.evaluate(() => window.calls);
    report.frames = page.frames().map((f) => f.url());
    const frame = page.frames().find((f) => f.url().startsWith(base));
    report.frameText = frame ? (await frame.textContent('body')).slice(0, 600) : null;
  } catch (inner) {
    report.diagnostics = String(inner);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
