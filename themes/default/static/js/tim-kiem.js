// tim-kiem.js: search on a static host, reading the index congbo writes
// (generator/search_index.cc). Plain JavaScript, no dependencies, no build.
//
// Index format. search/manifest.json: { v, dir, n (documents), b (buckets),
// kinds, issuers, sections, sectionKeys }. Under `dir`, gzip-compressed:
//   s/<bucket>.bin.gz   varint count, then per key: key (varint length + UTF-8),
//                       varint variant count, per variant: exact spelling,
//                       then a posting list: byte 0, varint count, (varint doc
//                       delta, weight byte) pairs; or byte 1, a bitmap of all
//                       documents, then a 0-form list of the postings whose
//                       weight has flags. Weight: bits 0-3 frequency, 0x10 in
//                       the title, 0x20 the document's own number.
//   facets.bin.gz       5 bytes a document: uint16 LE days since 1950-01-01
//                       (0xFFFF unknown), kind, issuer, section (index + 1).
//   d/<id>.json.gz      { t title, u url, n number, d date, k kind, i issuer,
//                       s section, x text }.
// A key is a folded word ("dang"), two adjacent folded words ("dang vien"),
// or a document number ("#51-kh/duk", "#51-kh"); keys go to bucket
// FNV-1a-32(UTF-8 key) mod b.
(function (root) {
  'use strict';

  var TITLE = 0x10, NUMBER = 0x20;

  // ---- Text: must agree with the C++ side (text.cc: fold, split_words). ----
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function lower(s) { return s.normalize('NFC').toLowerCase(); }

  // Words with their folded and exact forms; `joined` when only spaces
  // separate a word from the one before it.
  function words(text) {
    var out = [], re = /[\p{L}\p{M}\p{N}]+/gu, m, last = -1;
    while ((m = re.exec(text))) {
      var gap = last < 0 ? null : text.slice(last, m.index);
      var exact = lower(m[0]);
      out.push({ exact: exact, folded: fold(exact), joined: gap !== null && /^ +$/.test(gap), index: m.index, length: m[0].length });
      last = m.index + m[0].length;
    }
    return out;
  }

  function bucket(key, n) {
    var bytes = new TextEncoder().encode(key), h = 2166136261;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % n;
  }

  // ---- Document numbers in queries: "51-KH/ĐUK", "51 KH ĐUK", "KH 51". ----
  function numberKeys(query) {
    var q = fold(query), keys = [], m;
    var full = /(\d+)\s*[-\/ ]\s*([a-z]+)\s*[\/ ]\s*([a-z][a-z-]*)/g;
    while ((m = full.exec(q))) keys.push({ key: '#' + parseInt(m[1], 10) + '-' + m[2] + '/' + m[3], parts: [m[1], m[2], m[3]] });
    var kindFirst = /\b([a-z]{1,5})\s+(\d+)\b/g;
    while ((m = kindFirst.exec(q))) keys.push({ key: '#' + parseInt(m[2], 10) + '-' + m[1], parts: [m[1], m[2]] });
    var seqKind = /(\d+)\s*[-\/]\s*([a-z]+)\b/g;
    while ((m = seqKind.exec(q))) keys.push({ key: '#' + parseInt(m[1], 10) + '-' + m[2], parts: [m[1], m[2]] });
    return keys;
  }

  // ---- Binary reading. ----
  function Reader(u8) { this.u8 = u8; this.pos = 0; }
  Reader.prototype.varint = function () {
    var v = 0, shift = 0, b;
    do { b = this.u8[this.pos++]; v += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return v;
  };
  Reader.prototype.string = function () {
    var len = this.varint(), s = new TextDecoder().decode(this.u8.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  };
  Reader.prototype.postings = function (n) {
    // Returns a Map doc → weight.
    var kind = this.u8[this.pos++], map = new Map(), count, doc, i;
    if (kind === 1) {
      var bytes = (n + 7) >> 3, base = this.pos;
      for (i = 0; i < bytes; i++) {
        var byte = this.u8[base + i];
        if (!byte) continue;
        for (var bit = 0; bit < 8; bit++) if (byte & (1 << bit)) map.set(i * 8 + bit, 1);
      }
      this.pos += bytes;
    }
    count = this.varint(); doc = 0;
    for (i = 0; i < count; i++) { doc += this.varint(); map.set(doc, this.u8[this.pos++]); }
    return map;
  };

  function parseShard(u8, n) {
    var r = new Reader(u8), terms = new Map(), count = r.varint();
    for (var t = 0; t < count; t++) {
      var key = r.string(), nv = r.varint(), variants = [];
      for (var v = 0; v < nv; v++) variants.push({ exact: r.string(), postings: r.postings(n) });
      terms.set(key, variants);
    }
    return terms;
  }

  async function gunzip(buffer) {
    var u8 = new Uint8Array(buffer);
    if (u8[0] !== 0x1f || u8[1] !== 0x8b) return u8;  // a host already decoded it
    var stream = new Blob([u8]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // ---- The index: shards, facets and documents, each fetched once. ----
  function Index(manifest, fetchBytes) {
    this.m = manifest;
    this.fetchBytes = fetchBytes;  // path (relative to the site root) → Promise<ArrayBuffer>
    this.shards = new Map();
    this.docs = new Map();
    this.facets = null;
  }
  Index.prototype.shard = function (k) {
    var self = this;
    if (!this.shards.has(k)) {
      this.shards.set(k, this.fetchBytes(this.m.dir + 's/' + k + '.bin.gz').then(gunzip).then(function (u8) {
        return parseShard(u8, self.m.n);
      }));
    }
    return this.shards.get(k);
  };
  Index.prototype.term = async function (key) {
    var shard = await this.shard(bucket(key, this.m.b));
    return shard.get(key) || [];
  };
  Index.prototype.facetData = function () {
    if (!this.facets) this.facets = this.fetchBytes(this.m.dir + 'facets.bin.gz').then(gunzip);
    return this.facets;
  };
  Index.prototype.doc = function (id) {
    if (!this.docs.has(id)) {
      this.docs.set(id, this.fetchBytes(this.m.dir + 'd/' + id + '.json.gz').then(gunzip).then(function (u8) {
        return JSON.parse(new TextDecoder().decode(u8));
      }));
    }
    return this.docs.get(id);
  };

  function parseQuery(q) {
    var quoted = [], rest = q.replace(/"([^"]*)"|“([^”]*)”/g, function (_, a, b) { quoted.push(a || b || ''); return ' '; });
    return { words: words(q.replace(/["“”]/g, ' ')), phrases: quoted.map(words).filter(function (p) { return p.length; }),
             numbers: numberKeys(q), free: words(rest) };
  }

  // Ranks documents for `query`. Every word must match (after folding), or
  // be part of a document number in the query. Scores: rarer words weigh
  // more; a title match ×3; the exact spelling (diacritics) ×1.3; syllables
  // standing together as in the query add a pair bonus; a quoted phrase must
  // stand together; the document whose number was asked for comes first.
  Index.prototype.search = async function (query) {
    var q = parseQuery(query), n = this.m.n, self = this;
    if (!q.words.length) return [];
    var numberParts = new Set(), numberHits = new Map();
    var numberLists = await Promise.all(q.numbers.map(function (k) { return self.term(k.key); }));
    q.numbers.forEach(function (k, i) {
      var variants = numberLists[i];
      if (!variants.length) return;
      k.parts.forEach(function (p) { numberParts.add(p); });
      variants.forEach(function (v) {
        v.postings.forEach(function (w, doc) {
          var s = (w & NUMBER) ? 1000 : 50;
          numberHits.set(doc, Math.max(numberHits.get(doc) || 0, s));
        });
      });
    });

    var unique = [], seen = new Set();
    q.words.forEach(function (w) { if (!seen.has(w.folded)) { seen.add(w.folded); unique.push(w); } });
    var lists = await Promise.all(unique.map(function (w) { return self.term(w.folded); }));
    var scores = null;
    for (var i = 0; i < unique.length; i++) {
      var w = unique[i], variants = lists[i], hits = new Map(), df;
      variants.forEach(function (v) {
        v.postings.forEach(function (weight, doc) {
          var h = hits.get(doc) || { tf: 0, flags: 0, exact: false };
          h.tf += weight & 0x0f || 1;
          h.flags |= weight;
          if (v.exact === w.exact) h.exact = true;
          hits.set(doc, h);
        });
      });
      df = hits.size;
      var optional = numberParts.has(w.folded);
      if (!df && !optional) return [];
      var idf = Math.log(1 + n / Math.max(df, 1)), next = new Map();
      hits.forEach(function (h, doc) {
        var s = idf * (1 + Math.log(h.tf)) * ((h.flags & TITLE) ? 3 : 1) * (h.exact ? 1.3 : 1);
        if (scores === null || scores.has(doc)) next.set(doc, (scores ? scores.get(doc) : 0) + s);
      });
      if (optional) {
        // a word of a number: not required, but scores where present
        if (scores === null) { scores = next; continue; }
        scores.forEach(function (s, doc) { if (!next.has(doc)) next.set(doc, s); });
      }
      scores = next;
    }
    if (scores === null) scores = new Map();
    numberHits.forEach(function (s, doc) { scores.set(doc, (scores.get(doc) || 0) + s); });

    // Syllables together: pairs of adjacent query words.
    var pairs = [], phraseKeys = [];
    for (var j = 1; j < q.free.length; j++) if (q.free[j].joined) pairs.push([q.free[j - 1], q.free[j]]);
    q.phrases.forEach(function (p) {
      var keys = [];
      for (var k = 1; k < p.length; k++) { pairs.push([p[k - 1], p[k]]); keys.push(p[k - 1].folded + ' ' + p[k].folded); }
      if (p.length === 1) keys.push(p[0].folded);
      phraseKeys.push({ keys: keys, exact: p.length === 1 ? p[0].exact : null });
    });
    var pairLists = await Promise.all(pairs.map(function (p) { return self.term(p[0].folded + ' ' + p[1].folded); }));
    var pairDocs = new Map();
    pairs.forEach(function (p, i) {
      var key = p[0].folded + ' ' + p[1].folded, exact = p[0].exact + ' ' + p[1].exact, docs = new Set();
      var total = new Set();
      pairLists[i].forEach(function (v) { v.postings.forEach(function (_, doc) { total.add(doc); }); });
      var idf = Math.log(1 + n / Math.max(total.size, 1));
      pairLists[i].forEach(function (v) {
        v.postings.forEach(function (weight, doc) {
          docs.add(doc);
          if (scores.has(doc)) scores.set(doc, scores.get(doc) + idf * 2 * ((weight & TITLE) ? 2 : 1) * (v.exact === exact ? 1.3 : 1));
        });
      });
      pairDocs.set(key, docs);
    });
    // A quoted phrase must stand together (and a quoted word be spelled exactly).
    for (var f = 0; f < phraseKeys.length; f++) {
      var ph = phraseKeys[f];
      if (ph.exact) {
        var exactDocs = new Set();
        (await self.term(ph.keys[0])).forEach(function (v) { if (v.exact === ph.exact) v.postings.forEach(function (_, d) { exactDocs.add(d); }); });
        scores.forEach(function (_, doc) { if (!exactDocs.has(doc)) scores.delete(doc); });
        continue;
      }
      scores.forEach(function (_, doc) {
        if (!ph.keys.every(function (k) { return pairDocs.get(k) && pairDocs.get(k).has(doc); })) scores.delete(doc);
      });
    }
    var ranked = [];
    scores.forEach(function (s, doc) { ranked.push({ doc: doc, score: s }); });
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return ranked;
  };

  // Facets of a document: { day, kind, issuer, section } (indices, 0 = none).
  function facetOf(u8, doc) {
    var o = doc * 5, day = u8[o] | (u8[o + 1] << 8);
    return { day: day === 0xffff ? -1 : day, kind: u8[o + 2], issuer: u8[o + 3], section: u8[o + 4] };
  }
  function yearOf(day) { return day < 0 ? 0 : new Date(Date.UTC(1950, 0, 1) + day * 86400000).getUTCFullYear(); }

  // An excerpt of `text` around the first query word, words marked.
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function excerpt(text, queryWords, size) {
    size = size || 240;
    var wanted = new Set(queryWords.map(function (w) { return w.folded; })), all = words(text), first = -1, best = 0;
    // The window of ~30 words holding the most distinct query words, earliest first.
    for (var i = 0; i < all.length; i++) {
      if (!wanted.has(all[i].folded)) continue;
      var found = new Set();
      for (var j = i; j < all.length && j < i + 30; j++) if (wanted.has(all[j].folded)) found.add(all[j].folded);
      if (found.size > best) { best = found.size; first = i; }
      if (best === wanted.size) break;
    }
    var start = first < 0 ? 0 : Math.max(0, all[first].index - size / 3);
    if (start > 0) { var sp = text.indexOf(' ', start); if (sp > 0 && sp - start < 30) start = sp + 1; }
    var end = Math.min(text.length, start + size);
    var html = '', pos = start;
    all.forEach(function (w) {
      if (w.index < start || w.index + w.length > end || !wanted.has(w.folded)) return;
      html += escapeHtml(text.slice(pos, w.index)) + '<mark>' + escapeHtml(text.slice(w.index, w.index + w.length)) + '</mark>';
      pos = w.index + w.length;
    });
    html += escapeHtml(text.slice(pos, end));
    return (start > 0 ? '… ' : '') + html.replace(/\s+/g, ' ').trim() + (end < text.length ? ' …' : '');
  }

  var core = { fold: fold, words: words, bucket: bucket, numberKeys: numberKeys, parseShard: parseShard,
               gunzip: gunzip, Index: Index, facetOf: facetOf, yearOf: yearOf, excerpt: excerpt };
  if (typeof module !== 'undefined' && module.exports) { module.exports = core; return; }

  // ---- The search page. ----
  var form = document.getElementById('tim-kiem');
  if (!form) return;
  var input = form.elements.q, sort = form.elements.sx, status = document.getElementById('trang-thai');
  var list = document.getElementById('ket-qua'), more = document.getElementById('xem-them');
  var filtersBox = document.querySelector('.search-filters');
  var manifestUrl = form.getAttribute('data-manifest');
  var siteRoot = manifestUrl.replace(/search\/manifest\.json$/, '');
  var PAGE = 10, index = null, lastRanked = [], shown = 0, token = 0;
  var FILTERS = [['loai', 'kinds', 'kind', 'Loại văn bản'], ['co-quan', 'issuers', 'issuer', 'Cơ quan ban hành'],
                 ['nam', null, 'year', 'Năm ban hành'], ['muc', 'sections', 'section', 'Mục']];
  var selected = {};
  form.querySelector('.search-options').hidden = false;

  function fetchBytes(path) {
    return fetch(siteRoot + path).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.arrayBuffer();
    });
  }
  function loadIndex() {
    if (!index) index = fetch(manifestUrl).then(function (r) { return r.json(); }).then(function (m) { return new Index(m, fetchBytes); });
    return index;
  }

  function readUrl() {
    var p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    sort.value = p.get('sx') || '';
    FILTERS.forEach(function (f) { selected[f[0]] = new Set(p.getAll(f[0])); });
  }
  function writeUrl() {
    var p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (sort.value) p.set('sx', sort.value);
    FILTERS.forEach(function (f) { selected[f[0]].forEach(function (v) { p.append(f[0], v); }); });
    var qs = p.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
  }

  function valueOf(facets, doc, f) {
    var x = facetOf(facets, doc);
    return f[2] === 'year' ? String(yearOf(x.day) || '') : String(x[f[2]] || '');
  }
  function labelOf(m, f, v) {
    if (f[2] === 'year') return v ? v : 'Chưa rõ năm';
    return v === '' ? 'Không rõ' : m[f[1]][+v - 1];
  }

  function renderFilters(m, facets, ranked) {
    filtersBox.innerHTML = '';
    FILTERS.forEach(function (f) {
      var counts = new Map();
      ranked.forEach(function (r) {
        var v = valueOf(facets, r.doc, f);
        counts.set(v, (counts.get(v) || 0) + 1);
      });
      if (counts.size < 2 && !selected[f[0]].size) return;
      var fs = document.createElement('fieldset'), legend = document.createElement('legend');
      legend.textContent = f[3];
      fs.appendChild(legend);
      Array.from(counts.keys()).sort(function (a, b) { return f[2] === 'year' ? b.localeCompare(a) : counts.get(b) - counts.get(a); })
        .forEach(function (v) {
          var label = document.createElement('label'), box = document.createElement('input');
          box.type = 'checkbox'; box.name = f[0]; box.value = v; box.checked = selected[f[0]].has(v);
          box.addEventListener('change', function () {
            if (box.checked) selected[f[0]].add(v); else selected[f[0]].delete(v);
            run();
          });
          var count = document.createElement('span');
          count.className = 'count'; count.textContent = '(' + counts.get(v) + ')';
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + labelOf(m, f, v)));
          label.appendChild(count);
          fs.appendChild(label);
        });
      filtersBox.appendChild(fs);
    });
    filtersBox.hidden = !filtersBox.children.length;
  }

  async function showMore(idx, queryWords, mine) {
    var slice = lastRanked.slice(shown, shown + PAGE);
    shown += slice.length;
    var docs = await Promise.all(slice.map(function (r) { return idx.doc(r.doc); }));
    if (mine !== token) return;
    docs.forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'item';
      var meta = [d.k, d.i, d.d || 'Chưa rõ ngày'].filter(Boolean).map(escapeHtml).join(' · ');
      li.innerHTML = '<a class="item-title" href="' + escapeHtml(d.u) + '">' + (d.n ? '<span class="item-number">' + escapeHtml(d.n) + '</span> ' : '') +
        escapeHtml(d.t) + '</a><p class="item-meta">' + meta + (d.s && !d.k ? escapeHtml(d.s) : '') + '</p>' +
        '<p class="item-summary">' + excerpt(d.x, queryWords) + '</p>';
      list.appendChild(li);
    });
    more.hidden = shown >= lastRanked.length;
  }

  async function run() {
    var mine = ++token, q = input.value.trim();
    writeUrl();
    if (!q) { list.innerHTML = ''; status.textContent = ''; filtersBox.hidden = true; more.hidden = true; return; }
    status.textContent = 'Đang tìm…';
    var idx = await loadIndex();
    var results = await Promise.all([idx.search(q), idx.facetData()]);
    if (mine !== token) return;
    var ranked = results[0], facets = results[1];
    renderFilters(idx.m, facets, ranked);
    var filtered = ranked.filter(function (r) {
      return FILTERS.every(function (f) { return !selected[f[0]].size || selected[f[0]].has(valueOf(facets, r.doc, f)); });
    });
    if (sort.value) {
      var dir = sort.value === 'cu' ? 1 : -1;
      filtered.sort(function (a, b) {
        var da = facetOf(facets, a.doc).day, db = facetOf(facets, b.doc).day;
        if ((da < 0) !== (db < 0)) return da < 0 ? 1 : -1;  // undated last
        return dir * (da - db) || b.score - a.score;
      });
    }
    lastRanked = filtered;
    shown = 0;
    list.innerHTML = '';
    await showMore(idx, words(q.replace(/["“”]/g, ' ')), mine);
    if (mine !== token) return;
    // The status is announced once the results it describes are on the page.
    status.textContent = filtered.length ? 'Có ' + filtered.length + ' kết quả cho “' + q + '”.' : 'Không có kết quả nào cho “' + q + '”.';
  }

  var timer = 0;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  sort.addEventListener('change', run);
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener('click', function () { loadIndex().then(function (idx) { showMore(idx, words(input.value), token); }); });
  readUrl();
  if (input.value) run();
})(this);
