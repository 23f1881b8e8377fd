// A reader searches the sample site in the browser.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const os = require('node:os');
const path = require('node:path');
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
      const years = await page.$$eval('.search-filters fieldset:has(legend:text("Năm ban hành")) label', (els) => els.map((e) => e.textContent.trim()));
      assert.ok(years.some((y) => /^20\d\d\s*\(\d+\)$/.test(y)), years.join(' | '));
      const label = page.locator('.search-filters label', { hasText: 'Chương trình hành động' });
      assert.match(await label.textContent(), /\(1\)/);
      await label.locator('input').check();
      await page.waitForFunction((n) => document.querySelectorAll('#ket-qua .item').length < n, all.length);
      const narrowed = await page.$$eval('#ket-qua .item-title', (els) => els.map((e) => e.getAttribute('href')));
      assert.deepStrictEqual(narrowed, ['/van-ban/ctr-nang-cao-nang-luc-lanh-dao-to-chuc-co-so-dang-2020-2025/']);
      assert.ok(new URL(page.url()).searchParams.get('loai'), 'the filter is in the URL');
    });

    await t.test('newest first and oldest first order the results by date, undated last', async () => {
      const dates = async () => page.$$eval('#ket-qua .item-meta', (els) => els.map((e) => {
        const m = /(\d\d)\/(\d\d)\/(\d{4})/.exec(e.textContent);
        return m ? m[3] + m[2] + m[1] : null;
      }));
      await results(page, server, 'thi đua');
      const daysFetched = () => server.requests.filter((r) => r.path.endsWith('/days.bin.gz')).length;
      const before = daysFetched();
      await page.selectOption('select[name=sx]', 'moi');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('sx') === 'moi');
      await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai').textContent));
      await page.waitForFunction(() => {
        const ds = [...document.querySelectorAll('#ket-qua .item-meta')].map((e) => /(\d\d)\/(\d\d)\/(\d{4})/.exec(e.textContent))
          .filter(Boolean).map((m) => m[3] + m[2] + m[1]);
        return ds.length >= 2 && ds[0] > ds[ds.length - 1];
      }, null, { timeout: 5000 });
      const newest = await dates();
      const dated = newest.filter(Boolean);
      assert.ok(dated.length >= 2, newest.join(' '));
      assert.deepStrictEqual(dated, dated.slice().sort().reverse(), 'newest first');
      assert.ok(newest.indexOf(null) < 0 || newest.slice(newest.indexOf(null)).every((d) => d === null), 'undated last');
      assert.strictEqual(daysFetched(), before + 1, 'the days are fetched only to sort by date');
      await page.selectOption('select[name=sx]', 'cu');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('sx') === 'cu');
      // the results are ordered again once the run the change started is done
      await page.waitForFunction(() => {
        const ds = [...document.querySelectorAll('#ket-qua .item-meta')].map((e) => /(\d\d)\/(\d\d)\/(\d{4})/.exec(e.textContent))
          .filter(Boolean).map((m) => m[3] + m[2] + m[1]);
        return ds.length >= 2 && ds[0] < ds[ds.length - 1];
      }, null, { timeout: 5000 });
      const oldest = (await dates()).filter(Boolean);
      assert.deepStrictEqual(oldest, oldest.slice().sort(), 'oldest first');
      await page.selectOption('select[name=sx]', '');
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

    await t.test('an index of another format than the script reads is said, not misread', async () => {
      const p = await browser.newPage();
      await p.route('**/search/manifest.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ v: 1, dir: 'search/x/', n: 1, b: 16 }) }));
      await p.goto(server.url + '/tim-kiem/?q=' + encodeURIComponent('đảng viên'));
      await p.waitForFunction(() => /Không đọc được chỉ mục tìm kiếm/.test(document.getElementById('trang-thai').textContent));
      assert.strictEqual(await p.$$eval('#ket-qua .item', (els) => els.length), 0);
      // and the script's address changes with each build's theme and congbo, so no browser keeps an old copy
      assert.match(await p.getAttribute('script[src*="tim-kiem.js"]', 'src'), /tim-kiem\.js\?v=[0-9a-f]{12}$/);
      await p.close();
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

test('results read well: facts found and shown, nothing run together, filters folded on a phone, nothing moving', async (t) => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await t.test('what a record page shows as its facts is searchable and shown marked', async () => {
      const hits = await results(page, server, 'dân vận khéo');
      assert.ok(hits.includes('/mo-hinh/doanh-nghiep-dua-xanh/'), hits.join(' '));
      const meta = await page.textContent('#ket-qua .item:has(a[href="/mo-hinh/doanh-nghiep-dua-xanh/"]) .item-meta');
      assert.match(meta, /Dân vận khéo/);
      assert.ok(await page.isVisible('#ket-qua .item:has(a[href="/mo-hinh/doanh-nghiep-dua-xanh/"]) .item-meta mark'));
    });

    await t.test('the date and section of a record do not run together, and records are not "Không rõ" kinds', async () => {
      await results(page, server, 'bon tot');
      const metas = await page.$$eval('#ket-qua .item-meta', (els) => els.map((e) => e.textContent));
      for (const m of metas) assert.doesNotMatch(m, /\d[^\d\s·/,.)–-]|[^\s·(]Chưa rõ|Chưa rõ ngày\S/, m);
      const labels = await page.$$eval('.search-filters label', (els) => els.map((e) => e.textContent));
      assert.ok(!labels.some((l) => /Không rõ/.test(l)), labels.join(' | '));
    });

    await t.test('on a phone the filters are one line and the first result is on the first screen', async () => {
      await results(page, server, 'đảng viên');
      const top = await page.$eval('#ket-qua .item', (e) => e.getBoundingClientRect().top + window.scrollY);
      assert.ok(top < 600, `first result at ${top} px`);
      assert.strictEqual(await page.$eval('#bo-loc', (d) => d.open), false);
      await page.click('#bo-loc summary');
      assert.ok(await page.isVisible('.search-filters fieldset'));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
      await page.screenshot({ path: path.join(os.tmpdir(), 'tim-kiem-390.png'), fullPage: false });
    });

    await t.test('words typed with Telex left over get "Có phải bạn muốn tìm", and one tap searches for it', async () => {
      await results(page, server, 'dangr vieen');
      assert.ok(await page.isVisible('#goi-y'));
      assert.strictEqual(await page.textContent('#goi-y a'), 'đảng viên');
      await page.screenshot({ path: path.join(os.tmpdir(), 'tim-kiem-goi-y-390.png') });
      await page.click('#goi-y a');
      await page.waitForFunction(() => /Có \d+ kết quả cho “đảng viên”/.test(document.getElementById('trang-thai').textContent));
      assert.strictEqual(await page.inputValue('#_q'), 'đảng viên');
      assert.match(page.url(), /q=%C4%91%E1%BA%A3ng\+vi%C3%AAn/);
      assert.ok(await page.isHidden('#goi-y'), 'the suggestion goes once followed');
    });

    await t.test('a pasted paragraph is searched by its first 10 words, and the page says so', async () => {
      await results(page, server, 'chi bộ ' + 'đảng viên '.repeat(30));
      assert.match(await page.textContent('#trang-thai'), /Chỉ tìm theo 10 từ đầu/);
    });

    await t.test('opening a shared link, the layout barely moves (CLS < 0.1), on a phone and on a desktop', async () => {
      for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
        const p = await browser.newPage({ viewport });
        await p.goto(server.url + '/tim-kiem/?q=' + encodeURIComponent('chi bộ'));
        await p.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai').textContent));
        await p.waitForTimeout(200);
        const cls = await p.evaluate(() => new Promise((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
            .observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 100);
        }));
        assert.ok(cls < 0.1, `CLS ${cls.toFixed(3)} at ${viewport.width} px`);
        if (viewport.width > 1000) {
          assert.strictEqual(await p.$eval('#bo-loc', (d) => d.open), true, 'filters open beside the results');
          await p.screenshot({ path: path.join(os.tmpdir(), 'tim-kiem-1366.png') });
        }
        await p.close();
      }
    });
    assert.deepStrictEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
