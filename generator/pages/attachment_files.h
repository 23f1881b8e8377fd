// attachment_files.h: a document's attachments written beside its page
// (/van-ban/51-kh-duk/51-kh-duk.pdf), and for a PDF an image of its first
// page (….pdf.png), so a reader sees the stamp and the signature before
// downloading. The image is made by pdftoppm (poppler-utils) once per file
// hash and kept in the cache folder; without pdftoppm there is none, said once.
#pragma once

#include <filesystem>
#include <vector>

#include "page.h"
#include "page_context.h"
#include "source_tree.h"

namespace congbo {

/// Makes (or finds in `cache_dir`/trang-dau/) each PDF attachment's first
/// page and fills its preview size.
void make_previews(std::vector<Page>& pages, const SourceTree& source, const std::filesystem::path& cache_dir,
                   Diagnostics& diags);

/// Writes every attachment of `cx.pages`, and its preview, beside its page.
void render_attachments(const PageContext& cx, const SourceTree& source, const std::filesystem::path& cache_dir,
                        Diagnostics& diags);

/// The text of each page's PDF and Word attachments, for search: converted
/// once per file hash (office_text.h) and kept in `cache_dir`/van-ban-goc/;
/// "" for a page without (a scan has no text).
std::vector<std::string> attachment_texts(const std::vector<Page>& pages, const SourceTree& source,
                                          const std::filesystem::path& cache_dir);

/// Where an attachment is published: its page's folder and its name.
std::string attachment_url(const Page& page, const Attachment& a);

}  // namespace congbo
