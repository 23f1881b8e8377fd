// page_form.h: a plain page (content/NAME.md: "Giới thiệu", "Liên hệ") as the
// desk shows it, and its file, with the line of each field (as document_form.h).
#pragma once

#include <string>

#include "document_form.h"
#include "page.h"

namespace congbo {

struct PageForm {
  std::string title, description, body;
};

PageForm page_form_from_page(const Page& page);
WrittenDocument write_plain_page(const PageForm& form);

}  // namespace congbo
