// results_script.cc: the script of a campaign year's grid. Every change asks
// the desk (/thi-dua/tinh) for what the campaign's rules now give — the desk
// grades with the same code the build runs, so the page never disagrees
// with the site — and rows pasted from a spreadsheet are read by the desk
// (/thi-dua/dan) and put into the boxes.
#include "desk_assets.h"

namespace congbo {

const std::string& results_script() {
  static const std::string js = R"JS('use strict';
// A box changed before this script ran (a slow connection, a quick hand) is
// checked as soon as it runs, so no change goes unseen.
function changedBeforeScript(form) {
  return Array.prototype.some.call(form.elements, function (el) {
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
    if (el.tagName === 'SELECT') return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
    return 'defaultValue' in el && el.type !== 'hidden' && el.type !== 'file' && el.value !== el.defaultValue;
  });
}
(function () {
  var form = document.getElementById('luoi');
  if (!form) return;
  var timer = null, sent = 0;
  var general = document.createElement('ul');
  general.className = 'field-messages';
  general.id = 'luoi-loi';
  document.getElementById('tong-hop').appendChild(general);

  function item(cls, text) {
    var li = document.createElement('li');
    if (cls) li.className = cls;
    li.textContent = text;
    return li;
  }
  function show(d) {
    form.querySelectorAll('tbody tr[data-unit]').forEach(function (row) {
      var r = d.rows[row.dataset.unit];
      if (!r) return;
      // Only what changed is touched: a tick changes a row or two of hundreds.
      var cells = row.cells_ || (row.cells_ = {grade: row.querySelector('[data-grade-for]'),
        why: row.querySelector('[data-why-for]'), list: row.querySelector('[data-messages-for]')});
      if (cells.grade.textContent !== r.grade) cells.grade.textContent = r.grade;
      if (cells.why.textContent !== r.why) cells.why.textContent = r.why;
      var said = r.errors.join('\n') + '\u0000' + r.warnings.join('\n');
      if (row.said_ === undefined) row.said_ = cells.list.children.length ? null : '\u0000';
      if (row.said_ === said) return;
      row.said_ = said;
      cells.list.textContent = '';
      r.errors.forEach(function (e) { cells.list.appendChild(item('error', 'Lỗi: ' + e)); });
      r.warnings.forEach(function (w) { cells.list.appendChild(item('warning', 'Cảnh báo: ' + w)); });
      row.classList.toggle('has-error', r.errors.length > 0);
    });
    var ul = document.querySelector('#tong-hop > ul');
    ul.textContent = '';
    d.summary.forEach(function (s) { ul.appendChild(item(s.met === 1 ? 'target met' : s.met === 0 ? 'target missed' : '', s.text)); });
    general.textContent = '';
    d.general.forEach(function (g) { general.appendChild(item('error', 'Lỗi: ' + g)); });
  }
  // The grid's fields as one ("name<TAB>value" a line): 500 units are more
  // fields than the desk takes in one request.
  var packed = document.createElement('input');
  packed.type = 'hidden';
  packed.name = 'luoi';
  form.appendChild(packed);
  function pack() {
    var lines = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el === packed || el.disabled) return;
      if (el.type === 'checkbox' && !el.checked) return;
      var v = el.type === 'checkbox' ? '1' : el.value;
      if (v !== '') lines.push(el.name + '\t' + v.replace(/[\t\r\n]/g, ' '));
    });
    return lines.join('\n');
  }
  function grid() {
    var data = new FormData();
    ['csrf', 'tep', 'nam'].forEach(function (k) { data.set(k, form.elements[k].value); });
    data.set('luoi', pack());
    return data;
  }
  // Saving: the packed grid goes with the few plain fields; the boxes themselves are not sent.
  form.addEventListener('submit', function () {
    packed.value = pack();
    form.querySelectorAll('.grid-wrap input, .grid-wrap select').forEach(function (el) { el.disabled = true; });
  });
  window.addEventListener('pageshow', function () {
    form.querySelectorAll('.grid-wrap input, .grid-wrap select').forEach(function (el) { el.disabled = false; });
  });
  function recompute() {
    var n = ++sent, started = performance.now();
    form.dataset.pending = String(n);
    fetch('/thi-dua/tinh', {method: 'POST', body: grid(), credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || n !== sent) return;
        show(d);
        form.dataset.shown = String(n);
        form.dataset.recomputeMs = (performance.now() - started).toFixed(1);
        form.dataset.serverMs = String(d.ms);
      }).catch(function () {});
  }
  function soon() {
    form.dataset.pending = String(sent + 1);  // the answer the page now waits for
    clearTimeout(timer);
    timer = setTimeout(recompute, 40);
  }
  // A box ticked or a grade chosen asks at once; typing waits for a pause.
  form.addEventListener('change', function (e) {
    if (e.target.type !== 'checkbox' && e.target.tagName !== 'SELECT') return soon();
    clearTimeout(timer);
    form.dataset.pending = String(sent + 1);
    recompute();
  });
  form.addEventListener('input', function (e) { if (e.target.type !== 'checkbox' && e.target.tagName !== 'SELECT') soon(); });
  if (changedBeforeScript(form)) soon();
  form.dataset.ready = '1';

  function set(name, value) {
    var el = form.elements[name];
    if (!el) return;
    if (el.type === 'checkbox') el.checked = value;
    else el.value = value;
  }
  var status = document.getElementById('dan-ket-qua');
  function fill(text, verb, what) {  // 'dán', 'đoạn vừa dán' or 'nhập', 'tệp X'
    var data = new FormData();
    ['csrf', 'tep', 'nam'].forEach(function (k) { data.set(k, form.elements[k].value); });
    data.set('dan', text);
    fetch('/thi-dua/dan', {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { status.textContent = 'Không đọc được ' + what + '.'; return; }
        d.rows.forEach(function (r) {
          if (r.registered !== undefined) set('dk-' + r.unit, r.registered);
          if (r.pilot !== undefined) set('ld-' + r.unit, r.pilot);
          Object.keys(r.met).forEach(function (c) { set('tc-' + r.unit + '-' + c, r.met[c]); });
          Object.keys(r.counts || {}).forEach(function (c) { set('sl-' + r.unit + '-' + c, r.counts[c]); });
          if (r.score !== undefined) set('diem-' + r.unit, r.score);
          if (r.note !== undefined) set('gc-' + r.unit, r.note);
        });
        status.textContent = 'Đã ' + verb + ' ' + d.rows.length + ' dòng' + (verb === 'dán' ? '' : ' từ ' + what) + '.' +
          (d.problems.length ? ' Chưa ' + verb + ' được: ' + d.problems.join('; ') : '');
        recompute();
      }).catch(function () { status.textContent = 'Không gửi được ' + what + '.'; });
  }
  form.querySelector('.grid-wrap').addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (!text || (text.indexOf('\t') < 0 && text.indexOf('\n') < 0)) return;  // one value into one box
    e.preventDefault();
    fill(text, 'dán', 'đoạn vừa dán');
  });
  // A CSV file (the site's own, or one saved from a spreadsheet) goes the same way as a paste.
  var pick = document.getElementById('nhap-csv');
  if (pick) pick.addEventListener('change', function () {
    var file = pick.files[0];
    if (!file) return;
    if (file.size > 1024 * 1024) { status.textContent = 'Tệp ' + file.name + ' lớn hơn 1 MB: không nhập.'; return; }
    file.text().then(function (text) {
      fill(text.replace(/^\uFEFF/, ''), 'nhập', 'tệp ' + file.name);
      pick.value = '';
    });
  });
})();

// A commendation decision: every change asks the desk (/khen-thuong/kiem-tra)
// to check the list against the campaign's quota and standard, and marks the rows.
(function () {
  var form = document.getElementById('quyet-dinh');
  if (!form) return;
  var sent = 0, timer = null;
  function show(d) {
    form.querySelectorAll('tbody tr[data-row]').forEach(function (row) {
      var errors = d.rows[row.dataset.row] || [];
      var list = row.querySelector('[data-messages-for]');
      list.textContent = '';
      errors.forEach(function (e) {
        var li = document.createElement('li');
        li.className = 'error';
        li.textContent = 'Lỗi: ' + e;
        list.appendChild(li);
      });
      row.classList.toggle('has-error', errors.length > 0);
    });
    var ul = document.querySelector('#kiem-tra ul');
    ul.textContent = '';
    d.summary.concat(d.general.map(function (g) { return 'Lỗi: ' + g; })).forEach(function (t) {
      var li = document.createElement('li');
      if (t.indexOf('Lỗi: ') === 0) li.className = 'error';
      li.textContent = t;
      ul.appendChild(li);
    });
  }
  function check() {
    var n = ++sent;
    form.dataset.pending = String(n);
    fetch('/khen-thuong/kiem-tra', {method: 'POST', body: new FormData(form), credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d && n === sent) { show(d); form.dataset.shown = String(n); } })
      .catch(function () {});
  }
  function soon() {
    form.dataset.pending = String(sent + 1);
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  }
  form.addEventListener('change', soon);
  form.addEventListener('input', soon);
  if (changedBeforeScript(form)) soon();
  form.dataset.ready = '1';
})();
)JS";
  return js;
}

}  // namespace congbo
