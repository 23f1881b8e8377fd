// image_resize.cc: see image_resize.h.
#include "image_resize.h"

#include <vips/vips.h>

namespace congbo {
namespace {

bool vips_ready() {
  static const bool ready = VIPS_INIT("congbo") == 0;
  return ready;
}

// The encoded bytes of `image` in `format`; false when libvips fails.
bool save(VipsImage* image, const std::string& format, std::string* out) {
  void* buf = nullptr;
  size_t len = 0;
  int failed = 0;
  if (format == "png") {
    failed = vips_pngsave_buffer(image, &buf, &len, "strip", TRUE, "compression", 9, nullptr);
  } else if (format == "webp") {
    failed = vips_webpsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 80, nullptr);
  } else {
    failed = vips_jpegsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 82, "interlace", TRUE, nullptr);
  }
  if (failed) return false;
  out->assign(static_cast<const char*>(buf), len);
  g_free(buf);
  return true;
}

}  // namespace

std::optional<ResizedImage> resize_image(const std::string& original, int width, const std::string& format) {
  if (!vips_ready()) return std::nullopt;
  VipsImage* thumb = nullptr;
  // A height no photo has: the width decides. size=down: never enlarged.
  if (vips_thumbnail_buffer(const_cast<char*>(original.data()), original.size(), &thumb, width, "height", 100000,
                            "size", VIPS_SIZE_DOWN, nullptr) != 0) {
    vips_error_clear();
    return std::nullopt;
  }
  ResizedImage r;
  r.width = vips_image_get_width(thumb);
  r.height = vips_image_get_height(thumb);
  const bool ok = save(thumb, format, &r.bytes);
  g_object_unref(thumb);
  if (!ok) {
    vips_error_clear();
    return std::nullopt;
  }
  return r;
}

}  // namespace congbo
