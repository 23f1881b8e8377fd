// A reader looks at a plan's status: the page says it as of the reader's own
// today (the site may have been built days before), and on any day they pick.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, serve } = require('./harness');

const shots = process.env.CONGBO_SCREENSHOTS;
const SITE_TOML = 'title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
  '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\nparent = "Đảng bộ tỉnh"\n';

function doc(number, date, more = '') {
  return `+++\ntitle = "Kế hoạch ${number}"\nnumber = "${number}"\nkind = "KH"\nissuer = "duk"\ndate = ${date}\n${more}+++\nNội dung.\n`;
}

// 1-KH/ĐUK in force from 01/02/2021, amended from 01/03/2022, replaced from 01/01/2024.
async function withPlans(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-hieu-luc-'));
  const docs = path.join(dir, 'content', 'van-ban');
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), SITE_TOML);
  fs.writeFileSync(path.join(docs, '1-kh-duk.md'), doc('1-KH/ĐUK', '2021-01-05', 'effective = 2021-02-01\n'));
  fs.writeFileSync(path.join(docs, '2-kh-duk.md'), doc('2-KH/ĐUK', '2022-03-01', 'amends = ["1-KH/ĐUK"]\n'));
  fs.writeFileSync(path.join(docs, '3-kh-duk.md'), doc('3-KH/ĐUK', '2023-12-20', 'effective = 2024-01-01\nreplaces = ["1-KH/ĐUK"]\n'));
  execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
  const server = await serve(path.join(dir, 'public'));
  const browser = await launch();
  try {
    await body({ browser, base: server.url });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the status on any day the reader picks', () =>
  withPlans(async ({ browser, base }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base + '/van-ban/1-kh-duk/');
    assert.strictEqual(await page.locator('.force-name').textContent(), 'Hết hiệu lực');
    const day = page.getByLabel('Tình trạng vào ngày');
    await day.fill('2022-06-01');
    assert.strictEqual(await page.locator('.force-on output').textContent(), '01/06/2022: Hết hiệu lực một phần');
    await day.fill('2021-01-20');
    assert.strictEqual(await page.locator('.force-on output').textContent(), '20/01/2021: Chưa có hiệu lực');
    await day.fill('2021-06-01');
    assert.strictEqual(await page.locator('.force-on output').textContent(), '01/06/2021: Còn hiệu lực');
    if (shots) await page.screenshot({ path: path.join(shots, 'hieu-luc-dien-thoai.png') });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
  }));

test('a page built before a change says the status of the reader\'s own day', () =>
  withPlans(async ({ browser, base }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The reader's clock says 2022: the replacement of 2024 has not happened for them.
    await page.clock.setFixedTime(new Date('2022-06-01T09:00:00+07:00'));
    await page.goto(base + '/van-ban/1-kh-duk/');
    assert.strictEqual(await page.locator('.force-name').textContent(), 'Hết hiệu lực một phần');
    assert.strictEqual(await page.locator('.force-reason').first().isVisible(), false,
      'the build day\'s reason ("replaced from 01/01/2024") is not shown for another day');
    await context.close();
  }));

test('search results can be narrowed to the documents still in force', () =>
  withPlans(async ({ browser, base }) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(base + '/tim-kiem/?q=' + encodeURIComponent('kế hoạch'));
    await page.waitForFunction(() => document.querySelectorAll('#ket-qua .item').length === 3);
    const label = page.locator('.search-filters fieldset:has(legend:text("Tình trạng")) label', { hasText: /^\s*Hết hiệu lực\s*\(/ });
    assert.match((await label.textContent()).trim(), /^Hết hiệu lực\s*\(1\)$/);
    await label.locator('input').check();
    await page.waitForFunction(() => document.querySelectorAll('#ket-qua .item').length === 1);
    const left = await page.$$eval('#ket-qua .item-title', (els) => els.map((e) => e.getAttribute('href')));
    assert.deepStrictEqual(left, ['/van-ban/1-kh-duk/']);
    assert.ok(new URL(page.url()).searchParams.get('hieu-luc'), 'the filter is in the URL');
  }));
