// verify_page.cc: /xac-minh/.
#include "verify_page.h"

#include "page_words.h"

namespace congbo {

void render_verify_page(const PageContext& cx, Diagnostics& diags) {
  if (cx.config.public_key.empty()) return;
  View v = base_view(cx.config, cx.nav, "", kVerifyUrl, words::text("verify.title"));
  v.set("title", words::text("verify.title"))
      .set("public_key", cx.config.public_key)
      .set("committee", cx.config.committee.empty() ? cx.config.title : cx.config.committee)
      .set("site_url", cx.config.base_url)
      .set("script", href(cx.config, "/js/xac-minh.js") + "?v=" + cx.chrome.substr(0, 12));
  emit(cx, kVerifyUrl, "verify", std::move(v), diags);
}

}  // namespace congbo
