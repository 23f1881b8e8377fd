// attachments.h: the files published with a document — the signed original
// (văn bản gốc), appendices — checked before anything is written: each is a
// file beside the content file, of a kind readers can open, not too large.
#pragma once

#include <vector>

#include "diagnostic.h"
#include "page.h"
#include "source_tree.h"

namespace congbo {

/// Largest attachment published at all (site.toml's attachment_limit_mb, at
/// most 500, only warns).
inline constexpr size_t kMaxAttachment = 500u << 20;

/// Fills each attachment's source, size and SHA-256; reports (at its line in
/// the front matter) one that names no file beside its page, climbs out of
/// the folder, is of an unknown kind, is not what its name says (a ".pdf"
/// that is no PDF) or is listed twice; warns of one over `limit_mb`.
void check_attachments(std::vector<Page>& pages, const SourceTree& source, int limit_mb, Diagnostics& diags);

/// "PDF", "Word", "ảnh"… for the list on the page ("" when unknown).
std::string attachment_kind(const std::string& file);

/// "1,2 MB", "350 kB": a file's size as readers read it.
std::string size_words(size_t bytes);

}  // namespace congbo
