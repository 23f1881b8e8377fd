// image_resize.h: smaller copies of a photo for phones, made with libvips
// (Debian libvips-dev: it reads JPEG, PNG and WebP, turns a phone photo the
// way its EXIF says, and shrinks while it decodes, so a 5 MB photo costs
// little memory). libvips stays in image_resize.cc.
#pragma once

#include <optional>
#include <string>

namespace congbo {

struct ResizedImage {
  std::string bytes;  ///< in the same format as the original
  int width = 0, height = 0;
};

/// `original` (a JPEG, PNG or WebP file's bytes) scaled to at most `width`
/// pixels wide, upright, without its metadata; nullopt when it is not an
/// image libvips can read. `format` is "jpg", "png" or "webp".
std::optional<ResizedImage> resize_image(const std::string& original, int width, const std::string& format);

}  // namespace congbo
