// publication_log.h: who published the site and when — every release of
// congbo publish (or of the desk's "Công bố" button), shown on the about
// page (content/gioi-thieu.md → /gioi-thieu/) under "Nhật ký công bố", and
// kept in the release as xac-minh/nhat-ky-cong-bo.tsv (hashed and signed
// with the rest by proof.h), from which the next publish continues it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "page_context.h"
#include "view.h"

namespace congbo {

inline constexpr const char* kPublicationLogFile = "xac-minh/nhat-ky-cong-bo.tsv";
inline constexpr const char* kAboutUrl = "/gioi-thieu/";

struct PublicationEntry {
  int seq = 0;            ///< the release's number (1, 2, …)
  std::string time;       ///< "2026-12-03T14:50:54Z"
  std::string commit;     ///< full id
  std::string publisher;  ///< the desk account's name; "" from the command line
};

/// The file's lines ("SEQ\tTIME\tCOMMIT\tPUBLISHER"), oldest first; lines it cannot read are skipped.
std::vector<PublicationEntry> read_publication_log(std::string_view tsv);
std::string publication_log_text(const std::vector<PublicationEntry>& log);

/// Newest first, times in Vietnam's zone ("03/12/2026 21:50").
View publication_log_view(const std::vector<PublicationEntry>& log);

/// Writes kPublicationLogFile (nothing for an empty log: a build, not a publish).
void render_publication_log(const PageContext& cx, const std::vector<PublicationEntry>& log, Diagnostics& diags);

}  // namespace congbo
