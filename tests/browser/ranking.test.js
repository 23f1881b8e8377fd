// Ranking, on small hand-made corpora built by congbo and read with the same
// code the browser runs (themes/default/static/js/tim-kiem.js), under node.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const core = require('../../themes/default/static/js/tim-kiem.js');

const CONFIG = 'title = "Thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
  '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\n';

// Builds a site of `docs` ({ file, title, number?, body }) and opens its index.
async function corpus(docs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-rank-'));
  fs.writeFileSync(path.join(dir, 'site.toml'), CONFIG);
  fs.mkdirSync(path.join(dir, 'content', 'van-ban'), { recursive: true });
  for (const d of docs) {
    const front = `+++\ntitle = "${d.title}"\n${d.number ? `number = "${d.number}"\n` : ''}${d.date ? `date = ${d.date}\n` : ''}kind = "KH"\nissuer = "duk"\n+++\n`;
    fs.writeFileSync(path.join(dir, 'content', 'van-ban', d.file + '.md'), front + d.body + '\n');
  }
  execFileSync(process.env.CONGBO_BIN, ['build', '--quiet', '--site', dir], { stdio: 'ignore' });
  const out = path.join(dir, 'public');
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'search', 'manifest.json'), 'utf8'));
  const index = new core.Index(manifest, (p) => Promise.resolve(fs.readFileSync(path.join(out, p))));
  index.titles = async (ranked) => Promise.all(ranked.map(async (r) => (await index.doc(r.doc)).t));
  return index;
}

test('syllables standing together rank above the same syllables apart', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Chi đoàn và các bộ phận văn phòng họp định kỳ.' },
    { file: 'b', title: 'Văn bản B', body: 'Chi bộ sinh hoạt định kỳ hằng tháng.' },
  ]);
  assert.deepStrictEqual(await idx.titles(await idx.search('chi bộ')), ['Văn bản B', 'Văn bản A']);
  assert.deepStrictEqual(await idx.titles(await idx.search('chi bo')), ['Văn bản B', 'Văn bản A']);
  // quoted: only where they stand together
  assert.deepStrictEqual(await idx.titles(await idx.search('"chi bộ"')), ['Văn bản B']);
});

test('a match that agrees on the diacritics ranks above one that agrees only when folded', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Dương cầm và phong trào văn nghệ.' },
    { file: 'b', title: 'Văn bản B', body: 'Con đường đổi mới và phong trào.' },
  ]);
  assert.deepStrictEqual(await idx.titles(await idx.search('đường')), ['Văn bản B', 'Văn bản A']);
  assert.deepStrictEqual(await idx.titles(await idx.search('dương')), ['Văn bản A', 'Văn bản B']);
  // without diacritics both are found
  assert.strictEqual((await idx.search('duong')).length, 2);
});

test('a document number, however it is written, finds that document first', async () => {
  const idx = await corpus([
    { file: 'trich-dan', title: 'Văn bản trích dẫn', body: 'Thực hiện Kế hoạch số 51-KH/ĐUK. Kế hoạch 51-KH/ĐUK và 51-KH/ĐUK nhắc nhiều lần.' },
    { file: 'k51', title: 'Thi đua', number: '51-KH/ĐUK', body: 'Nội dung thi đua.' },
    { file: 'k05', title: 'Công tác tư tưởng', number: '05 -KH/ĐUK', body: 'Nội dung tư tưởng, có số 51 trong bài.' },
  ]);
  for (const q of ['51-KH/ĐUK', '51/KH/ĐUK', '51 KH ĐUK', '51-kh/duk', 'KH 51', 'Số 51-KH/ĐUK']) {
    const titles = await idx.titles(await idx.search(q));
    assert.strictEqual(titles[0], 'Thi đua', `query ${q}: ${titles.join(' | ')}`);
  }
  assert.strictEqual((await idx.titles(await idx.search('05 KH DUK')))[0], 'Công tác tư tưởng');
});

test('kind, issuer and year are searchable words', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Nội dung.', date: '2020-10-21' },
    { file: 'b', title: 'Văn bản B', body: 'Nội dung.', date: '2019-01-02' },
  ]);
  assert.deepStrictEqual(await idx.titles(await idx.search('kế hoạch 2020')), ['Văn bản A']);
  assert.strictEqual((await idx.search('đảng ủy khối')).length, 2);
});

test('title matches weigh more than body matches', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Nội dung có nói đến kiểm tra giám sát.' },
    { file: 'b', title: 'Kế hoạch kiểm tra', body: 'Nội dung khác.' },
  ]);
  assert.deepStrictEqual(await idx.titles(await idx.search('kiểm tra')), ['Kế hoạch kiểm tra', 'Văn bản A']);
});

test('excerpts mark the matched words, found with or without diacritics', () => {
  const words = core.words('dang vien');
  const html = core.excerpt('Quán triệt cho cán bộ, đảng viên và người lao động <b>.', words);
  assert.ok(html.includes('<mark>đảng</mark> <mark>viên</mark>'), html);
  assert.ok(html.includes('&lt;b&gt;'), 'text is escaped');
});

test('a quoted phrase returns exactly the documents holding it in one run, punctuation inside or not', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Xây dựng tổ chức đảng trong sạch, vững mạnh toàn diện.' },
    { file: 'b', title: 'Văn bản B', body: 'Đời sống trong sạch. Ở nơi khác: vững mạnh và đoàn kết.' },
    { file: 'c', title: 'Văn bản C', body: 'Công tác tư tưởng chính trị được chú trọng.' },
    // every adjacent pair of the phrase is here, but never the three words in one run
    { file: 'd', title: 'Văn bản D', body: 'Tư tưởng mới. Chính trị học và tư tưởng Hồ Chí Minh, tưởng chính là thế.' },
    { file: 'e', title: 'Văn bản E', body: 'Trong sạch vững mạnh, không có dấu phẩy.' },
  ]);
  assert.deepStrictEqual((await idx.titles(await idx.search('"trong sạch, vững mạnh"'))).sort(), ['Văn bản A', 'Văn bản E']);
  assert.deepStrictEqual(await idx.titles(await idx.search('"tư tưởng chính trị"')), ['Văn bản C']);
  assert.deepStrictEqual(await idx.titles(await idx.search('"tu tuong chinh tri"')), ['Văn bản C'], 'without diacritics too');
  // unquoted, the words anywhere still find both
  assert.strictEqual((await idx.search('tư tưởng chính trị')).length, 2);
});

test('a phrase quoted with diacritics is spelled as quoted; without them, any spelling', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Con đường đổi mới.' },
    { file: 'b', title: 'Văn bản B', body: 'Con dương đổi mới.' },
  ]);
  assert.deepStrictEqual(await idx.titles(await idx.search('"đường đổi mới"')), ['Văn bản A']);
  assert.deepStrictEqual(await idx.titles(await idx.search('"đường"')), ['Văn bản A']);
  assert.strictEqual((await idx.search('"duong doi moi"')).length, 2);
});

test('the old and new placement of a tone mark are one spelling', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Văn bản A', body: 'Công tác văn hoá và thuỷ lợi.' },
    { file: 'b', title: 'Văn bản B', body: 'Công tác văn họa và thủy lợi.' },
  ]);
  // "hóa" (new placement) is "hoá" (old): it ranks first, above "họa"
  assert.deepStrictEqual(await idx.titles(await idx.search('văn hóa')), ['Văn bản A', 'Văn bản B']);
  assert.deepStrictEqual(await idx.titles(await idx.search('"văn hóa"')), ['Văn bản A']);
  assert.deepStrictEqual(await idx.titles(await idx.search('"thủy lợi"')), ['Văn bản A', 'Văn bản B']);
  assert.strictEqual(core.words('Hoá thuỷ quý hoàng')[0].exact, 'hóa');
  assert.deepStrictEqual(core.words('Hoá thuỷ quý hoàng').map((w) => w.exact), ['hóa', 'thủy', 'quý', 'hoàng']);
});

test('a number written with its kind, without separators or as an address finds that document first', async () => {
  const idx = await corpus([
    { file: 'cite1', title: 'Văn bản trích dẫn một', body: 'Thực hiện Kế hoạch số 4706-KH/ĐUK và kế hoạch số 4706.' },
    { file: 'cite2', title: 'Văn bản trích dẫn hai', body: 'Theo Kế hoạch số 4706-KH/ĐUK của Đảng ủy Khối, kế hoạch này.' },
    { file: 'k4706', title: 'Thi đua', number: '4706-KH/ĐUK', body: 'Nội dung thi đua.' },
    { file: 'other', title: 'Khác', number: '12-KH/ĐUK', body: 'Nội dung khác.' },
  ]);
  for (const q of ['Kế hoạch số 4706', 'ke hoach so 4706', 'kế hoạch 4706', '4706KH/ĐUK', '4706-kh-duk', '4706 kh duk']) {
    const titles = await idx.titles(await idx.search(q));
    assert.strictEqual(titles[0], 'Thi đua', `query ${q}: ${titles.join(' | ')}`);
  }
  // an address-like number finds the document and those citing it, not every document
  assert.ok((await idx.search('4706-kh-duk')).length <= 3);
});

test('words typed with Telex or VNI left over, or a slipped key, get a suggestion spelled as the documents spell it', async () => {
  const idx = await corpus([
    { file: 'a', title: 'Kết nạp đảng viên mới', body: 'Công tác phát triển đảng viên trong chi bộ.' },
    { file: 'b', title: 'Sinh hoạt chi bộ', body: 'Nâng cao chất lượng sinh hoạt chi bộ và đảng viên.' },
  ]);
  for (const [typed, want] of [['dangr vieen', 'đảng viên'], ['dang3 vie6n', 'đảng viên'], ['chi boo', 'chi bộ'], ['sinh hoatj', 'sinh hoạt']]) {
    assert.strictEqual(await core.suggest(idx, typed), want, typed);
  }
  // a query that already finds what it asks for is not second-guessed
  assert.strictEqual(await core.suggest(idx, 'đảng viên'), null);
  // nothing near enough: no suggestion rather than a wild one
  assert.strictEqual(await core.suggest(idx, 'xyzzyq'), null);
});

test('a pasted paragraph is read up to its 10th word, so it cannot fetch the whole index', async () => {
  const long = 'một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba mười bốn';
  const kept = core.limitQuery(long);
  assert.strictEqual(core.words(kept).length, 10);
  assert.ok(long.startsWith(kept));
  assert.strictEqual(core.limitQuery('đảng viên'), 'đảng viên');
  assert.ok(core.limitQuery('a'.repeat(5000)).length <= 200);
  const idx = await corpus([{ file: 'a', title: 'Một', body: 'một hai ba bốn năm sáu bảy tám chín mười mười một mười hai' }]);
  let fetched = 0;
  const fetchBytes = idx.fetchBytes;
  idx.fetchBytes = (p) => { fetched++; return fetchBytes(p); };
  assert.strictEqual((await idx.search(long + ' ' + 'chữ khác '.repeat(200))).length, 1);
  assert.ok(fetched <= 25, `${fetched} files fetched`);
});

test('an excerpt is taken where the query words stand together, and every result shows a word it matched', () => {
  const q = core.words('đảng viên');
  // both words near each other early on, side by side only later
  const text = 'Viên chức và Đảng bộ cùng làm. ' + 'nội dung khác. '.repeat(40) +
    'Phát triển đảng viên mới trong năm. ' + 'phần cuối. '.repeat(40);
  const html = core.excerpt(text, q);
  assert.match(html, /<mark>đảng<\/mark> <mark>viên<\/mark> mới/);
  // a title match is marked in the title; a number typed with no separator marks the number
  assert.strictEqual(core.marked('Kết nạp đảng viên', q), 'Kết nạp <mark>đảng</mark> <mark>viên</mark>');
  assert.strictEqual(core.numberHtml('155-HD/ĐUK', core.words('155HD/ĐUK')), '<mark>155-HD/ĐUK</mark>');
  assert.strictEqual(core.numberHtml('155-HD/ĐUK', core.words('hướng dẫn số 155')), '<mark>155-HD/ĐUK</mark>');
  assert.strictEqual(core.numberHtml('155-HD/ĐUK', core.words('15 HD')), '155-HD/ĐUK');
});

test('a query typed with diacritics marks the words spelled as typed, and any spelling where the text has no other', () => {
  const q = core.words('chi bộ');
  assert.strictEqual(core.marked('Tiêu chí của chi bộ', q), 'Tiêu chí của <mark>chi</mark> <mark>bộ</mark>');
  assert.strictEqual(core.marked('Tiêu chí bộ', q), 'Tiêu <mark>chí</mark> <mark>bộ</mark>');
  // typed without diacritics: every spelling
  assert.strictEqual(core.marked('Tiêu chí của chi bộ', core.words('chi bo')), 'Tiêu <mark>chí</mark> của <mark>chi</mark> <mark>bộ</mark>');
});

test('a number with other words finds the documents with or citing that number, not every document with the other words', async () => {
  const idx = await corpus([
    { file: 'own', title: 'Thi đua', number: '51-KH/ĐUK', body: 'Ban hành ngày 21 tháng 10.' },
    { file: 'cite', title: 'Văn bản trích dẫn', body: 'Căn cứ Kế hoạch số 51-KH/ĐUK, ngày 21 tháng 10.' },
    { file: 'other', title: 'Khác', number: '51-KH/TU', body: 'Ban hành ngày 3 tháng 5.' },
    { file: 'plain', title: 'Không liên quan', body: 'Họp ngày 2 tháng 9.' },
  ]);
  // (another issuer's 51-KH may follow: the issuer typed could be the wrong one)
  const found = await idx.titles(await idx.search('51-KH/ĐUK ngày'));
  assert.deepStrictEqual(found.slice(0, 2), ['Thi đua', 'Văn bản trích dẫn']);
  assert.ok(!found.includes('Không liên quan'), found.join(' | '));
  // the number in full with its issuer: a citation of it ranks above another issuer's 51-KH
  const titles = await idx.titles(await idx.search('51-KH/ĐUK'));
  assert.deepStrictEqual(titles.slice(0, 2), ['Thi đua', 'Văn bản trích dẫn']);
});
