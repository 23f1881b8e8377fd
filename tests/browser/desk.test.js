// A writer at the desk (`congbo soan`): logs in, writes a document with a
// mistake, sees the message beside the field, fixes it, saves — and git has
// the commit in the writer's name. Also what the desk refuses.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { launch, startDesk, commitAll, addAccount } = require('./harness');

const SITE_TOML = 'title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
  '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\nparent = "Đảng bộ tỉnh"\n';
const git = (dir, ...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const shots = process.env.CONGBO_SCREENSHOTS;  // a folder: screenshots for the user guide

// A site in its own git repository, an account "lan", and the desk on it.
async function withDesk(body, { publishTo = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-desk-'));
  fs.writeFileSync(path.join(dir, 'site.toml'), SITE_TOML);
  fs.mkdirSync(path.join(dir, 'content', 'van-ban'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'content', 'van-ban', '1-kh-duk.md'),
    '+++\ntitle = "Kế hoạch đầu năm"\nnumber = "1-KH/ĐUK"\nkind = "KH"\nissuer = "duk"\ndate = 2024-01-05\n+++\nNội dung.\n');
  commitAll(dir);
  addAccount(dir, 'lan', 'Nguyễn Thị Lan', 'soan', 'lan@example.vn');
  const web = dir + '-web';
  const { base, stop } = await startDesk(dir, publishTo ? ['--publish-to', web] : []);
  const browser = await launch();
  try {
    await body({ browser, base, dir, web });
  } finally {
    await browser.close();
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(web, { recursive: true, force: true });
  }
}

async function logIn(page, base, password = 'mat-khau-bi-mat') {
  await page.goto(base + '/');
  await page.getByLabel('Tên đăng nhập').fill('lan');
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('a writer brings in an existing Word or text file: the form is filled from its layout, reviewed and saved', () =>
  withDesk(async ({ browser, base, dir }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, base);
    await page.getByRole('link', { name: 'Văn bản mới' }).click();
    // A type it cannot read is said so, and nothing is filled.
    await page.getByLabel('Nhập từ tệp có sẵn').setInputFiles({ name: 'bang.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    assert.match(await page.textContent('[role=alert]'), /bang\.xlsx: chỉ đọc được tệp \.docx, \.odt, \.pdf, \.txt hoặc \.md/);

    const text = 'ĐẢNG BỘ TỈNH\nĐẢNG ỦY KHỐI\n*\nSố 7-KH/ĐUK\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBến Tre, ngày 05 tháng 3 năm 2024\n\n' +
      'KẾ HOẠCH\ntổ chức hội nghị sơ kết\n\nI. MỤC ĐÍCH\n\nNội dung kế hoạch.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n';
    await page.getByLabel('Nhập từ tệp có sẵn').setInputFiles({ name: 'ke-hoach-7.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    const notice = await page.textContent('[role=status]');
    assert.match(notice, /Đã đọc tệp ke-hoach-7\.txt/);
    assert.match(notice, /không tìm thấy: nơi nhận/);
    assert.strictEqual(await page.inputValue('#f-title'), 'Tổ chức hội nghị sơ kết');
    assert.strictEqual(await page.inputValue('#f-number'), '7-KH/ĐUK');
    assert.strictEqual(await page.inputValue('#f-issuer'), 'duk');
    assert.strictEqual(await page.inputValue('#f-date'), '05/03/2024');
    assert.strictEqual(await page.inputValue('#f-signer'), 'Nguyễn Văn A');
    assert.match(await page.inputValue('#f-body'), /^## I\. MỤC ĐÍCH\n\nNội dung kế hoạch\.\n$/);
    assert.ok(!fs.existsSync(path.join(dir, 'content/van-ban/7-kh-duk.md')), 'reading a file saves nothing');
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-nhap-tep.png'), fullPage: true });

    await page.getByLabel('Nội dung thay đổi').fill('Nhập kế hoạch 7 từ tệp Word');
    await page.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu content\/van-ban\/7-kh-duk\.md/);
    const saved = fs.readFileSync(path.join(dir, 'content/van-ban/7-kh-duk.md'), 'utf8');
    assert.match(saved, /signer = "Nguyễn Văn A"/);
    assert.match(saved, /authority = "T\/M BAN THƯỜNG VỤ"/);
    // The file read is published with the document as its original, in the same commit.
    assert.match(saved, /attachments = \[\{ file = "7-kh-duk\.txt", title = "Văn bản gốc" \}\]/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'content/van-ban/7-kh-duk.txt'), 'utf8'), text);
    assert.deepStrictEqual(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort(),
      ['content/van-ban/7-kh-duk.md', 'content/van-ban/7-kh-duk.txt']);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.congbo/nhap')), [], 'nothing left waiting');
  }));

test('a writer writes a document, sees the mistake beside its field, fixes it and saves', () =>
  withDesk(async ({ browser, base, dir }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, base);
    assert.match(await page.textContent('main'), /1-KH\/ĐUK/);
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-danh-sach.png'), fullPage: true });

    await page.getByRole('link', { name: 'Văn bản mới' }).click();
    await page.getByLabel('Trích yếu').fill('Kế hoạch tổ chức hội nghị sơ kết');
    await page.getByLabel('Số, ký hiệu').fill('2-KH/ĐUK');
    await page.getByLabel('Cơ quan ban hành').selectOption('duk');
    await page.getByLabel('Ngày ban hành').fill('12/03/2024');
    // A long text (cpp-httplib takes at most 8 kB as a urlencoded form: the desk's forms are multipart).
    await page.getByLabel('Nội dung', { exact: true }).fill('## Mục đích\n\nThực hiện theo Kế hoạch số 1-KH/ĐUK.\n\n' +
      'Các chi bộ tổ chức quán triệt, học tập nghị quyết. '.repeat(400));
    // The preview is congbo's own rendering, as the writer types.
    await page.waitForFunction(() => document.querySelector('#xem-truoc h2'));
    assert.match(await page.textContent('#xem-truoc'), /Mục đích/);
    // "Căn cứ" chosen by searching, typed without diacritics.
    await page.getByLabel('Tìm văn bản để thêm vào Căn cứ').fill('dau nam');
    await page.waitForFunction(() => document.querySelectorAll('#van-ban-tim-duoc option').length === 1);
    const found = await page.getAttribute('#van-ban-tim-duoc option', 'value');
    assert.strictEqual(found, '1-KH/ĐUK – Kế hoạch đầu năm');
    await page.getByLabel('Tìm văn bản để thêm vào Căn cứ').fill(found);
    assert.strictEqual(await page.inputValue('#f-based_on'), '1-KH/ĐUK');
    await page.getByLabel('Nội dung thay đổi').fill('Thêm kế hoạch sơ kết');
    await page.getByRole('button', { name: 'Lưu' }).click();

    // Kind left empty: the checker's message is beside "Loại văn bản", tied to it.
    const kind = page.getByLabel('Loại văn bản');
    assert.strictEqual(await kind.getAttribute('aria-invalid'), 'true');
    const described = await kind.getAttribute('aria-describedby');
    assert.match(await page.textContent('#' + described), /"kind" không được để trống/);
    assert.strictEqual(git(dir, 'log', '--format=%s').trim().split('\n').length, 1, 'nothing committed');
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-loi.png'), fullPage: true });

    await kind.selectOption('KH');
    await page.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu content\/van-ban\/2-kh-duk\.md/);
    assert.strictEqual(git(dir, 'log', '-1', '--format=%an <%ae>|%s').trim(), 'Nguyễn Thị Lan <lan@example.vn>|Thêm kế hoạch sơ kết');
    const saved = fs.readFileSync(path.join(dir, 'content/van-ban/2-kh-duk.md'), 'utf8');
    assert.match(saved, /date = 2024-03-12/);
    assert.match(saved, /based_on = \["1-KH\/ĐUK"\]/);
    assert.strictEqual(git(dir, 'status', '--porcelain').trim(), '', 'the accounts file is never in git');

    // The built site shows the page.
    const out = path.join(dir, 'public');
    execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
    assert.match(fs.readFileSync(path.join(out, 'van-ban/2-kh-duk/index.html'), 'utf8'), /Kế hoạch tổ chức hội nghị sơ kết/);
  }));

test('on a phone the text and its preview are tabs', () =>
  withDesk(async ({ browser, base }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, base);
    await page.goto(base + '/sua?tep=content/van-ban/1-kh-duk.md');
    assert.ok(await page.isVisible('#f-body'));
    assert.ok(!(await page.isVisible('#xem-truoc')));
    await page.getByRole('tab', { name: 'Xem trước' }).click();
    await page.waitForFunction(() => document.querySelector('#xem-truoc').textContent.includes('Nội dung'));
    assert.ok(!(await page.isVisible('#f-body')));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-dien-thoai.png'), fullPage: true });
  }));

test('two writers on one file: the second sees the first one\'s version instead of overwriting it', () =>
  withDesk(async ({ browser, base, dir }) => {
    const a = await browser.newPage();
    const b = await (await browser.newContext()).newPage();
    await logIn(a, base);
    await logIn(b, base);
    for (const p of [a, b]) await p.goto(base + '/sua?tep=content/van-ban/1-kh-duk.md');
    await a.getByLabel('Trích yếu').fill('Kế hoạch đầu năm (sửa lần 1)');
    await a.getByLabel('Nội dung thay đổi').fill('Sửa trích yếu');
    await a.getByRole('button', { name: 'Lưu' }).click();
    await b.getByLabel('Trích yếu').fill('Kế hoạch đầu năm (bản khác)');
    await b.getByLabel('Nội dung thay đổi').fill('Sửa khác');
    await b.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await b.textContent('.theirs'), /sửa lần 1/);
    assert.match(fs.readFileSync(path.join(dir, 'content/van-ban/1-kh-duk.md'), 'utf8'), /sửa lần 1/);
    assert.strictEqual(git(dir, 'log', '-1', '--format=%s').trim(), 'Sửa trích yếu');
  }));

test('the desk refuses: no session, no CSRF token, a path out of the site, and a login tried too often', () =>
  withDesk(async ({ browser, base, dir }) => {
    // Without a session: pages send to the login page, changes are refused.
    const r1 = await fetch(base + '/', { redirect: 'manual' });
    assert.strictEqual(r1.status, 303);
    assert.strictEqual(r1.headers.get('location'), '/dang-nhap');
    const r2 = await fetch(base + '/luu', { method: 'POST', body: new URLSearchParams({ title: 'x', message: 'x' }) });
    assert.strictEqual(r2.status, 403);

    // With a session but no CSRF token (another site's form): refused.
    const page = await browser.newPage();
    await logIn(page, base);
    const cookie = (await page.context().cookies())[0];
    assert.strictEqual(cookie.httpOnly, true);
    assert.strictEqual(cookie.sameSite, 'Strict');
    const headers = { cookie: `${cookie.name}=${cookie.value}` };
    const r3 = await fetch(base + '/luu', { method: 'POST', headers, body: new URLSearchParams({ title: 'x', message: 'x' }) });
    assert.strictEqual(r3.status, 403);
    // Reading a file for a new document is a change too: no session or no token, refused, nothing kept.
    const upload = () => { const f = new FormData(); f.set('nhap', new Blob(['KẾ HOẠCH\nthử\n']), 'a.txt'); return f; };
    assert.strictEqual((await fetch(base + '/nhap', { method: 'POST', body: upload() })).status, 403);
    assert.strictEqual((await fetch(base + '/nhap', { method: 'POST', headers, body: upload() })).status, 403);
    assert.ok(!fs.existsSync(path.join(dir, '.congbo/nhap')), 'nothing kept from a refused upload');

    // A file name that leaves the folder is refused, and nothing is written outside.
    const csrf = await page.inputValue('input[name=csrf]');
    for (const tep of ['../../x.md', 'content/van-ban/../../../x.md', '/etc/passwd', 'content/van-ban/a.md/../../x']) {
      const r = await fetch(base + '/luu', { method: 'POST', headers,
        body: new URLSearchParams({ csrf, tep, title: 'x', kind: 'KH', issuer: 'duk', message: 'x' }) });
      assert.strictEqual(r.status, 400, tep);
      const r4 = await fetch(base + '/sua?tep=' + encodeURIComponent(tep), { headers });
      assert.strictEqual(r4.status, 404, tep);
    }
    assert.ok(!fs.existsSync(path.join(dir, '..', 'x.md')));
    // The preview's files are the site's static files and the theme's, nothing else.
    for (const p of ['/_trang/%2e%2e/site.toml', '/_trang/../.congbo/tai-khoan.toml', '/_trang/%2e%2e%2f.congbo%2ftai-khoan.toml']) {
      const r = await fetch(base + p, { headers });
      const text = await r.text();
      assert.notStrictEqual(r.status, 200, p);
      assert.ok(!/argon2id|base_url/.test(text), p);
    }
    assert.strictEqual((await fetch(base + '/_trang/css/congbo.css', { headers })).status, 200);
    assert.strictEqual((await fetch(base + '/_trang/css/congbo.css')).status, 403);

    // A body over the desk's 8 MB limit is refused (413), and nothing is written.
    const big = new FormData();
    big.set('csrf', csrf);
    big.set('title', 'x');
    big.set('body', 'a'.repeat(9 * 1024 * 1024));
    big.set('message', 'x');
    const r5 = await fetch(base + '/luu', { method: 'POST', headers, body: big });
    assert.strictEqual(r5.status, 413);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'content/van-ban')), ['1-kh-duk.md']);
    // An "original" named by the form is only ever one the desk kept itself: the accounts file is not moved.
    const forged = await fetch(base + '/luu', { method: 'POST', headers,
      body: new URLSearchParams({ csrf, title: 'x', kind: 'KH', issuer: 'duk', message: 'x', goc: '.congbo/tai-khoan.toml' }) });
    assert.notStrictEqual(forged.status, 500);
    assert.ok(fs.existsSync(path.join(dir, '.congbo/tai-khoan.toml')), 'the accounts file stays where it is');
    assert.ok(!fs.readdirSync(path.join(dir, 'content/van-ban')).some((f) => f.endsWith('.toml')), 'nor copied beside the document');

    // Five wrong passwords lock the login, even for the right one.
    const other = await (await browser.newContext()).newPage();
    for (let i = 0; i < 5; i++) await logIn(other, base, 'sai-mat-khau');
    await logIn(other, base);
    assert.match(await other.textContent('[role=alert]'), /tạm khóa/);
  }));

test('congbo soan will not open to the network without HTTPS, and serves HTTPS with a certificate', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-desk-tls-'));
  try {
    fs.writeFileSync(path.join(dir, 'site.toml'), SITE_TOML);
    execFileSync(process.env.CONGBO_BIN, ['soan', '--site', dir, '--add-user', 'lan', '--name', 'Lan'], { input: 'mat-khau-bi-mat\n' });
    let refused = null;
    try {
      execFileSync(process.env.CONGBO_BIN, ['soan', '--site', dir, '--listen', '0.0.0.0', '--port', '20999'], { stdio: 'pipe' });
    } catch (e) { refused = e; }
    assert.ok(refused, 'it started');
    assert.strictEqual(refused.status, 1);
    assert.match(refused.stderr.toString(), /cần HTTPS/);

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const port = 20000 + Math.floor(Math.random() * 20000);
    const desk = spawn(process.env.CONGBO_BIN, ['soan', '--site', dir, '--port', String(port), '--quiet',
      '--tls-cert', path.join(dir, 'cert.pem'), '--tls-key', path.join(dir, 'key.pem')], { stdio: 'ignore' });
    const browser = await launch();
    try {
      const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      for (let i = 0; i < 100; i++) {
        try { await page.goto(`https://127.0.0.1:${port}/dang-nhap`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
      }
      await page.getByLabel('Tên đăng nhập').fill('lan');
      await page.getByLabel('Mật khẩu').fill('mat-khau-bi-mat');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const cookie = (await page.context().cookies())[0];
      assert.strictEqual(cookie.secure, true);
      assert.match(await page.textContent('h1'), /Văn bản/);
    } finally {
      await browser.close();
      const exited = new Promise((resolve) => desk.on('exit', resolve));
      desk.kill('SIGINT');
      await exited;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a writer restores an older version as a new commit, and removes a document (the archive keeps it)', () =>
  withDesk(async ({ browser, base, dir }) => {
    const page = await browser.newPage();
    await logIn(page, base);
    await page.goto(base + '/sua?tep=content/van-ban/1-kh-duk.md');
    await page.getByLabel('Trích yếu').fill('Kế hoạch đầu năm, bản sửa');
    await page.getByLabel('Nội dung thay đổi').fill('Sửa trích yếu');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // The list shows who changed what.
    assert.match(await page.textContent('.recent'), /Nguyễn Thị Lan: Sửa trích yếu/);

    await page.goto(base + '/sua?tep=content/van-ban/1-kh-duk.md');
    await page.getByRole('link', { name: /Các phiên bản/ }).click();
    assert.strictEqual(await page.locator('.versions > li').count(), 2);
    await page.getByRole('button', { name: 'Khôi phục bản này' }).click();
    assert.match(await page.textContent('[role=status]'), /Khôi phục bản ngày/);
    assert.match(fs.readFileSync(path.join(dir, 'content/van-ban/1-kh-duk.md'), 'utf8'), /title = "Kế hoạch đầu năm"/);
    assert.strictEqual(git(dir, 'log', '--format=%an|%s').trim().split('\n').length, 3);
    assert.match(git(dir, 'log', '-1', '--format=%an|%s'), /^Nguyễn Thị Lan\|Khôi phục bản ngày/);

    // A version of another file cannot be restored into this one.
    const csrf = await page.inputValue('input[name=csrf]');
    const cookie = (await page.context().cookies())[0];
    const r = await fetch(base + '/khoi-phuc', { method: 'POST', headers: { cookie: `${cookie.name}=${cookie.value}` },
      body: new URLSearchParams({ csrf, tep: 'content/van-ban/1-kh-duk.md', blob: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', message: 'x' }) });
    assert.strictEqual(r.status, 404);

    await page.goto(base + '/phien-ban?tep=content/van-ban/1-kh-duk.md');
    await page.getByLabel('Nội dung thay đổi', { exact: true }).last().fill('Gỡ kế hoạch đầu năm');
    await page.getByRole('button', { name: 'Gỡ văn bản' }).click();
    assert.match(await page.textContent('[role=status]'), /Gỡ kế hoạch đầu năm/);
    assert.ok(!fs.existsSync(path.join(dir, 'content/van-ban/1-kh-duk.md')));
    assert.match(git(dir, 'log', '-1', '--format=%an|%s'), /^Nguyễn Thị Lan\|Gỡ kế hoạch đầu năm/);
    // The built site keeps its page, saying it was removed, with its versions.
    execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
    assert.match(fs.readFileSync(path.join(dir, 'public/van-ban/1-kh-duk/index.html'), 'utf8'), /đã được gỡ/);
  }));

test('a writer writes an exemplary model with an uploaded image and its alt text; an upload named ../../x stays inside the site', () =>
  withDesk(async ({ browser, base, dir }) => {
    fs.writeFileSync(path.join(dir, 'content', 'don-vi.toml'),
      '[[unit]]\nid = "cb-a"\nname = "Chi bộ A"\ntype = "chi bộ cơ sở"\nsector = "hành chính"\n');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=VP', '-c', 'user.email=vp@x', 'commit', '-qm', 'Đơn vị');
    // A real PNG (1×1), named to climb out of the folder.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b1c4f90000000049454e44ae426082', 'hex');
    const upload = path.join(os.tmpdir(), `congbo-upload-${process.pid}.png`);
    fs.writeFileSync(upload, png);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await logIn(page, base);
      await page.getByRole('link', { name: 'Mô hình mới' }).click();
      await page.getByLabel('Tên mô hình').fill('Dân vận khéo ở chi bộ A');
      await page.getByLabel('Đơn vị').selectOption('cb-a');
      await page.getByLabel('Năm', { exact: true }).fill('2024');
      await page.getByLabel('Chủ đề').fill('Dân vận khéo');
      await page.getByLabel('Nội dung', { exact: true }).fill('Chi bộ cùng dân làm đường.');
      await page.getByLabel('Thêm ảnh').setInputFiles({ name: '../../x.png', mimeType: 'image/png', buffer: png });
      await page.getByLabel('Nội dung thay đổi').fill('Thêm mô hình dân vận');
      // Without alt text the image is refused beside its field, and nothing is stored.
      await page.getByRole('button', { name: 'Lưu' }).click();
      assert.match(await page.textContent('#f-upload-alt-loi'), /tả ảnh/);
      assert.ok(!fs.existsSync(path.join(dir, 'static')));

      await page.getByLabel('Thêm ảnh').setInputFiles({ name: '../../x.png', mimeType: 'image/png', buffer: png });
      await page.getByLabel(/Mô tả ảnh mới/).fill('Đảng viên và người dân cùng đổ bê tông đường làng');
      await page.getByRole('button', { name: 'Lưu' }).click();
      assert.match(await page.textContent('[role=status]'), /Đã lưu content\/mo-hinh\/dan-van-kheo-o-chi-bo-a\.md/);
      assert.ok(fs.existsSync(path.join(dir, 'static/anh/mo-hinh/x.png')), 'stored under static/anh/mo-hinh/');
      assert.ok(!fs.existsSync(path.join(path.dirname(dir), 'x.png')));
      const files = git(dir, 'show', '--name-only', '--format=%an', 'HEAD').trim().split('\n');
      assert.deepStrictEqual(files, ['Nguyễn Thị Lan', '', 'content/mo-hinh/dan-van-kheo-o-chi-bo-a.md', 'static/anh/mo-hinh/x.png']);
      const text = fs.readFileSync(path.join(dir, 'content/mo-hinh/dan-van-kheo-o-chi-bo-a.md'), 'utf8');
      assert.match(text, /src = "\/anh\/mo-hinh\/x\.png", alt = "Đảng viên và người dân cùng đổ bê tông đường làng"/);

      // Not an image (a script named .png): refused by its bytes.
      await page.goto(base + '/sua-mo-hinh?tep=content/mo-hinh/dan-van-kheo-o-chi-bo-a.md');
      await page.getByLabel('Thêm ảnh').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(1)</script>') });
      await page.getByLabel(/Mô tả ảnh mới/).fill('Ảnh');
      await page.getByLabel('Nội dung thay đổi').fill('Thêm ảnh');
      await page.getByRole('button', { name: 'Lưu' }).click();
      assert.match(await page.textContent('#f-upload-alt-loi'), /không phải ảnh/);
      assert.ok(!fs.existsSync(path.join(dir, 'static/anh/mo-hinh/anh.png')));

      // A real PNG over 5 MB: refused, nothing stored.
      await page.getByLabel('Thêm ảnh').setInputFiles({ name: 'lon.png', mimeType: 'image/png',
        buffer: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) });
      await page.getByLabel(/Mô tả ảnh mới/).fill('Ảnh lớn');
      await page.getByLabel('Nội dung thay đổi').fill('Thêm ảnh lớn');
      await page.getByRole('button', { name: 'Lưu' }).click();
      assert.match(await page.textContent('#f-upload-alt-loi'), /lớn hơn 5 MB/);
      assert.ok(!fs.existsSync(path.join(dir, 'static/anh/mo-hinh/lon.png')));

      execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
      const html = fs.readFileSync(path.join(dir, 'public/mo-hinh/dan-van-kheo-o-chi-bo-a/index.html'), 'utf8');
      assert.match(html, /alt="Đảng viên và người dân cùng đổ bê tông đường làng"/);
      assert.ok(fs.existsSync(path.join(dir, 'public/anh/mo-hinh/x.png')));
    } finally {
      fs.rmSync(upload, { force: true });
    }
  }));

test('a writer writes a plain page', () =>
  withDesk(async ({ browser, base, dir }) => {
    const page = await browser.newPage();
    await logIn(page, base);
    await page.getByRole('link', { name: 'Trang mới' }).click();
    await page.getByLabel('Tiêu đề').fill('Liên hệ');
    await page.getByLabel('Mô tả ngắn').fill('Địa chỉ và điện thoại của Văn phòng');
    await page.getByLabel('Nội dung', { exact: true }).fill('Văn phòng Đảng ủy Khối, số 1 đường Lê Lợi.');
    await page.getByLabel('Nội dung thay đổi').fill('Thêm trang liên hệ');
    await page.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu content\/lien-he\.md/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'content/lien-he.md'), 'utf8'),
      '+++\ntitle = "Liên hệ"\ndescription = "Địa chỉ và điện thoại của Văn phòng"\n+++\nVăn phòng Đảng ủy Khối, số 1 đường Lê Lợi.\n');
    assert.match(git(dir, 'log', '-1', '--format=%an|%s'), /^Nguyễn Thị Lan\|Thêm trang liên hệ/);
    // A page is only ever a file directly in content/.
    const csrf = await page.inputValue('input[name=csrf]');
    const cookie = (await page.context().cookies())[0];
    const r = await fetch(base + '/luu-trang', { method: 'POST', headers: { cookie: `${cookie.name}=${cookie.value}` },
      body: new URLSearchParams({ csrf, tep: 'content/van-ban/1-kh-duk.md', title: 'x', message: 'x' }) });
    assert.strictEqual(r.status, 400);
  }));

test('the list says what has changed since the site was last published', () =>
  withDesk(async ({ browser, base, dir, web }) => {
    const page = await browser.newPage();
    await logIn(page, base);
    assert.match(await page.textContent('.unpublished'), /chưa được công bố lần nào/);
    execFileSync(process.env.CONGBO_BIN, ['publish', '--site', dir, '--to', web, '--quiet']);
    await page.goto(base + '/');
    assert.match(await page.textContent('.unpublished'), /Mọi thay đổi đã được công bố/);
    await page.goto(base + '/sua?tep=content/van-ban/1-kh-duk.md');
    await page.getByLabel('Trích yếu').fill('Kế hoạch đầu năm (sửa)');
    await page.getByLabel('Nội dung thay đổi').fill('Sửa trích yếu');
    await page.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await page.textContent('.unpublished'), /content\/van-ban\/1-kh-duk\.md/);
  }, { publishTo: true }));

test('before saving, a writer sees the document as it will stand on the site, in its official layout', () =>
  withDesk(async ({ browser, base, dir }) => {
    const page = await browser.newPage();
    await logIn(page, base);
    await page.getByRole('link', { name: 'Văn bản mới' }).click();
    await page.getByLabel('Trích yếu').fill('Kế hoạch tổ chức hội nghị sơ kết');
    await page.getByLabel('Số, ký hiệu').fill('2-KH/ĐUK');
    await page.getByLabel('Loại văn bản').selectOption('KH');
    await page.getByLabel('Cơ quan ban hành').selectOption('duk');
    await page.getByLabel('Ngày ban hành').fill('12/03/2024');
    await page.getByLabel('Nội dung', { exact: true }).fill('## Mục đích\n\nNội dung kế hoạch.');
    const [shown] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Xem như trên trang' }).click(),
    ]);
    await shown.waitForLoadState();
    assert.match(await shown.textContent('.doc-party'), /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(await shown.textContent('main'), /Nội dung kế hoạch/);
    // The site's own style sheet, served by the desk.
    const css = await shown.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length).reduce((a, b) => a + b, 0));
    assert.ok(css > 10, 'the site CSS is loaded');
    if (shots) await shown.screenshot({ path: path.join(shots, 'soan-xem-nhu-tren-trang.png') });
    // Nothing was saved.
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'content/van-ban')), ['1-kh-duk.md']);
  }));
