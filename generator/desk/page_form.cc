// page_form.cc: a plain page's form and its file.
#include "page_form.h"

#include "text.h"

namespace congbo {

PageForm page_form_from_page(const Page& p) { return {p.title, p.description, p.markdown}; }

WrittenDocument write_plain_page(const PageForm& f) {
  WrittenDocument w;
  w.owns = {"title", "description"};
  w.text = "+++\ntitle = " + toml_quoted(trim(f.title)) + "\n";
  w.field_at_line[2] = "title";
  int line = 2;
  if (!trim(f.description).empty()) {
    w.text += "description = " + toml_quoted(trim(f.description)) + "\n";
    w.field_at_line[++line] = "description";
  }
  w.text += "+++\n" + file_body(f.body);
  w.body_line = line + 2;
  return w;
}

}  // namespace congbo
