// A reader searches the sample site in the browser.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { serve, launch, siteDir } = require('./harness');

async function results(page, server, q) {
  await page.goto(server.url + '/tim-kiem/?q=' + encodeURIComponent(q));
  await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai').textContent));
  return page.$$eval('#ket-qua .item-title', (els) => els.map((e) => e.getAttribute('href')));
}

test('search on the sample site', async (t) => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await t.test('"dang vien" finds the same documents as "đảng viên"', async () => {
      const withMarks = await results(page, server, 'đảng viên');
      const without = await results(page, server, 'dang vien');
      assert.ok(withMarks.length >= 3, withMarks.join(' '));
      assert.deepStrictEqual([...without].sort(), [...withMarks].sort());
    });

    await t.test('"05 KH DUK" puts the document numbered 05-KH/ĐUK first', async () => {
      const hits = await results(page, server, '05 KH DUK');
      assert.strictEqual(hits[0], '/van-ban/05-kh-duk/');
    });

    await t.test('a shared ?q= URL shows results on load, and typing updates the URL', async () => {
      const hits = await results(page, server, 'chi bộ bốn tốt');
      assert.strictEqual(hits[0], '/van-ban/kh-thi-dua-chi-bo-bon-tot-2022-2027/');
      assert.strictEqual(await page.inputValue('#_q'), 'chi bộ bốn tốt');
      await page.fill('#_q', 'thi đua');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'thi đua');
      await page.waitForFunction(() => /“thi đua”/.test(document.getElementById('trang-thai').textContent));
    });

    await t.test('a filter narrows the results, with counts', async () => {
      const all = await results(page, server, 'đảng viên');
      const label = page.locator('.search-filters label', { hasText: 'Chương trình hành động' });
      assert.match(await label.textContent(), /\(1\)/);
      await label.locator('input').check();
      await page.waitForFunction((n) => document.querySelectorAll('#ket-qua .item').length < n, all.length);
      const narrowed = await page.$$eval('#ket-qua .item-title', (els) => els.map((e) => e.getAttribute('href')));
      assert.deepStrictEqual(narrowed, ['/van-ban/ctr-nang-cao-nang-luc-lanh-dao-to-chuc-co-so-dang-2020-2025/']);
      assert.ok(new URL(page.url()).searchParams.get('loai'), 'the filter is in the URL');
    });

    await t.test('records are searchable without diacritics, and the section filter finds a unit', async () => {
      const all = await results(page, server, 'ngan hang nha nuoc');
      assert.ok(all.includes('/don-vi/cb-ngan-hang-nha-nuoc/'), all.join(' '));
      const label = page.locator('.search-filters label', { hasText: 'Đơn vị' });
      await label.locator('input').check();
      await page.waitForFunction(() => [...document.querySelectorAll('#ket-qua .item-title')].every((a) => a.getAttribute('href').startsWith('/don-vi/')));
      const units = await page.$$eval('#ket-qua .item-title', (els) => els.map((e) => e.getAttribute('href')));
      assert.strictEqual(units[0], '/don-vi/cb-ngan-hang-nha-nuoc/');
      const campaigns = await results(page, server, 'bon tot 2024');
      assert.ok(campaigns.includes('/thi-dua/chi-bo-bon-tot/2024/'), campaigns.join(' '));
    });

    await t.test('matched words are highlighted in the excerpt', async () => {
      await results(page, server, 'dang vien');
      const marks = await page.$$eval('#ket-qua mark', (els) => els.map((e) => e.textContent.toLowerCase()));
      assert.ok(marks.includes('đảng') && marks.includes('viên'), marks.join(','));
    });

    await t.test('the header search box leads to the search page', async () => {
      await page.goto(server.url + '/');
      await page.fill('#_o-tim', 'thi đua');
      await page.press('#_o-tim', 'Enter');
      await page.waitForURL(/\/tim-kiem\/\?q=/);
      await page.waitForSelector('#ket-qua .item');
    });
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('without JavaScript the search page says so and links to the browse pages', async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + '/tim-kiem/?q=test');
    const text = await page.textContent('noscript');
    assert.match(text, /Tìm kiếm cần JavaScript/);
    assert.ok(await page.isVisible('a[href="/van-ban/loai/"]'));
  } finally {
    await browser.close();
    await server.close();
  }
});
