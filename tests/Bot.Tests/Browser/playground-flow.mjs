// Drives the Microsoft 365 Agents Playground in headless Chromium as a department head would:
// "nhiệm vụ của tôi" → open the first task's update form → "Hoàn thành" + a note → send → the card shows it.
// Usage: node playground-flow.mjs <playground url> <screenshot folder> [note]. Exits non-zero with a reason on failure.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = await import(path.join(here, '..', '..', '..', 'node_modules', 'playwright-core', 'index.mjs'));
const [url, shots, note = 'Đã ban hành kế hoạch, số 15/KH-TTr'] = process.argv.slice(2);
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'], // playwright gives each launch a fresh, empty profile
});
let step = 0;
const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
const shot = async (name) => page.screenshot({ path: path.join(shots, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: true });
try {
  await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
  // The message box is a Lexical editor: a contenteditable with role textbox.
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.waitFor({ timeout: 30_000 });
  await shot('opened');

  await box.click();
  await page.keyboard.type('nhiệm vụ của tôi');
  await page.keyboard.press('Enter');
  const list = page.locator('.ac-adaptiveCard').filter({ hasText: 'Nhiệm vụ của tôi — Văn phòng' }).last();
  await list.waitFor({ timeout: 30_000 });
  await shot('my-tasks');

  await list.getByRole('button', { name: 'Cập nhật tiến độ' }).first().click();
  await list.getByText('Hoàn thành', { exact: true }).first().click();
  await list.getByPlaceholder('Kết quả, khó khăn').first().fill(note);
  await shot('form-filled');
  await list.getByRole('button', { name: 'Gửi cập nhật' }).first().click();

  const updated = page.locator('.ac-adaptiveCard').filter({ hasText: 'Đã ghi nhận: Hoàn thành' }).last();
  await updated.waitFor({ timeout: 30_000 });
  const banner = updated.getByText('Đã ghi nhận: Hoàn thành').first();
  await banner.scrollIntoViewIfNeeded();
  await shot('updated-card');
  const text = await banner.innerText();
  for (const expected of ['Đã ghi nhận: Hoàn thành', 'bởi Nguyễn Văn An lúc']) {
    if (!text.includes(expected)) throw new Error(`the updated card does not show "${expected}":\n${text}`);
  }
  // Action.Execute replaces the card in place: still one task list in the chat, now with the banner.
  const lists = await page.locator('.ac-adaptiveCard').filter({ hasText: 'Nhiệm vụ của tôi — Văn phòng' }).count();
  if (lists !== 1) throw new Error(`expected the task list to be replaced in place, found ${lists} task lists in the chat`);
  console.log('flow passed: the task list was replaced by one showing the recorded status, who and when');
} catch (e) {
  await shot('failure').catch(() => {});
  console.error(`flow failed at step ${step}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
