// tim-kiem.js: search on a static host, reading the index congbo writes
// (generator/search_index.cc). Plain JavaScript, no dependencies, no build.
//
// Index format. search/manifest.json: { v, dir, n (documents), b (buckets),
// pb (position buckets), kinds, kindKeys (each kind's abbreviation), issuers,
// sections, sectionKeys, statuses }. Under `dir`, gzip-compressed:
//   s/<bucket>.bin.gz   varint count, then per key: key (varint length + UTF-8),
//                       varint variant count, per variant: exact spelling,
//                       then a posting list: byte 0, varint count, (varint doc
//                       delta, weight byte) pairs; or byte 1, a bitmap of all
//                       documents, then a 0-form list of the postings whose
//                       weight has flags. Weight: bits 0-3 frequency, 0x10 in
//                       the title, 0x20 the document's own number.
//   p/<bucket>.bin.gz   where adjacent words stand, read only for a quoted
//                       phrase: varint count, then per pair key (sorted): key,
//                       varint byte length, then per document: varint doc
//                       delta, first word position + 1, further positions as
//                       deltas, 0. Keys go to bucket FNV-1a-32 mod pb.
//   facets.bin.gz       5 columns of n bytes: year (since 1950, + 1; 0 unknown),
//                       kind, issuer, section, status (on the build's day:
//                       index into its list + 1; 0 none).
//   days.bin.gz         n uint16 LE days since 1950-01-01 (0xFFFF unknown),
//                       fetched only to sort by date.
//   words.txt.gz        the folded words made of letters, one a line, the
//                       most common first: the vocabulary suggestions use.
//   d/<id>.json.gz      { t title, u url, n number, d date, k kind, i issuer,
//                       s section, f facts (records), x text, g the text of
//                       its original (a PDF or Word attachment), when any }.
// A key is a folded word ("dang"), two adjacent folded words ("dang vien"),
// or a document number ("#51-kh/duk", "#51-kh"); keys go to bucket
// FNV-1a-32(UTF-8 key) mod b.
(function (root) {
  'use strict';

  var TITLE = 0x10, NUMBER = 0x20, FORMAT = 3;  // FORMAT: the manifest's v this script reads

  // ---- Text: must agree with the C++ side (text.cc: fold, split_words). ----
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function lower(s) { return oneTonePlacement(s.normalize('NFC').toLowerCase()); }
  // "hoá" and "hóa", "thuỷ" and "thủy" are one spelling: the tone mark of an
  // open "oa", "oe", "uy" goes on the first vowel (text.cc: one_tone_placement).
  var TONE_MOVES = { 'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa', 'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
                     'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy' };
  function oneTonePlacement(s) {
    return s.replace(/(^|[^q])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, function (_, before, pair) { return before + TONE_MOVES[pair]; });
  }

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

  // ---- Document numbers in queries: "51-KH/ĐUK", "51 KH ĐUK", "51KH/ĐUK",
  // "51-kh-duk" (an address), "KH 51", "Kế hoạch số 51" (the kind's name,
  // or its first words, from the manifest's kinds). Each key comes with the
  // query's words that belong to it (`parts`), which need not match as words.
  function numberKeys(query, manifest) {
    var q = fold(query), keys = [], m;
    var full = /(\d+)\s*[-\/ ]?\s*([a-z]+)\s*[-\/ ]\s*([a-z][a-z]*)/g;
    while ((m = full.exec(q))) keys.push({ key: '#' + parseInt(m[1], 10) + '-' + m[2] + '/' + m[3], parts: [m[1], m[2], m[3]], span: m[0] });
    var kindFirst = /\b([a-z]{1,5})\s+(?:so\s+)?(\d+)\b/g;
    while ((m = kindFirst.exec(q))) keys.push({ key: '#' + parseInt(m[2], 10) + '-' + m[1], parts: [m[1], m[2]] });
    var seqKind = /(\d+)\s*[-\/]?\s*([a-z]+)\b/g;
    while ((m = seqKind.exec(q))) keys.push({ key: '#' + parseInt(m[1], 10) + '-' + m[2], parts: [m[1], m[2]] });
    var kinds = (manifest && manifest.kinds) || [], abbrs = (manifest && manifest.kindKeys) || [];
    kinds.forEach(function (name, i) {
      if (!abbrs[i]) return;
      var ws = fold(name).split(/\s+/);
      // The whole name, or its first two words or more ("chương trình" for
      // "Chương trình hành động"), then "số" or not, then the number.
      for (var len = ws.length; len >= Math.min(2, ws.length); len--) {
        var named = new RegExp('(?:^|[^\\p{L}\\p{N}])' + ws.slice(0, len).join('\\s+') + '\\s+(?:so\\s+)?(\\d+)\\b', 'gu');
        var found = false;
        while ((m = named.exec(q))) {
          found = true;
          keys.push({ key: '#' + parseInt(m[1], 10) + '-' + abbrs[i], parts: ws.slice(0, len).concat([m[1], 'so']) });
        }
        if (found) break;
      }
    });
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
  Reader.prototype.skipPostings = function (n) {
    if (this.u8[this.pos++] === 1) this.pos += (n + 7) >> 3;
    var count = this.varint();
    for (var i = 0; i < count; i++) { this.varint(); this.pos++; }
  };
  // A posting list as parallel arrays { docs, weights }, ascending by document.
  Reader.prototype.postings = function (n) {
    var kind = this.u8[this.pos++], docs = [], weights = [], i;
    var flagged = null;
    if (kind === 1) {
      var bytes = (n + 7) >> 3, base = this.pos;
      for (i = 0; i < bytes; i++) {
        var byte = this.u8[base + i];
        if (!byte) continue;
        for (var bit = 0; bit < 8; bit++) if (byte & (1 << bit)) { docs.push(i * 8 + bit); weights.push(1); }
      }
      this.pos += bytes;
      flagged = new Map();
    }
    var count = this.varint(), doc = 0;
    for (i = 0; i < count; i++) {
      doc += this.varint();
      var w = this.u8[this.pos++];
      if (flagged) flagged.set(doc, w); else { docs.push(doc); weights.push(w); }
    }
    if (flagged && flagged.size) for (i = 0; i < docs.length; i++) if (flagged.has(docs[i])) weights[i] = flagged.get(docs[i]);
    return { docs: docs, weights: weights };
  };

  // Reads a shard's keys; a key's posting lists are decoded when asked for.
  function parseShard(u8, n) {
    var r = new Reader(u8), offsets = new Map(), count = r.varint();
    for (var t = 0; t < count; t++) {
      var key = r.string();
      offsets.set(key, r.pos);
      var nv = r.varint();
      for (var v = 0; v < nv; v++) { r.string(); r.skipPostings(n); }
    }
    var decoded = new Map();
    return {
      get: function (key) {
        if (decoded.has(key)) return decoded.get(key);
        if (!offsets.has(key)) return undefined;
        var rr = new Reader(u8), variants = [];
        rr.pos = offsets.get(key);
        var nv = rr.varint();
        for (var v = 0; v < nv; v++) {
          var exact = rr.string(), p = rr.postings(n);
          variants.push({ exact: exact, docs: p.docs, weights: p.weights });
        }
        decoded.set(key, variants);
        return variants;
      },
    };
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
  Index.prototype.dayData = function () {
    if (!this.days) this.days = this.fetchBytes(this.m.dir + 'days.bin.gz').then(gunzip);
    return this.days;
  };
  Index.prototype.doc = function (id) {
    if (!this.docs.has(id)) {
      this.docs.set(id, this.fetchBytes(this.m.dir + 'd/' + id + '.json.gz').then(gunzip).then(function (u8) {
        return JSON.parse(new TextDecoder().decode(u8));
      }));
    }
    return this.docs.get(id);
  };

  // A query is read up to its 10th word and 200 characters: a pasted
  // paragraph would otherwise fetch a shard for every word and pair in it.
  var MAX_WORDS = 10, MAX_CHARS = 200;
  function limitQuery(q) {
    var text = q.slice(0, MAX_CHARS), ws = words(text);
    return ws.length > MAX_WORDS ? text.slice(0, ws[MAX_WORDS - 1].index + ws[MAX_WORDS - 1].length) : text;
  }

  function parseQuery(q, manifest) {
    var quoted = [], rest = q.replace(/"([^"]*)"|“([^”]*)”/g, function (_, a, b) { quoted.push(a || b || ''); return ' '; });
    return { words: words(q.replace(/["“”]/g, ' ')), phrases: quoted.map(words).filter(function (p) { return p.length; }),
             numbers: numberKeys(q, manifest), free: words(rest) };
  }

  // Where a pair of adjacent words stands in each document ("dang vien" →
  // Map doc → positions), for the documents in `wanted` (Uint8Array).
  Index.prototype.positions = async function (key, wanted) {
    var self = this, k = bucket(key, this.m.pb);
    if (!this.positionShards) this.positionShards = new Map();
    if (!this.positionShards.has(k)) {
      this.positionShards.set(k, this.fetchBytes(this.m.dir + 'p/' + k + '.bin.gz').then(gunzip).then(function (u8) {
        var r = new Reader(u8), at = new Map(), count = r.varint();
        for (var t = 0; t < count; t++) { var name = r.string(), len = r.varint(); at.set(name, [r.pos, len]); r.pos += len; }
        return { u8: u8, at: at };
      }));
    }
    var shard = await this.positionShards.get(k), where = shard.at.get(key), out = new Map();
    if (!where) return out;
    var r = new Reader(shard.u8), end = where[0] + where[1], doc = 0;
    r.pos = where[0];
    while (r.pos < end) {
      doc += r.varint();
      var pos = r.varint() - 1, list = wanted[doc] ? [pos] : null, step;
      while ((step = r.varint())) { pos += step; if (list) list.push(pos); }
      if (list) out.set(doc, list);
    }
    return out;
  };

  // The documents of `alive` in which the words of `phrase` stand in one run
  // (punctuation between them allowed): each pair of neighbours at
  // consecutive positions.
  Index.prototype.phraseRun = async function (phrase, alive) {
    var keys = [];
    for (var i = 1; i < phrase.length; i++) keys.push(phrase[i - 1].folded + ' ' + phrase[i].folded);
    var self = this, lists = await Promise.all(keys.map(function (k) { return self.positions(k, alive); }));
    var keep = new Uint8Array(alive.length);
    lists[0].forEach(function (starts, d) {
      var sets = lists.slice(1).map(function (l) { return l.has(d) ? new Set(l.get(d)) : null; });
      if (sets.some(function (x) { return !x; })) return;
      keep[d] = starts.some(function (p) { return sets.every(function (set, j) { return set.has(p + j + 1); }); }) ? 1 : 0;
    });
    return keep;
  };

  // Ranks documents for `query`. Every word must match (after folding), or
  // be part of a document number in the query. Scores: rarer words weigh
  // more; a title match ×3; the exact spelling (diacritics) ×1.3; syllables
  // standing together as in the query add a pair bonus; a quoted phrase must
  // stand together; the document whose number was asked for comes first.
  // Documents are dense ids, so scores live in typed arrays, not maps.
  Index.prototype.search = async function (query) {
    var self = this, q = parseQuery(limitQuery(query), this.m), n = this.m.n;
    if (!q.words.length) return [];
    // Every key the query needs is known now: fetch all their shards at once.
    var keys = q.numbers.map(function (k) { return k.key; }).concat(q.words.map(function (w) { return w.folded; }));
    for (var a = 1; a < q.free.length; a++) if (q.free[a].joined) keys.push(q.free[a - 1].folded + ' ' + q.free[a].folded);
    q.phrases.forEach(function (p) { for (var b = 1; b < p.length; b++) keys.push(p[b - 1].folded + ' ' + p[b].folded); });
    await Promise.all(keys.map(function (k) { return self.shard(bucket(k, self.m.b)); }));
    var score = new Float64Array(n), matched = new Uint8Array(n), required = 0;
    var byNumber = new Uint8Array(n), optionalMatched = new Uint8Array(n), optionals = 0;
    var numberParts = new Set(), numberSpans = [], numbersFound = 0;
    var numberLists = await Promise.all(q.numbers.map(function (k) { return self.term(k.key); }));
    q.numbers.forEach(function (k, i) {
      if (!numberLists[i].length) return;
      numbersFound++;
      k.parts.forEach(function (p) { numberParts.add(p); });
      if (k.span) numberSpans.push(k.span);
      numberParts.add('so');  // "Số 51-KH/ĐUK": the word "số" belongs to the number
      numberLists[i].forEach(function (v) {
        for (var j = 0; j < v.docs.length; j++) {
          // Its own number in full; a citation of the number in full (the
          // issuer typed: "05-CT/TW" cited ranks above 05-CT/ĐUK's own page);
          // its own number without the issuer; a citation of that.
          var own = v.weights[j] & NUMBER, s = k.span ? (own ? 2000 : 1500) : (own ? 1000 : 50), d = v.docs[j];
          if (s > score[d]) score[d] = s;  // one number bonus per document
          byNumber[d] = 1;
        }
      });
    });

    var unique = [], seen = new Set();
    q.words.forEach(function (w) { if (!seen.has(w.folded)) { seen.add(w.folded); unique.push(w); } });
    var lists = await Promise.all(unique.map(function (w) { return self.term(w.folded); }));
    var tf = new Uint16Array(n), flags = new Uint8Array(n), exact = new Uint8Array(n);
    for (var i = 0; i < unique.length; i++) {
      var w = unique[i], touched = [];
      lists[i].forEach(function (v) {
        var same = v.exact === w.exact;
        for (var j = 0; j < v.docs.length; j++) {
          var d = v.docs[j], wt = v.weights[j];
          if (!tf[d]) touched.push(d);
          tf[d] += (wt & 0x0f) || 1;
          flags[d] |= wt;
          if (same) exact[d] = 1;
        }
      });
      // "123CTr" in "123CTr/ĐUK" is one word but part of the number.
      var optional = numberParts.has(w.folded) || numberSpans.some(function (span) { return span.indexOf(w.folded) >= 0; });
      if (!touched.length && !optional) return [];
      if (optional) optionals++; else required++;
      var idf = Math.log(1 + n / Math.max(touched.length, 1));
      for (var t = 0; t < touched.length; t++) {
        var d2 = touched[t];
        score[d2] += idf * (1 + Math.log(tf[d2])) * ((flags[d2] & TITLE) ? 3 : 1) * (exact[d2] ? 1.3 : 1);
        if (optional) optionalMatched[d2]++; else matched[d2]++;
        tf[d2] = 0; flags[d2] = 0; exact[d2] = 0;
      }
    }
    // Candidates: every required word matched and, when the query names a
    // number that exists, the documents with or citing that number, or
    // containing all its words ("51-KH/ĐUK ngày" is not every document with
    // "ngày" in it).
    var alive = new Uint8Array(n);
    for (var d = 0; d < n; d++) {
      alive[d] = (!required || matched[d] === required) &&
                 (!numbersFound || byNumber[d] || (optionals && optionalMatched[d] === optionals)) ? 1 : 0;
    }

    // Syllables together: pairs of adjacent query words.
    var pairs = [], phrases = [];
    for (var j = 1; j < q.free.length; j++) if (q.free[j].joined) pairs.push([q.free[j - 1], q.free[j]]);
    q.phrases.forEach(function (p) {
      var keys = [];
      for (var k = 1; k < p.length; k++) {
        if (!p[k].joined) continue;  // "trong sạch, vững mạnh": the comma is checked by position
        pairs.push([p[k - 1], p[k]]);
        keys.push(p[k - 1].exact + ' ' + p[k].exact);
      }
      phrases.push({ words: p, keys: keys, marked: p.some(function (w) { return w.exact !== w.folded; }) });
    });
    var pairLists = await Promise.all(pairs.map(function (p) { return self.term(p[0].folded + ' ' + p[1].folded); }));
    var pairDocs = new Map();  // exact pair → { any: docs with it folded, same: docs with it spelled so }
    pairs.forEach(function (p, i) {
      var want = p[0].exact + ' ' + p[1].exact, has = new Uint8Array(n), same = new Uint8Array(n), df = 0;
      pairLists[i].forEach(function (v) { for (var j = 0; j < v.docs.length; j++) if (!has[v.docs[j]]) { has[v.docs[j]] = 1; df++; } });
      var idf = Math.log(1 + n / Math.max(df, 1));
      pairLists[i].forEach(function (v) {
        var exact = v.exact === want;
        for (var j = 0; j < v.docs.length; j++) {
          var d = v.docs[j];
          if (exact) same[d] = 1;
          if (alive[d]) score[d] += idf * 2 * ((v.weights[j] & TITLE) ? 2 : 1) * (exact ? 1.3 : 1);
        }
      });
      pairDocs.set(want, { any: has, same: same });
    });
    // A quoted phrase must stand together, in one run, and be spelled as
    // quoted when it was typed with diacritics (without: any spelling).
    for (var f = 0; f < phrases.length; f++) {
      var ph = phrases[f], keep = new Uint8Array(n);
      if (ph.words.length === 1) {
        if (!ph.marked) continue;
        (await self.term(ph.words[0].folded)).forEach(function (v) {
          if (v.exact === ph.words[0].exact) for (var j = 0; j < v.docs.length; j++) keep[v.docs[j]] = 1;
        });
      } else {
        var lists = ph.keys.map(function (k) { return ph.marked ? pairDocs.get(k).same : pairDocs.get(k).any; });
        for (var d3 = 0; d3 < n; d3++) keep[d3] = alive[d3] && lists.every(function (l) { return l[d3]; }) ? 1 : 0;
        // Two words standing joined are checked by their pair; longer runs,
        // or punctuation inside, by where the words stand.
        if (ph.words.length > 2 || ph.keys.length < ph.words.length - 1) keep = await self.phraseRun(ph.words, keep);
      }
      for (var d4 = 0; d4 < n; d4++) if (!keep[d4]) alive[d4] = 0;
    }
    var ranked = [];
    for (var d5 = 0; d5 < n; d5++) if (alive[d5]) ranked.push({ doc: d5, score: score[d5] });
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return ranked;
  };

  // Facets of a document: { year (0 unknown), kind, issuer, section } (indices, 0 = none).
  function facetOf(u8, doc) {
    var n = u8.length / 5, y = u8[doc];
    return { year: y ? 1949 + y : 0, kind: u8[n + doc], issuer: u8[2 * n + doc], section: u8[3 * n + doc],
             status: u8[4 * n + doc] };
  }
  // A document's day since 1950-01-01 (-1 unknown), from dayData().
  function dayOf(days, doc) {
    var day = days[2 * doc] | (days[2 * doc + 1] << 8);
    return day === 0xffff ? -1 : day;
  }

  // An excerpt of `text` around the first query word, words marked.
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  // Folds one UTF-16 unit at a time, remembered per character, keeping the
  // text's length so positions in the folded text are positions in the text.
  var foldMemo = new Map();
  function foldChar(c) {
    var f = foldMemo.get(c);
    if (f === undefined) { f = fold(c); if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c; foldMemo.set(c, f); }
    return f;
  }
  function foldAligned(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += foldChar(text[i]);
    return out;
  }

  // Where the query's words stand in `text` (folded alike). A query typed
  // with diacritics marks each word where the text spells it as typed ("chi
  // bộ": "chi", not "chí"), or, where the text never does, every spelling.
  function hitsIn(text, queryWords) {
    var wanted = new Map(), typedMarks = queryWords.some(function (w) { return w.exact !== w.folded; });
    queryWords.forEach(function (w) { if (!wanted.has(w.folded)) wanted.set(w.folded, new Set()); wanted.get(w.folded).add(w.exact); });
    var folded = foldAligned(text), re = /[\p{L}\p{N}]+/gu, m, hits = [], spelledAsTyped = new Set();
    while ((m = re.exec(folded))) {
      if (!wanted.has(m[0])) continue;
      var same = typedMarks && wanted.get(m[0]).has(lower(text.slice(m.index, m.index + m[0].length)));
      if (same) spelledAsTyped.add(m[0]);
      hits.push({ index: m.index, length: m[0].length, word: m[0], same: same });
    }
    hits = hits.filter(function (h) { return h.same || !spelledAsTyped.has(h.word); });
    return hits;
  }
  // text[start, end) escaped, the hits in it marked.
  function markRange(text, hits, start, end) {
    var html = '', pos = start;
    hits.forEach(function (h) {
      if (h.index < pos || h.index + h.length > end) return;
      html += escapeHtml(text.slice(pos, h.index)) + '<mark>' + escapeHtml(text.slice(h.index, h.index + h.length)) + '</mark>';
      pos = h.index + h.length;
    });
    return html + escapeHtml(text.slice(pos, end));
  }
  // All of a short text (a result's facts), the query's words marked.
  function marked(text, queryWords) { return markRange(text, hitsIn(text, queryWords), 0, text.length); }

  // An excerpt of `text` around where most query words stand close together
  // (the most different words in half its size; of those, the most standing
  // side by side, as "đảng viên" in the query), the matched words marked.
  function excerpt(text, queryWords, size) {
    size = size || 240;
    var hits = hitsIn(text, queryWords), first = -1, best = 0;
    for (var i = 0; i < hits.length; i++) {
      var found = new Set(), together = 0;
      for (var j = i; j < hits.length && hits[j].index < hits[i].index + size / 2; j++) {
        found.add(hits[j].word);
        if (j > i && hits[j].index - (hits[j - 1].index + hits[j - 1].length) <= 1 && hits[j].word !== hits[j - 1].word) together++;
      }
      var value = found.size * 1000 + together;
      if (value > best) { best = value; first = i; }
    }
    var start = first < 0 ? 0 : Math.max(0, hits[first].index - size / 3);
    if (start > 0) { var sp = text.indexOf(' ', start); if (sp > 0 && sp - start < 30) start = sp + 1; }
    var end = Math.min(text.length, start + size);
    var html = markRange(text, hits, start, end);
    return (start > 0 ? '… ' : '') + html.replace(/\s+/g, ' ').trim() + (end < text.length ? ' …' : '');
  }

  // ---- Queries typed without a Vietnamese IME, or with a typo. ----
  // Telex ("dangr vieen", "tuw tuowngr") and VNI ("dang3 vie6n") keys left
  // in the text are read as the marks they stand for; a word the corpus does
  // not have becomes its nearest word that it has (one letter added, removed,
  // changed or swapped), the commonest first.
  var TONES = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323', 1: '\u0301', 2: '\u0300', 3: '\u0309', 4: '\u0303', 5: '\u0323' };
  var VOWELS = 'aăâeêioôơuưy';
  function withTone(word, tone) {
    if (!tone) return word;
    var chars = Array.from(word), at = -1, i;
    for (i = 0; i < chars.length; i++) if ('ăâêôơư'.indexOf(chars[i]) >= 0) at = i;  // a marked vowel takes it (ươ: the ơ)
    if (at < 0) {
      var vs = [];
      for (i = 0; i < chars.length; i++) {
        if (VOWELS.indexOf(chars[i]) < 0) continue;
        if ((chars[i] === 'u' && chars[i - 1] === 'q') || (chars[i] === 'i' && chars[i - 1] === 'g' && VOWELS.indexOf(chars[i + 1]) >= 0)) continue;
        vs.push(i);
      }
      if (!vs.length) return word;
      var closed = vs[vs.length - 1] < chars.length - 1;
      at = vs.length > 1 && !closed ? vs[vs.length - 2] : vs[vs.length - 1];
    }
    chars[at] = (chars[at] + tone).normalize('NFC');
    return chars.join('');
  }
  function telex(word) {
    var w = word.replace(/^dd/, 'đ'), tone = '', out = '', seenVowel = false;
    for (var i = 0; i < w.length; i++) {
      var c = w[i];
      if (seenVowel && 'sfrxjz'.indexOf(c) >= 0) { tone = c === 'z' ? '' : TONES[c]; continue; }
      if (VOWELS.indexOf(c) >= 0) seenVowel = true;
      out += c;
    }
    out = out.replace(/uow|uwow|uwo/g, 'ươ').replace(/aa/g, 'â').replace(/ee/g, 'ê').replace(/oo/g, 'ô')
      .replace(/aw/g, 'ă').replace(/ow/g, 'ơ').replace(/uw/g, 'ư').replace(/^w/, 'ư');
    return withTone(out, tone);
  }
  function vni(word) {
    if (!/\d/.test(word) || !/[a-z]/.test(word)) return word;
    var tone = '', out = '';
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      if (c >= '1' && c <= '5') { tone = TONES[c]; continue; }
      if (c === '6') out = out.replace(/([aeo])([^aeo]*)$/, function (_, v, r) { return { a: 'â', e: 'ê', o: 'ô' }[v] + r; });
      else if (c === '7') out = out.replace(/uo([^uo]*)$/, 'ươ$1').replace(/([ou])([^ou]*)$/, function (_, v, r) { return { o: 'ơ', u: 'ư' }[v] + r; });
      else if (c === '8') out = out.replace(/a([^a]*)$/, 'ă$1');
      else if (c === '9') out = out.replace(/d/, 'đ');
      else if (c === '0') continue;
      else out += c;
    }
    return withTone(out, tone);
  }
  function nearby(word, known) {
    var letters = 'abcdeghiklmnopqrstuvxy', best = null;
    function consider(w) { if (known.has(w) && (best === null || known.get(w) < known.get(best))) best = w; }
    for (var i = 0; i <= word.length; i++) {
      for (var k = 0; k < letters.length; k++) {
        consider(word.slice(0, i) + letters[k] + word.slice(i));
        if (i < word.length) consider(word.slice(0, i) + letters[k] + word.slice(i + 1));
      }
      if (i < word.length) consider(word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < word.length) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    return best;
  }
  // How well a spelling agrees with what was typed: marks shared, less
  // marks not typed.
  function agreement(spelling, typed) {
    var a = spelling.normalize('NFD').replace(/đ/g, 'd\u0335'), b = typed.normalize('NFD').replace(/đ/g, 'd\u0335');
    var marks = function (s) { return s.match(/\p{M}/gu) || []; }, ma = marks(a), mb = marks(b), shared = 0;
    mb.forEach(function (m) { var i = ma.indexOf(m); if (i >= 0) { shared++; ma.splice(i, 1); } });
    return shared * 2 - ma.length;
  }
  Index.prototype.vocabulary = function () {
    if (!this.words) {
      this.words = this.fetchBytes(this.m.dir + 'words.txt.gz').then(gunzip).then(function (u8) {
        var known = new Map();
        new TextDecoder().decode(u8).split('\n').forEach(function (w, i) { if (w) known.set(w, i); });
        return known;
      });
    }
    return this.words;
  };
  // A better way to write `query` that finds something, or null.
  async function suggest(index, query) {
    var typed = words(limitQuery(query));
    if (!typed.length) return null;
    var known = await index.vocabulary(), changed = false;
    var guesses = typed.map(function (w) {
      if (/^\d+$/.test(w.folded) || known.has(w.folded)) return w.exact;
      var tried = [telex(w.exact), vni(w.exact)].filter(function (g) { return known.has(fold(g)); });
      changed = true;
      if (tried.length) return tried[0];
      var near = nearby(w.folded, known);
      return near || w.exact;
    });
    if (!changed) return null;
    // The shards of every word and pair it may read, fetched at once.
    var keys = guesses.map(function (g, i) { return fold(g) + (i + 1 < guesses.length ? ' ' + fold(guesses[i + 1]) : ''); });
    await Promise.all(keys.concat(guesses.map(fold)).map(function (k) { return index.shard(bucket(k, index.m.b)); }));
    // Spell each word (each pair of words, where they stand together in the
    // corpus) as the documents do, choosing the spelling closest to the marks typed.
    var spelled = guesses.slice();
    for (var i = 0; i < guesses.length; i++) {
      var pair = i + 1 < guesses.length ? await index.term(fold(guesses[i]) + ' ' + fold(guesses[i + 1])) : [];
      var choices = pair.length ? pair : await index.term(fold(guesses[i]));
      if (!choices.length) continue;
      var want = pair.length ? guesses[i] + ' ' + guesses[i + 1] : guesses[i];
      var best = choices.slice().sort(function (a, b) { return agreement(b.exact, want) - agreement(a.exact, want) || b.docs.length - a.docs.length; })[0];
      var parts = best.exact.split(' ');
      spelled[i] = parts[0];
      if (pair.length) { spelled[i + 1] = parts[1]; guesses[i + 1] = parts[1]; }
    }
    var suggestion = spelled.join(' ');
    if (fold(suggestion) === fold(typed.map(function (w) { return w.exact; }).join(' '))) return null;
    return (await index.search(suggestion)).length ? suggestion : null;
  }

  // The result's number, marked when the query asked for it ("51-KH/ĐUK",
  // "kế hoạch số 51"): its sequence number is among the query's words.
  function numberHtml(number, queryWords) {
    var seq = (/^\d+/.exec(number) || [''])[0].replace(/^0+(?=\d)/, '');
    // "51", or "51kh" typed with no separator
    var asked = seq && queryWords.some(function (w) { var m = /^0*(\d+)[a-z]*$/.exec(w.folded); return m && m[1] === seq; });
    return asked ? '<mark>' + escapeHtml(number) + '</mark>' : escapeHtml(number);
  }

  var core = { fold: fold, marked: marked, numberHtml: numberHtml, words: words, limitQuery: limitQuery, telex: telex, vni: vni, suggest: suggest, bucket: bucket, numberKeys: numberKeys, parseShard: parseShard,
               gunzip: gunzip, Index: Index, facetOf: facetOf, dayOf: dayOf, excerpt: excerpt };
  if (typeof module !== 'undefined' && module.exports) { module.exports = core; return; }

  // ---- The search page. ----
  var form = document.getElementById('tim-kiem');
  if (!form) return;
  var input = form.elements.q, sort = form.elements.sx, status = document.getElementById('trang-thai');
  var list = document.getElementById('ket-qua'), more = document.getElementById('xem-them'), hint = document.getElementById('goi-y');
  var filterBox = document.getElementById('bo-loc'), filtersBox = filterBox.querySelector('.filter-sets');
  var wide = window.matchMedia('(min-width: 52rem)');
  filterBox.hidden = false;
  filterBox.classList.add('empty');
  filterBox.open = wide.matches;
  wide.addEventListener('change', function () { filterBox.open = wide.matches; });
  var manifestUrl = form.getAttribute('data-manifest');
  var siteRoot = manifestUrl.replace(/search\/manifest\.json$/, '');
  var PAGE = 10, index = null, lastRanked = [], shown = 0, token = 0;
  var FILTERS = [['loai', 'kinds', 'kind', 'Loại văn bản'], ['co-quan', 'issuers', 'issuer', 'Cơ quan ban hành'],
                 ['nam', null, 'year', 'Năm ban hành'], ['muc', 'sections', 'section', 'Mục'],
                 ['hieu-luc', 'statuses', 'status', 'Tình trạng']];
  var selected = {};
  form.querySelector('.search-options').hidden = false;

  function fetchBytes(path) {
    return fetch(siteRoot + path).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.arrayBuffer();
    });
  }
  function loadIndex() {
    if (!index) {
      index = fetch(manifestUrl, { cache: 'no-cache' }).then(function (r) { return r.json(); }).then(function (m) {
        // An index of another format than this script reads: say so rather than show wrong results.
        if (m.v !== FORMAT) throw new Error('format');
        return new Index(m, fetchBytes);
      });
    }
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
    return String(x[f[2]] || '');
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
      // Pages that are not documents have no kind or issuer: not a value to filter by.
      if (f[2] === 'kind' || f[2] === 'issuer' || f[2] === 'status') counts.delete('');
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
    filterBox.classList.toggle('empty', !filtersBox.children.length);
  }

  async function showMore(idx, queryWords, mine) {
    var slice = lastRanked.slice(shown, shown + PAGE);
    shown += slice.length;
    var docs = await Promise.all(slice.map(function (r) { return idx.doc(r.doc); }));
    if (mine !== token) return;
    docs.forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'item';
      // A document: kind · issuer · date; anything else: its section · its
      // facts (words found marked) · its date when it has one.
      var meta = d.k ? [d.k, d.i, d.d || 'Chưa rõ ngày'].filter(Boolean).map(escapeHtml)
                     : [escapeHtml(d.s || ''), d.f ? marked(d.f, queryWords) : '', escapeHtml(d.d || '')].filter(Boolean);
      var summary = d.x ? excerpt(d.x, queryWords) : '';
      // Found only in the document's original (its PDF or Word file): the excerpt from there, said so.
      if (d.g && summary.indexOf('<mark>') < 0) {
        var inOriginal = excerpt(d.g, queryWords);
        if (inOriginal.indexOf('<mark>') >= 0) summary = '<span class="excerpt-where">Trong văn bản gốc:</span> ' + inOriginal;
      }
      li.innerHTML = '<a class="item-title" href="' + escapeHtml(d.u) + '">' + (d.n ? '<span class="item-number">' + numberHtml(d.n, queryWords) + '</span> ' : '') +
        marked(d.t, queryWords) + '</a><p class="item-meta">' + meta.join(' · ') + '</p>' +
        (summary ? '<p class="item-summary">' + summary + '</p>' : '');
      list.appendChild(li);
    });
    more.hidden = shown >= lastRanked.length;
  }

  async function run() {
    var mine = ++token, q = input.value.trim();
    performance.mark('tim-kiem:bat-dau');
    writeUrl();
    if (!q) { list.innerHTML = ''; status.textContent = ''; hint.hidden = true; filterBox.classList.add('empty'); more.hidden = true; return; }
    status.textContent = 'Đang tìm…';
    var idx, results;
    try {
      idx = await loadIndex();
      results = await Promise.all([idx.search(q), idx.facetData(), sort.value ? idx.dayData() : null]);
    } catch (e) {
      index = null;  // the next search tries again
      if (mine === token) status.textContent = 'Không đọc được chỉ mục tìm kiếm (trang có thể vừa được cập nhật). Hãy tải lại trang rồi tìm lại.';
      return;
    }
    if (mine !== token) return;
    var ranked = results[0], facets = results[1], days = results[2];
    var filtered = ranked.filter(function (r) {
      return FILTERS.every(function (f) { return !selected[f[0]].size || selected[f[0]].has(valueOf(facets, r.doc, f)); });
    });
    if (sort.value) {
      var dir = sort.value === 'cu' ? 1 : -1;
      filtered.sort(function (a, b) {
        var da = dayOf(days, a.doc), db = dayOf(days, b.doc);
        if ((da < 0) !== (db < 0)) return da < 0 ? 1 : -1;  // undated last
        return dir * (da - db) || b.score - a.score;
      });
    }
    // Few results: perhaps the words were typed another way (Telex or VNI
    // left over, a slip of a key). Asked before the results are shown, so the
    // line does not push them down once they are on the page.
    var better = ranked.length < 3 ? await suggest(idx, q).catch(function () { return null; }) : null;
    if (mine !== token) return;
    showHint(better);
    lastRanked = filtered;
    shown = 0;
    list.innerHTML = '';
    await showMore(idx, words(q.replace(/["“”]/g, ' ')), mine);
    if (mine !== token) return;
    // User Timing: from the query to its first results on the page.
    performance.measure('tim-kiem', 'tim-kiem:bat-dau');
    renderFilters(idx.m, facets, ranked);  // after the results: they matter first
    // The status is announced once the results it describes are on the page.
    var asked = limitQuery(q), cut = asked.length < q.length ? ' Chỉ tìm theo ' + words(asked).length + ' từ đầu của câu hỏi.' : '';
    status.textContent = (filtered.length ? 'Có ' + filtered.length + ' kết quả cho “' + asked + '”.' : 'Không có kết quả nào cho “' + asked + '”.') + cut;
  }

  function showHint(better) {
    hint.hidden = !better;
    if (!better) return;
    var p = new URLSearchParams({ q: better });
    hint.innerHTML = 'Có phải bạn muốn tìm: <a href="?' + escapeHtml(p.toString()) + '">' + escapeHtml(better) + '</a>?';
    hint.querySelector('a').addEventListener('click', function (e) {
      e.preventDefault();
      input.value = better;
      run();
    });
  }

  var timer = 0;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  sort.addEventListener('change', run);
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener('click', function () { loadIndex().then(function (idx) { showMore(idx, words(input.value), token); }); });
  readUrl();
  // Fetch the manifest and facets while the reader is still typing.
  loadIndex().then(function (idx) { return idx.facetData(); }).catch(function () {});
  if (input.value) run();
})(this);
