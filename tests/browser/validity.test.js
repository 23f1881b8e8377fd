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

// 1-KH/ĐUK published in January 2021 and corrected in June; 3-KH/ĐUK, issued
// in December 2023, replaces it from 01/01/2024.
function historySite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-nhu-ngay-'));
  const docs = path.join(dir, 'content', 'van-ban');
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), SITE_TOML);
  const git = (...args) => execFileSync('git', ['-C', dir, ...args]);
  git('init', '-q');
  const commit = (when) => {
    git('add', '-A');
    execFileSync('git', ['-C', dir, '-c', 'user.name=Văn phòng', '-c', 'user.email=vp@example.vn', 'commit', '-qm', 'Lưu'],
      { env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } });
  };
  fs.writeFileSync(path.join(docs, '1-kh-duk.md'), doc('1-KH/ĐUK', '2021-01-05').replace('Nội dung.', 'Chỉ tiêu 80%.'));
  commit('2021-01-06T09:00:00+07:00');
  fs.writeFileSync(path.join(docs, '1-kh-duk.md'), doc('1-KH/ĐUK', '2021-01-05').replace('Nội dung.', 'Chỉ tiêu 90%.'));
  commit('2021-06-01T09:00:00+07:00');
  fs.writeFileSync(path.join(docs, '3-kh-duk.md'), doc('3-KH/ĐUK', '2023-12-20', 'effective = 2024-01-01\nreplaces = ["1-KH/ĐUK"]\n'));
  commit('2023-12-21T09:00:00+07:00');
  execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
  return dir;
}

test('the documents as they stood on three days around a replacement, at addresses that can be cited', async () => {
  const dir = historySite();
  const server = await serve(path.join(dir, 'public'));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const on = async (day) => {
      await page.goto(server.url + '/van-ban/ngay/?ngay=' + day);
      await page.waitForFunction(() => /Như ngày|chưa có/.test(document.getElementById('nhu-ngay-trang-thai').textContent));
      return page.$$eval('#nhu-ngay-ket-qua .item', (els) => els.map((e) => ({
        href: e.querySelector('a').getAttribute('href'), text: e.textContent.replace(/\s+/g, ' ').trim() })));
    };
    let items = await on('2021-03-01');
    assert.strictEqual(items.length, 1);
    assert.match(items[0].text, /1-KH\/ĐUK.*Còn hiệu lực · phiên bản ngày 06\/01\/2021/);
    assert.match(items[0].href, /^\/van-ban\/1-kh-duk\/phien-ban\/[0-9a-f]{7}\/$/, 'the text as it was then');
    await page.click('#nhu-ngay-ket-qua a');
    assert.match(await page.textContent('main'), /Chỉ tiêu 80%/);

    items = await on('2022-06-01');
    assert.strictEqual(items.length, 1, '3-KH/ĐUK was not issued yet');
    assert.strictEqual(items[0].href, '/van-ban/1-kh-duk/');
    assert.match(items[0].text, /Còn hiệu lực · phiên bản ngày 01\/06\/2021/);

    items = await on('2024-02-01');
    assert.strictEqual(items.length, 2);
    assert.match(items[0].text, /3-KH\/ĐUK.*Còn hiệu lực/);
    assert.match(items[1].text, /1-KH\/ĐUK.*Hết hiệu lực/);
    assert.match(await page.title(), /^Văn bản như ngày 01\/02\/2024/);
    assert.strictEqual(await page.textContent('h1'), 'Văn bản như ngày 01/02/2024');
    if (shots) await page.screenshot({ path: path.join(shots, 'nhu-ngay-dien-thoai.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
