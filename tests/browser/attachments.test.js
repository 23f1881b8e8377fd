// A reader on a phone sees a document's signed original: its first page as
// an image, then downloads it.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, serve } = require('./harness');

const shots = process.env.CONGBO_SCREENSHOTS;
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 280]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

test('the signed original: its first page shown, its size and hash, and the file itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-dinh-kem-'));
  const docs = path.join(dir, 'content', 'van-ban');
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
    '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\n');
  fs.writeFileSync(path.join(docs, '51-kh-duk.md'), '+++\ntitle = "Thi đua xây dựng chi bộ"\nnumber = "51-KH/ĐUK"\nkind = "KH"\n' +
    'issuer = "duk"\nattachments = [{ file = "51-kh-duk.pdf", title = "Bản ký, đóng dấu" }]\n+++\nNội dung.\n');
  fs.writeFileSync(path.join(docs, '51-kh-duk.pdf'), PDF);
  execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
  const server = await serve(path.join(dir, 'public'));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(server.url + '/van-ban/51-kh-duk/');
    const img = page.locator('.doc-attachments img');
    await img.scrollIntoViewIfNeeded();
    assert.strictEqual(await img.getAttribute('alt'), 'Trang đầu của Bản ký, đóng dấu');
    assert.ok(await img.evaluate((e) => e.complete && e.naturalWidth === 800), 'the first page loads');
    assert.match(await page.textContent('.doc-attachments'), /PDF, 1 kB/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
    if (shots) await page.locator('.doc-attachments').screenshot({ path: path.join(shots, 'van-ban-goc-dien-thoai.png') });
    const href = await page.getAttribute('.doc-attachments a[download]', 'href');
    const res = await page.request.get(server.url + href);
    assert.strictEqual(await res.text(), PDF);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a document whose text is only in its Word original is found by what the original says, excerpted from it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-goc-tim-'));
  const docs = path.join(dir, 'content', 'van-ban');
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
    '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\n');
  fs.writeFileSync(path.join(docs, '9-kh-duk.md'), '+++\ntitle = "Kế hoạch số 9"\nnumber = "9-KH/ĐUK"\nkind = "KH"\n' +
    'issuer = "duk"\nattachments = [{ file = "9-kh-duk.docx" }]\n+++\nXem văn bản gốc.\n');
  fs.writeFileSync(path.join(dir, 'goc.md'), 'Phát động phong trào thi đua trồng cây xanh quanh trụ sở.\n');
  execFileSync('pandoc', ['--from', 'markdown', '--to', 'docx', '-o', path.join(docs, '9-kh-duk.docx'), path.join(dir, 'goc.md')]);
  execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
  const server = await serve(path.join(dir, 'public'));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/tim-kiem/?q=' + encodeURIComponent('trong cay xanh'));
    await page.waitForSelector('#ket-qua .item');
    assert.strictEqual(await page.getAttribute('#ket-qua .item-title', 'href'), '/van-ban/9-kh-duk/');
    const summary = await page.innerHTML('#ket-qua .item-summary');
    assert.match(summary, /^<span class="excerpt-where">Trong văn bản gốc:<\/span> /);
    assert.match(summary, /<mark>trồng<\/mark> <mark>cây<\/mark> <mark>xanh<\/mark>/);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
