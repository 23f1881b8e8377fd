// verify_page.h: /xac-minh/, where a reader checks that a saved page (or
// any file of the site) is exactly what the committee published, and sees
// the publication log. The page is built; what it checks against
// (xac-minh/ban-cong-bo.*, proof.h) is written by congbo publish, and its
// script checks the signature in the browser (WebCrypto Ed25519).
#pragma once

#include "page_context.h"

namespace congbo {

inline constexpr const char* kVerifyUrl = "/xac-minh/";

/// Written only when site.toml has public_key (a site that does not sign
/// its releases has nothing to offer there).
void render_verify_page(const PageContext& cx, Diagnostics& diags);

}  // namespace congbo
