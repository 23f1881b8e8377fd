// bench/search-quality.js: what the search finds, measured on a built site
// under node with the browser's own code (themes/default/static/js/tim-kiem.js):
//  - quoted phrases: how many documents a phrase query returns, against the
//    documents whose title or text hold the phrase (words in one run, any
//    punctuation or markup between them, folded), read from the Markdown;
//  - numbers written in other ways: the rank of the numbered document;
//  - queries typed without an IME: the suggestion offered;
//  - with a query file (bench/search-queries), the first ten results of each
//    query that show no matched word marked (title, number, facts, excerpt).
// usage: node bench/search-quality.js SITE_DIR PUBLIC_DIR [QUERY_FILE]
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const zlib = require('node:zlib');
const core = require(path.join(__dirname, '..', 'themes', 'default', 'static', 'js', 'tim-kiem.js'));

const PHRASES = ['"trong sạch, vững mạnh"', '"tư tưởng chính trị"', '"đường lối đổi mới"', '"chi bộ"', '"học tập và làm theo"',
  '"tổ chức cơ sở đảng"', '"cán bộ, đảng viên"', '"thi đua yêu nước"', '"kiểm tra, giám sát"', '"dang vien"',
  '"xây dựng Đảng"', '"Hồ Chí Minh"'];
const NUMBERS = [['Kế hoạch số 4706', '4706-KH/'], ['ke hoach so 51', '51-KH/'], ['chuong trinh so 123', '123-CTr/'],
  ['123CTr/ĐUK', '123-CTr/ĐUK'], ['123-ctr-duk', '123-CTr/ĐUK'], ['Nghị quyết 12', '12-NQ/'], ['chỉ thị số 7', '7-CT/']];
const TYPED = ['dangr vieen', 'caan booj', 'tuw tuowngr', 'dang3 vie6n', 'thi dau', 'chi boo'];

function frontAndBody(text) {
  const m = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(text);
  if (!m) return { title: '', body: text };
  const t = /^title = "((?:[^"\\]|\\.)*)"/m.exec(m[1]);
  return { title: t ? JSON.parse('"' + t[1] + '"') : '', body: m[2] };
}

(async () => {
  const [site, out] = process.argv.slice(2);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'search', 'manifest.json'), 'utf8'));
  let bytes = 0;
  const index = new core.Index(manifest, (p) => { const b = fs.readFileSync(path.join(out, p)); bytes += b.length; return Promise.resolve(b); });
  const byUrl = new Map();
  for (let id = 0; id < manifest.n; id++) {
    const d = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(out, manifest.dir, 'd', id + '.json.gz'))));
    byUrl.set(d.u.replace(/^https?:\/\/[^/]+/, ''), { id, number: d.n });
  }
  const dir = path.join(site, 'content', 'van-ban');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== '_index.md').map((f) => {
    const { title, body } = frontAndBody(fs.readFileSync(path.join(dir, f), 'utf8'));
    const words = core.words(title + '\n' + body.replace(/\[\^\d+\]/g, '')).map((w) => w.folded).join(' ');
    return { url: '/van-ban/' + f.replace(/\.md$/, '') + '/', words: ' ' + words + ' ' };
  });
  console.log('quoted phrases (returned / holding the phrase; wrong; missed):');
  for (const q of PHRASES) {
    const want = ' ' + core.words(q.replace(/["“”]/g, '')).map((w) => w.folded).join(' ') + ' ';
    const truth = new Set(texts.filter((t) => t.words.includes(want)).map((t) => byUrl.get(t.url) && byUrl.get(t.url).id));
    const found = (await index.search(q)).map((r) => r.doc);
    const wrong = found.filter((d) => !truth.has(d)).length, missed = [...truth].filter((d) => !found.includes(d)).length;
    console.log(`  ${q.padEnd(26)} ${String(found.length).padStart(5)} / ${String(truth.size).padStart(5)}; wrong ${wrong}, missed ${missed}`);
  }
  console.log('numbers (rank of the document with that number, of how many):');
  for (const [q, prefix] of NUMBERS) {
    const ranked = await index.search(q);
    const numbers = await Promise.all(ranked.slice(0, 20).map(async (r) => (await index.doc(r.doc)).n));
    const at = numbers.findIndex((n) => n && n.startsWith(prefix));
    console.log(`  ${q.padEnd(26)} ${at < 0 ? 'not in the first 20' : 'rank ' + (at + 1)} of ${ranked.length}`);
  }
  if (core.suggest) {
    console.log('typed without an IME (results, suggestion):');
    for (const q of TYPED) {
      const ranked = await index.search(q);
      const s = await core.suggest(index, q);
      console.log(`  ${q.padEnd(26)} ${String(ranked.length).padStart(5)}  ${s ? '→ ' + s : '(none)'}`);
    }
  }
  if (process.argv[4]) {
    const queries = fs.readFileSync(process.argv[4], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    let shown = 0, unmarked = 0;
    const examples = [];
    for (const q of queries) {
      const qw = core.words(core.limitQuery(q).replace(/["“”]/g, ' '));
      for (const r of (await index.search(q)).slice(0, 10)) {
        const d = await index.doc(r.doc);
        const html = core.marked(d.t, qw) + (d.n ? core.numberHtml(d.n, qw) : '') + (d.f ? core.marked(d.f, qw) : '') + (d.x ? core.excerpt(d.x, qw) : '');
        shown++;
        if (!html.includes('<mark>')) { unmarked++; if (examples.length < 5) examples.push(`${q} → ${d.u}`); }
      }
    }
    console.log(`results with no matched word marked: ${unmarked} of ${shown} (${queries.length} queries)${examples.length ? '; e.g. ' + examples.join(', ') : ''}`);
  }
})();
