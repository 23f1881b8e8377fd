// attachments.h: the files published with a document — the signed original
// (văn bản gốc), appendices — checked before anything is written: each is a
// file beside the content file, of a kind readers can open, not too large.
#pragma once

#include <vector>

#include "diagnostic.h"
#include "page.h"
#include "source_tree.h"

namespace congbo {

/// Largest attachment published.
inline constexpr size_t kMaxAttachment = 50u << 20;

/// Fills each attachment's source, size and SHA-256; reports one that names
/// no file beside its page, climbs out of the folder, is of an unknown kind
/// or is over the size limit (at its line in the front matter).
void check_attachments(std::vector<Page>& pages, const SourceTree& source, Diagnostics& diags);

/// "PDF", "Word", "ảnh"… for the list on the page ("" when unknown).
std::string attachment_kind(const std::string& file);

}  // namespace congbo
