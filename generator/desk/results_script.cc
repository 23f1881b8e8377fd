// results_script.cc: the script of a campaign year's grid. Every change asks
// the desk (/thi-dua/tinh) for what the campaign's rules now give — the desk
// grades with the same code the build runs, so the page never disagrees
// with the site — and rows pasted from a spreadsheet are read by the desk
// (/thi-dua/dan) and put into the boxes.
#include "desk_assets.h"

namespace congbo {

const std::string& results_script() {
  static const std::string js = R"JS('use strict';
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
      row.querySelector('[data-grade-for]').textContent = r.grade;
      row.querySelector('[data-why-for]').textContent = r.why;
      var list = row.querySelector('[data-messages-for]');
      list.textContent = '';
      r.errors.forEach(function (e) { list.appendChild(item('error', 'Lỗi: ' + e)); });
      r.warnings.forEach(function (w) { list.appendChild(item('warning', 'Cảnh báo: ' + w)); });
      row.classList.toggle('has-error', r.errors.length > 0);
    });
    var ul = document.querySelector('#tong-hop > ul');
    ul.textContent = '';
    d.summary.forEach(function (s) { ul.appendChild(item(s.met === 1 ? 'target met' : s.met === 0 ? 'target missed' : '', s.text)); });
    general.textContent = '';
    d.general.forEach(function (g) { general.appendChild(item('error', 'Lỗi: ' + g)); });
  }
  function recompute() {
    var n = ++sent, started = performance.now();
    form.dataset.pending = String(n);
    fetch('/thi-dua/tinh', {method: 'POST', body: new FormData(form), credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || n !== sent) return;
        show(d);
        form.dataset.shown = String(n);
        form.dataset.recomputeMs = (performance.now() - started).toFixed(1);
      }).catch(function () {});
  }
  function soon() {
    form.dataset.pending = String(sent + 1);  // the answer the page now waits for
    clearTimeout(timer);
    timer = setTimeout(recompute, 40);
  }
  form.addEventListener('change', soon);
  form.addEventListener('input', function (e) { if (e.target.type !== 'checkbox') soon(); });

  function set(name, value) {
    var el = form.elements[name];
    if (!el) return;
    if (el.type === 'checkbox') el.checked = value;
    else el.value = value;
  }
  var status = document.getElementById('dan-ket-qua');
  form.querySelector('.grid-wrap').addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (!text || (text.indexOf('\t') < 0 && text.indexOf('\n') < 0)) return;  // one value into one box
    e.preventDefault();
    var data = new FormData();
    ['csrf', 'tep', 'nam'].forEach(function (k) { data.set(k, form.elements[k].value); });
    data.set('dan', text);
    fetch('/thi-dua/dan', {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { status.textContent = 'Không đọc được đoạn vừa dán.'; return; }
        d.rows.forEach(function (r) {
          if (r.registered !== undefined) set('dk-' + r.unit, r.registered);
          Object.keys(r.met).forEach(function (c) { set('tc-' + r.unit + '-' + c, r.met[c]); });
          if (r.score !== undefined) set('diem-' + r.unit, r.score);
          if (r.note !== undefined) set('gc-' + r.unit, r.note);
        });
        status.textContent = 'Đã dán ' + d.rows.length + ' dòng.' + (d.problems.length ? ' Chưa dán được: ' + d.problems.join('; ') : '');
        recompute();
      }).catch(function () { status.textContent = 'Không gửi được đoạn vừa dán.'; });
  });
})();
)JS";
  return js;
}

}  // namespace congbo
