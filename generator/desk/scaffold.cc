// scaffold.cc: new files and new sites.
#include "scaffold.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include "config.h"
#include "document_form.h"
#include "git_commit.h"
#include "model_form.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

const char* kSiteToml = R"(# Cài đặt của trang. Mỗi mục được giải thích trong docs/huong-dan-soan-noi-dung.md.
title = "Tên cấp ủy"
description = "Văn bản, mô hình và kết quả thi đua của cấp ủy."
base_url = "https://example.vn/"
language = "vi"
committee = "Ban Thường vụ ..."
paginate = 10

# Loại văn bản: chữ viết tắt trong số ký hiệu → tên đầy đủ.
[kinds]
NQ = "Nghị quyết"
CT = "Chỉ thị"
KH = "Kế hoạch"
HD = "Hướng dẫn"
CTr = "Chương trình hành động"

# Cơ quan ban hành: khóa dùng trong trường issuer của văn bản.
[issuers.duk]
abbr = "ĐUK"
name = "Đảng ủy Khối ..."
parent = "Đảng bộ tỉnh ..."
)";

std::string today_display() {
  auto now = std::chrono::system_clock::now() + std::chrono::hours(7);  // Vietnam's time zone
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  char s[16];
  std::snprintf(s, sizeof s, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()));
  return s;
}

bool write_new(const fs::path& file, const std::string& text) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// The file `what` starts as, from the desk's own templates.
std::string template_for(const std::string& what, const std::string& title, const SiteConfig* config) {
  if (what == "van-ban") {
    DocumentForm f;
    f.title = title;
    if (config && !config->kinds.empty()) {  // a plan (Kế hoạch) is what offices write most
      f.kind = config->kinds.front().first;
      for (const auto& [abbr, name] : config->kinds) {
        if (abbr == "KH") f.kind = abbr;
      }
    }
    if (config && !config->issuers.empty()) f.issuer = config->issuers.front().key;
    f.date = today_display();
    f.body = "## I- MỤC ĐÍCH, YÊU CẦU\n\n...\n";
    return write_document(f).text;
  }
  if (what == "mo-hinh") {
    ModelForm f;
    f.title = title;
    f.year = today_display().substr(6);
    f.body = "...\n";
    return write_model(f).text;
  }
  return "+++\ntitle = \"" + title + "\"\n+++\n...\n";
}

}  // namespace

int new_content(const fs::path& site_dir, const std::string& what, const std::string& title_in) {
  if (what != "van-ban" && what != "mo-hinh" && what != "trang") {
    std::cerr << "congbo new: loại nội dung là van-ban, mo-hinh hoặc trang (không phải \"" << what << "\")\n";
    return 2;
  }
  const std::string title = title_in.empty() ? "Trích yếu" : title_in;
  std::optional<SiteConfig> config;
  if (std::ifstream in(site_dir / "site.toml", std::ios::binary); in) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Diagnostics ignored;
    config = parse_config(text, "site.toml", ignored);
  }
  std::string slug = slugify(title).substr(0, 80);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = what;
  const std::string rel = what == "trang" ? "content/" + slug + ".md" : "content/" + what + "/" + slug + ".md";
  if (fs::exists(site_dir / rel)) {
    std::cerr << rel << ": error: tệp đã có; congbo new không ghi đè (đặt tên khác hoặc sửa tệp đó)\n";
    return 1;
  }
  if (!write_new(site_dir / rel, template_for(what, title, config ? &*config : nullptr))) {
    std::cerr << rel << ": error: không ghi được tệp\n";
    return 1;
  }
  std::cout << rel << "\n";
  return 0;
}

int init_site(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    std::cerr << dir.string() << ": error: thư mục đã có tệp; congbo init chỉ tạo trang trong thư mục trống hoặc chưa có\n";
    return 1;
  }
  const std::pair<const char*, std::string> files[] = {
      {"site.toml", kSiteToml},
      {".gitignore", "# Kết quả dựng và bộ nhớ đệm của congbo: không đưa vào kho.\n/public/\n/.public.congbo-spare/\n/.congbo-cache/\n"},
      {"content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\nLời giới thiệu ở trang chủ.\n"},
      {"content/van-ban/_index.md", "+++\ntitle = \"Văn bản\"\n+++\nVăn bản của cấp ủy.\n"}};
  std::vector<std::string> paths;
  for (const auto& [rel, text] : files) {
    if (!write_new(dir / rel, text)) {
      std::cerr << (dir / rel).string() << ": error: không ghi được tệp\n";
      return 1;
    }
    paths.push_back(rel);
  }
  std::string why;
  if (!init_repository(dir, &why) || !commit_files(dir, paths, {}, "Tạo trang bằng congbo init", &why)) {
    std::cerr << dir.string() << ": error: không tạo được kho git: " << why << "\n";
    return 1;
  }
  std::cout << "Đã tạo trang ở " << dir.string() << ". Sửa site.toml, rồi: congbo serve --site " << dir.string() << "\n";
  return 0;
}

}  // namespace congbo
