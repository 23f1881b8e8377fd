// Publishing from the desk, by the person responsible: a publisher (role
// xuat-ban) sees what the public site would gain and change, publishes with
// one button, sees who published in the log, and rolls back; a writer (role
// soan) is refused every step and nothing is published.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, startDesk, commitAll, addAccount } = require('./harness');

const git = (dir, ...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const shots = process.env.CONGBO_SCREENSHOTS;
const DOC = 'content/van-ban/1-kh-duk.md';

async function withDesk(body, { signed = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-xuat-ban-'));
  // A signed site: the key made outside the repository, its public half in site.toml.
  const key = dir + '-khoa';
  const publicKey = signed ? /public_key = "[^"]+"/.exec(execFileSync(process.env.CONGBO_BIN, ['keygen', key], { encoding: 'utf8' }))[0] + '\n' : '';
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n' + publicKey + '[kinds]\nKH = "Kế hoạch"\n' +
    '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\nparent = "Đảng bộ tỉnh"\n');
  fs.mkdirSync(path.join(dir, 'content/van-ban'), { recursive: true });
  fs.writeFileSync(path.join(dir, DOC), '+++\ntitle = "Kế hoạch đầu năm"\nnumber = "1-KH/ĐUK"\nkind = "KH"\nissuer = "duk"\ndate = 2024-01-05\n+++\nNội dung.\n');
  fs.writeFileSync(path.join(dir, 'content/gioi-thieu.md'), '+++\ntitle = "Giới thiệu"\n+++\nVề trang này.\n');
  commitAll(dir);
  addAccount(dir, 'lan', 'Nguyễn Thị Lan', 'soan');
  addAccount(dir, 'hoa', 'Trần Văn Hòa', 'xuat-ban');
  const web = dir + '-web';
  const { base, stop } = await startDesk(dir, ['--publish-to', web, ...(signed ? ['--publish-key', key] : [])]);
  const browser = await launch();
  try {
    await body({ browser, base, dir, web });
  } finally {
    await browser.close();
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(web, { recursive: true, force: true });
    fs.rmSync(key, { force: true });
  }
}

async function logIn(browser, base, login) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + '/');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill('mat-khau-bi-mat');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}
const served = (web) => fs.readlinkSync(path.join(web, 'current'));

test('a publisher sees what would change, publishes, is named in the log, and rolls back; a writer cannot', () =>
  withDesk(async ({ browser, base, dir, web }) => {
    // The writer: no button, and each step refused with nothing published.
    const writer = await logIn(browser, base, 'lan');
    assert.strictEqual(await writer.getByRole('link', { name: /Xuất bản/ }).count(), 0);
    const refused = await writer.evaluate(async () => {
      const csrf = document.querySelector('input[name=csrf]').value;
      const post = async (to) => { const f = new FormData(); f.set('csrf', csrf); return (await fetch(to, { method: 'POST', body: f })).status; };
      return [(await fetch('/xuat-ban')).status, await post('/xuat-ban/cong-bo'), await post('/xuat-ban/quay-lai')];
    });
    assert.deepStrictEqual(refused, [403, 403, 403]);
    assert.ok(!fs.existsSync(path.join(web, 'current')), 'nothing published by a writer');

    // The publisher: the first release adds every page.
    const page = await logIn(browser, base, 'hoa');
    await page.getByRole('link', { name: /Xuất bản/ }).click();
    assert.match(await page.textContent('#thay-doi'), /Trang mới \(\d+\)[\s\S]*\/van-ban\/1-kh-duk\//);
    await page.getByRole('button', { name: 'Công bố bản này' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã công bố bản 000001-/);
    const first = served(web);
    assert.match(first, /000001-/);
    assert.match(await page.textContent('table.log'), /Trần Văn Hòa/);
    assert.match(await page.textContent('#thay-doi'), /không thay đổi gì/);

    // A change committed at the desk (here by git): the page that changes is named.
    fs.appendFileSync(path.join(dir, DOC), '\nĐoạn thêm.\n');
    git(dir, '-c', 'user.name=Nguyễn Thị Lan', '-c', 'user.email=lan@example.vn', 'commit', '-qam', 'Sửa kế hoạch');
    await page.reload();
    assert.match(await page.textContent('#thay-doi'), /Trang thay đổi \(\d+\)[\s\S]*\/van-ban\/1-kh-duk\//);
    // The document's text, word by word: what the reader will see added.
    const words = page.locator('.word-diff', { hasText: '/van-ban/1-kh-duk/' });
    assert.match(await words.locator('summary').textContent(), /thêm 2 chữ, bỏ 0 chữ/);
    await words.locator('summary').click();
    assert.strictEqual((await words.locator('ins').allTextContents()).join(' ').trim(), 'Đoạn thêm.');
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-xuat-ban.png'), fullPage: true });
    await page.getByRole('button', { name: 'Công bố bản này' }).click();
    assert.match(served(web), /000002-/);
    assert.match(fs.readFileSync(path.join(web, 'current/van-ban/1-kh-duk/index.html'), 'utf8'), /Đoạn thêm/);
    // The public about page names who published each release, newest first.
    const about = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await about.goto('file://' + path.join(web, 'current/gioi-thieu/index.html'), { waitUntil: 'domcontentloaded' });
    const rows = await about.locator('.publication-log tbody tr').allTextContents();
    assert.strictEqual(rows.length, 2);
    assert.match(rows[0], /^2.*Trần Văn Hòa/);
    assert.match(rows[1], /^1.*Trần Văn Hòa/);
    await about.close();

    // Back to the release before: the old page is served again, whole.
    await page.getByRole('button', { name: /Quay lại bản trước/ }).click();
    assert.match(await page.textContent('[role=status]'), /Đã quay lại bản 000001-/);
    assert.strictEqual(served(web), first);
    assert.doesNotMatch(fs.readFileSync(path.join(web, 'current/van-ban/1-kh-duk/index.html'), 'utf8'), /Đoạn thêm/);
    const manifest = JSON.parse(fs.readFileSync(path.join(web, 'releases', path.basename(first) + '.json'), 'utf8'));
    assert.strictEqual(manifest.publisher, 'Trần Văn Hòa');
  }));

test('a site that signs its releases: the desk signs with --publish-key, and its release carries the signed record', () =>
  withDesk(async ({ browser, base, dir, web }) => {
    const page = await logIn(browser, base, 'hoa');
    await page.getByRole('link', { name: /Xuất bản/ }).click();
    await page.getByRole('button', { name: 'Công bố bản này' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã công bố bản 000001-/);
    assert.ok(fs.existsSync(path.join(web, 'current/xac-minh/ban-cong-bo.sig')), 'the record is signed');
    execFileSync(process.env.CONGBO_BIN, ['verify', web], { stdio: 'pipe', cwd: dir });  // and verifies against site.toml's key
  }, { signed: true }));
