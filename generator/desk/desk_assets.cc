// desk_assets.cc: the desk's script and style sheet.
#include "desk_assets.h"

namespace congbo {

// The preview beside the text (tabs on a phone), rendered by congbo itself
// as the writer types, and a small Markdown toolbar.
const std::string& desk_script() {
  static const std::string js = R"JS('use strict';
// Relations: typing a number or words of a title lists matching documents;
// choosing one adds its number to the field, one per line.
(function () {
  var list = document.getElementById('van-ban-tim-duoc');
  if (!list) return;
  document.querySelectorAll('input[data-add-to]').forEach(function (input) {
    var timer = null;
    input.addEventListener('input', function () {
      var chosen = Array.prototype.find.call(list.options, function (o) { return o.value === input.value; });
      if (chosen) {
        var field = document.getElementById(input.dataset.addTo);
        var number = chosen.dataset.number;
        var lines = field.value.split('\n').filter(function (l) { return l.trim() !== ''; });
        if (lines.indexOf(number) < 0) lines.push(number);
        field.value = lines.join('\n');
        input.value = '';
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch('/tim-van-ban?q=' + encodeURIComponent(input.value), {credentials: 'same-origin'})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) {
            list.textContent = '';
            found.forEach(function (d) {
              var o = document.createElement('option');
              o.value = d.number + ' – ' + d.title;
              o.dataset.number = d.number;
              list.appendChild(o);
            });
          }).catch(function () {});
      }, 150);
    });
  });
})();

(function () {
  var body = document.getElementById('f-body');
  var preview = document.getElementById('xem-truoc');
  var form = body && body.form;
  if (!body || !preview || !form) return;
  var timer = null, sent = 0;
  function refresh() {
    var n = ++sent;
    var data = new FormData();  // multipart: a long text is more than a urlencoded body may carry
    data.set('csrf', form.elements.csrf.value);
    data.set('body', body.value);
    fetch('/xem-thu', {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) { if (n === sent) preview.innerHTML = html; })
      .catch(function () {});
  }
  body.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
  refresh();
  var marks = {
    heading: ['\n## ', ''], bold: ['**', '**'], italic: ['*', '*'], list: ['\n- ', ''],
    table: ['\n| Cột 1 | Cột 2 |\n|---|---|\n| ', ' |  |\n'], footnote: ['[^1]', '\n\n[^1]: ']
  };
  document.querySelectorAll('.toolbar button[data-md]').forEach(function (b) {
    b.addEventListener('click', function () {
      var m = marks[b.dataset.md], s = body.selectionStart, e = body.selectionEnd, v = body.value;
      body.value = v.slice(0, s) + m[0] + v.slice(s, e) + m[1] + v.slice(e);
      body.focus();
      body.selectionStart = body.selectionEnd = e + m[0].length;
      body.dispatchEvent(new Event('input'));
    });
  });
  var editor = document.querySelector('.editor');
  document.querySelectorAll('.tabs [data-tab]').forEach(function (t) {
    t.addEventListener('click', function () {
      editor.dataset.tab = t.dataset.tab;
      document.querySelectorAll('.tabs [data-tab]').forEach(function (o) {
        o.setAttribute('aria-selected', String(o === t));
      });
      if (t.dataset.tab === 'preview') refresh();
    });
  });
})();
)JS";
  return js;
}

const std::string& desk_style() {
  static const std::string css = R"CSS(*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f4}
ins{background:#d7f5dd;color:#0b3d17;text-decoration:underline;text-decoration-color:#2e7d32}
del{background:#fde0dc;color:#5f1109;text-decoration:line-through}
.word-diff{margin:.4rem 0;padding:.3rem .6rem;background:#fff;border:1px solid #ddd;border-radius:4px}
.word-diff summary{cursor:pointer}
.bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.6rem 1rem;background:#8b0000;color:#fff}
.bar{flex-wrap:wrap}.parts{display:flex;gap:1rem;margin-right:auto}.bar .parts a{font-weight:400}.bar a{color:#fff;font-weight:600;text-decoration:none}.who button{white-space:nowrap}.who{display:flex;gap:.5rem;align-items:center;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
.field{margin:0 0 .9rem}.field label{display:block;font-weight:600;margin-bottom:.2rem}
.field small{display:block;color:#555;margin-bottom:.2rem}
input,select,textarea{width:100%;font:inherit;padding:.45rem .5rem;border:1px solid #999;border-radius:4px;background:#fff}
textarea{resize:vertical}#f-body{min-height:22rem}
.has-error input,.has-error select,.has-error textarea{border:2px solid #b00020}
.field-messages{margin:.3rem 0 0;padding:0;list-style:none}.field-messages .error{color:#b00020}.field-messages .warning{color:#7a4b00}
button,.button{font:inherit;padding:.5rem 1rem;border:1px solid #8b0000;border-radius:4px;background:#8b0000;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.toolbar{display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0}.toolbar button,.tabs button{background:#fff;color:#1b1b1b;border-color:#999;padding:.3rem .6rem}
.notice{padding:.6rem .8rem;border-radius:4px}.notice.ok{background:#e7f4e8;border:1px solid #2e7d32}.notice.error{background:#fdecee;border:1px solid #b00020}
form.import{margin:1rem 0 1.5rem;padding:.6rem .8rem;border:1px dashed #999;border-radius:4px}form.import .hint{margin:.25rem 0 .5rem}
.theirs{white-space:pre-wrap;background:#fff;padding:.5rem;max-height:20rem;overflow:auto}
.docs{padding-left:1.2rem}.docs .date{color:#555}
.preview{background:#fff;border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;min-height:10rem;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:0 1rem}
.editor{display:grid;grid-template-columns:1fr 1fr;gap:1rem;grid-template-areas:"tabs tabs" "tools tools" "write view"}
.tabs{grid-area:tabs;display:none}.toolbar{grid-area:tools}.editor .field{grid-area:write}.preview{grid-area:view}
.login{max-width:22rem}
button.secondary{background:#fff;color:#8b0000}
.columns{display:grid;grid-template-columns:2fr 1fr;gap:1rem}.recent,.versions{padding-left:1.2rem}
.restore{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.3rem 0 .8rem}.restore label{flex:1 1 16rem}
.remove{margin-top:2rem;border-top:1px solid #ccc}
.due ul{padding-left:1.2rem}.due .overdue .tag{background:#b00020;color:#fff;border-radius:3px;padding:0 .3rem;font-size:.85rem}
.due small{color:#555}
table.log{border-collapse:collapse}.log th,.log td{text-align:left;padding:.25rem .6rem;border-bottom:1px solid #ddd}.log tr.served{background:#eef6ee}
form.publish{margin:.8rem 0}
.grid.units input[name^=ten-]{min-width:20rem}.grid.units select{min-width:9rem}
.grid-wrap{overflow:auto;max-height:70vh;border:1px solid #ccc;background:#fff;margin:.5rem 0 1rem}
table.grid{border-collapse:collapse;font-size:.92rem;min-width:100%}.grid th,.grid td{border-bottom:1px solid #ddd;padding:.3rem .4rem;vertical-align:top;text-align:left}
.grid thead th{position:sticky;top:0;background:#f0eee8;z-index:2;font-size:.85rem}
.grid tbody th{position:sticky;left:0;background:#fff;z-index:1;min-width:13rem;max-width:18rem;font-weight:600}
.grid tbody th small{display:block;font-weight:400;color:#555}.grid tr.depth-1 th{padding-left:1.4rem}
.grid input[type=checkbox]{width:1.4rem;height:1.4rem}.grid td input:not([type=checkbox]){min-width:7rem}.grid td input.count{min-width:0;width:4.5rem}.grid select{min-width:11rem}
.grid td.grade{min-width:14rem}.grid td.grade output{display:block;font-weight:600}.grid td.grade small{color:#444}
.grid tr.has-error th{border-left:4px solid #b00020}
#tong-hop ul{padding-left:1.2rem;columns:2 18rem}#tong-hop .met{color:#1b5e20}#tong-hop .met::before{content:"✓ "}
#tong-hop .missed{color:#b00020;font-weight:600}#tong-hop .missed::before{content:"✗ "}
.campaign .years{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;padding:0;list-style:none}.new-year input{width:6rem}
@media (max-width:48rem){.columns{grid-template-columns:1fr}.editor{grid-template-columns:1fr;grid-template-areas:"tabs" "tools" "write"}
.tabs{display:flex;gap:.3rem}.editor .preview{display:none}.editor[data-tab=preview] .preview{display:block;grid-area:write}
.editor[data-tab=preview] .field,.editor[data-tab=preview] .toolbar{display:none}}
)CSS";
  return css;
}

}  // namespace congbo
