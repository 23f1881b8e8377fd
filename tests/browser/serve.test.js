// The office edits a file while `congbo serve` runs: the open page reloads;
// a mistake shows over the page while the last good version stays served.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { launch } = require('./harness');

// `congbo serve` on a new site whose content/gioi-thieu.md holds `first`,
// and a browser; `body` gets them, and both are ended after it.
async function withServe(first, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-serve-'));
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Thử"\nbase_url = "https://example.vn/"\n');
  const page_md = path.join(dir, 'content', 'gioi-thieu.md');
  fs.mkdirSync(path.dirname(page_md), { recursive: true });
  fs.writeFileSync(page_md, first);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.env.CONGBO_BIN, ['serve', '--site', dir, '--port', String(port), '--quiet'], { stdio: 'ignore' });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // The first page asked for, once serve answers.
    const open = async (url) => {
      for (let i = 0; i < 100; i++) {
        try { return await page.goto(`http://127.0.0.1:${port}${url}`); } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      throw new Error('serve never answered');
    };
    await body({ page, open, dir, page_md, port });
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });  // the site; serve removed its own output
  }
}

test('live reload, and errors shown over the page', () =>
  withServe('+++\ntitle = "Giới thiệu"\n+++\nBản đầu tiên.\n', async ({ page, open, page_md }) => {
    await open('/gioi-thieu/');
    assert.match(await page.textContent('main'), /Bản đầu tiên/);

    // An edit: the page reloads by itself.
    fs.writeFileSync(page_md, '+++\ntitle = "Giới thiệu"\n+++\nBản đã sửa.\n');
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('Bản đã sửa'), null, { timeout: 10000 });

    // A mistake: the error shows over the page, and the page stays as it was.
    fs.writeFileSync(page_md, '+++\ntitle = "Giới thiệu\n+++\nHỏng.\n');
    await page.waitForSelector('#congbo-loi', { timeout: 10000 });
    assert.match(await page.textContent('#congbo-loi'), /content\/gioi-thieu\.md:2:\d+: error:/);
    assert.match(await page.textContent('main'), /Bản đã sửa/);

    // Fixed: the page reloads and the overlay is gone.
    fs.writeFileSync(page_md, '+++\ntitle = "Giới thiệu"\n+++\nBản sửa lần hai.\n');
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('Bản sửa lần hai'), null, { timeout: 10000 });
    assert.strictEqual(await page.$('#congbo-loi'), null);
  }));

test('serve started on a site with a mistake: the error shows in the browser, and the page comes once it is fixed', () =>
  withServe('+++\ntitle = "Giới thiệu\n+++\nHỏng từ đầu.\n', async ({ page, open, dir, page_md, port }) => {
    const response = await open('/gioi-thieu/');
    assert.strictEqual(response.status(), 404);
    assert.match(await page.textContent('h1'), /Chưa dựng được trang/);
    await page.waitForSelector('#congbo-loi', { timeout: 10000 });
    assert.match(await page.textContent('#congbo-loi'), /content\/gioi-thieu\.md:2:\d+: error:/);

    // Fixed: the page it asked for comes by itself.
    fs.writeFileSync(page_md, '+++\ntitle = "Giới thiệu"\n+++\nĐã sửa xong.\n');
    await page.waitForFunction(() => document.querySelector('main') && document.querySelector('main').textContent.includes('Đã sửa xong'), null, { timeout: 10000 });
    assert.strictEqual(await page.$('#congbo-loi'), null);

    // A page not made yet waits the same way: a new file saved, it shows.
    await page.goto(`http://127.0.0.1:${port}/moi/`);
    fs.writeFileSync(path.join(dir, 'content', 'moi.md'), '+++\ntitle = "Trang mới"\n+++\nVừa thêm.\n');
    await page.waitForFunction(() => document.querySelector('main') && document.querySelector('main').textContent.includes('Vừa thêm'), null, { timeout: 10000 });
  }));
