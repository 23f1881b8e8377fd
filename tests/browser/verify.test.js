// A reader checks that a page is the one the committee published: on
// /xac-minh/ they pick a saved copy of a page (or follow "Xác minh trang
// này" from any page), and the browser checks it against the signed
// publication record that congbo publish wrote — the signature with
// WebCrypto's Ed25519, the file by its SHA-256.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, serve } = require('./harness');

const git = (dir, ...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const congbo = (...args) => execFileSync(process.env.CONGBO_BIN, args, { encoding: 'utf8', stdio: 'pipe' });
const shots = process.env.CONGBO_SCREENSHOTS;
const PAGE = 'van-ban/51-kh-duk/index.html';

function plan(body) {
  return '+++\ntitle = "Kế hoạch tổ chức Đại hội"\nnumber = "51-KH/ĐUK"\nkind = "KH"\nissuer = "duk"\ndate = 2024-01-05\n+++\n' + body + '\n';
}

// A signed site published twice: the plan's page as release 1 had it, then as release 2 has it.
function publishedTwice() {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-xac-minh-'));
  const site = path.join(top, 'site'), web = path.join(top, 'web'), key = path.join(top, 'khoa', 'khoa-ky');
  const printed = congbo('keygen', key);
  const publicKey = printed.match(/public_key = "([^"]+)"/)[1];
  fs.mkdirSync(path.join(site, 'content', 'van-ban'), { recursive: true });
  fs.writeFileSync(path.join(site, 'site.toml'), `title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n` +
    `committee = "Ban Thường vụ Đảng ủy Khối thử"\npublic_key = "${publicKey}"\n[kinds]\nKH = "Kế hoạch"\n` +
    '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\nparent = "Đảng bộ tỉnh"\n');
  const commit = (body) => {
    fs.writeFileSync(path.join(site, 'content', 'van-ban', '51-kh-duk.md'), plan(body));
    git(site, 'add', '-A');
    git(site, '-c', 'user.name=Văn phòng', '-c', 'user.email=vp@example.vn', 'commit', '-qm', 'Kế hoạch');
  };
  git(site, 'init', '-q');
  commit('Nội dung bản đầu.');
  congbo('publish', '--site', site, '--to', web, '--key', key, '--quiet');
  const first = fs.readFileSync(path.join(web, 'current', PAGE));
  commit('Nội dung đã sửa sau góp ý.');
  congbo('publish', '--site', site, '--to', web, '--key', key, '--quiet');
  return { top, web, first, second: fs.readFileSync(path.join(web, 'current', PAGE)) };
}

async function withPublished(body) {
  const p = publishedTwice();
  const server = await serve(path.join(p.web, 'current'));
  const browser = await launch();
  try {
    await body({ ...p, browser, base: server.url });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(p.top, { recursive: true, force: true });
  }
}

async function pick(page, name, bytes) {
  // The verdict on the file picked before must not be taken for this one's.
  await page.evaluate(() => { document.getElementById('ket-qua-xac-minh').className = 'verify-result'; });
  await page.locator('#_tep').setInputFiles({ name, mimeType: 'text/html', buffer: bytes });
  const verdict = page.locator('#ket-qua-xac-minh.good, #ket-qua-xac-minh.bad');
  await verdict.waitFor();
  return page.locator('#ket-qua-xac-minh');
}

test('a saved page verifies as published, an older copy names its release, a changed one is refused', () =>
  withPublished(async ({ browser, base, first, second }) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(base + '/xac-minh/');
    const log = page.locator('#nhat-ky tbody tr');
    await assert.doesNotReject(log.nth(1).waitFor());
    assert.strictEqual(await log.count(), 2);
    assert.match(await log.first().textContent(), /^2 \(đang phát hành\)/);

    let result = await pick(page, 'ke-hoach.html', second);
    assert.match(await result.getAttribute('class'), /good/);
    assert.match(await result.textContent(), /ke-hoach\.html đúng là tệp Ban đã công bố/);
    assert.match(await result.textContent(), /Địa chỉ \/van-ban\/51-kh-duk\/: từ bản 2 \(.*\), vẫn có trong bản đang phát hành/);
    assert.doesNotMatch(await result.textContent(), /không kiểm được chữ ký/, 'Chromium checks Ed25519 itself');
    if (shots) await page.screenshot({ path: path.join(shots, 'xac-minh.png'), fullPage: true });

    result = await pick(page, 'ban-cu.html', first);
    assert.match(await result.textContent(), /từ bản 1 \(.*\) đến bản 1 .*bản sau đó đã thay tệp này/);

    const changed = Buffer.from(second.toString().replace('sau góp ý', 'sau góp ý!'));
    result = await pick(page, 'da-sua.html', changed);
    assert.match(await result.getAttribute('class'), /bad/);
    assert.match(await result.textContent(), /da-sua\.html không khớp với tệp nào đã công bố/);
  }));

test('"Xác minh trang này" in a page\'s footer checks that page as served, on a phone', () =>
  withPublished(async ({ browser, base }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base + '/van-ban/51-kh-duk/');
    await page.getByRole('link', { name: 'Xác minh trang này' }).click();
    const result = page.locator('#ket-qua-xac-minh.good');
    await result.waitFor();
    assert.match(await result.textContent(), /\/van-ban\/51-kh-duk\/ đúng là tệp Ban đã công bố/);
    if (shots) await page.screenshot({ path: path.join(shots, 'xac-minh-dien-thoai.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone (the hash and the key must wrap)`);
  }));

test('a publication record changed on the server is not believed', () =>
  withPublished(async ({ browser, base, web, second }) => {
    const root = path.join(web, 'current', 'xac-minh', 'ban-cong-bo.txt');
    fs.writeFileSync(root, fs.readFileSync(root, 'utf8').replace(/^files \d+/m, 'files 1'));
    const page = await browser.newPage();
    await page.goto(base + '/xac-minh/');
    const result = await pick(page, 'ke-hoach.html', second);
    assert.match(await result.textContent(), /không khớp chữ ký của Ban/);
  }));
