// desk_models.cc: exemplary models at the desk — their form, with images
// uploaded beside them (each with its required alt text), and saving them.
#include <optional>
#include <regex>

#include "desk_context.h"
#include "desk_pages.h"
#include "git_commit.h"
#include "model_form.h"
#include "page.h"
#include "text.h"
#include "unit.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

const char* kModels = "content/mo-hinh/";
const char* kImages = "static/anh/mo-hinh/";
constexpr size_t kMaxImage = 5u << 20;

bool model_path(const DeskContext& cx, const std::string& rel) {
  return starts_with(rel, kModels) && safe_content_path(cx.options.site_dir, rel);
}

ModelPage blank(const DeskContext& cx, const Writer& w) {
  ModelPage p;
  p.page.csrf = w.session.csrf;
  p.page.writer = w.account->name;
  Diagnostics ignored;
  const Units units = site_units(cx, ignored);  // kept: all() is a view into it
  for (const Unit& u : units.all()) p.units.emplace_back(u.id, u.name);
  return p;
}

void edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto e = start_edit(cx, req, res, model_path);
  if (!e) return;
  ModelPage p = blank(cx, e->writer);
  p.page = e->form;
  if (e->page) p.form = model_form_from_page(*e->page);
  else p.form.body = e->bytes;
  send_html(res, model_page(p));
}

// A new image: its bytes must be an image, within the limit, with its alt
// text. Stored under static/anh/mo-hinh/ by a name made from the file's
// (letters, digits, hyphens) and the type its bytes show. "" on a mistake,
// said beside the upload field.
std::string store_upload(const DeskContext& cx, const httplib::MultipartFormData& file, ModelPage& p, std::string* why) {
  const std::string type = image_type(file.content);
  if (file.content.size() > kMaxImage) p.page.fields["upload-alt"].errors.push_back("ảnh lớn hơn 5 MB: hãy thu nhỏ rồi tải lên lại");
  else if (type.empty()) p.page.fields["upload-alt"].errors.push_back("tệp \"" + file.filename + "\" không phải ảnh JPEG, PNG, GIF hay WebP");
  if (trim(p.upload_alt).empty()) p.page.fields["upload-alt"].errors.push_back("hãy tả ảnh bằng một câu cho người khiếm thị");
  if (!p.page.fields.empty()) return "";
  const std::string filename = fs::path(file.filename).filename().string();
  std::string stem = slugify(filename.substr(0, filename.rfind('.'))).substr(0, 60);
  while (!stem.empty() && stem.back() == '-') stem.pop_back();
  if (stem.empty()) stem = "anh";
  std::error_code ec;
  fs::create_directories(cx.options.site_dir / kImages, ec);
  std::string rel = kImages + stem + "." + type;
  for (int n = 2; fs::exists(cx.options.site_dir / rel); ++n) rel = kImages + stem + "-" + std::to_string(n) + "." + type;
  if (!write_atomically(cx.options.site_dir / rel, file.content, why)) return "";
  return rel;
}

// The images of the form that the desk stored: committed with the model
// (an image uploaded by a save whose check failed is committed by the next).
std::vector<std::string> stored_images(const DeskContext& cx, const ModelForm& f) {
  static const std::regex shape(R"(/anh/mo-hinh/[a-z0-9][a-z0-9-]*\.(jpg|png|gif|webp))");
  std::vector<std::string> files;
  for (const ModelImageForm& img : f.images) {
    if (std::regex_match(img.src, shape) && fs::exists(cx.options.site_dir / ("static" + img.src))) files.push_back("static" + img.src);
  }
  return files;
}

// The uploaded image, if any, stored and added to the form's images.
void take_upload(const DeskContext& cx, const httplib::Request& req, ModelPage& p) {
  if (!req.has_file("upload") || req.get_file_value("upload").content.empty()) return;
  std::string why;
  const std::string image = store_upload(cx, req.get_file_value("upload"), p, &why);
  if (!why.empty()) p.page.general.push_back(why);
  if (image.empty()) return;
  p.form.images.push_back({"/" + image.substr(std::string("static/").size()), trim(p.upload_alt), trim(p.upload_caption)});
  p.upload_alt.clear();
  p.upload_caption.clear();
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  ModelPage p = blank(cx, *w);
  FormPage& page = p.page;
  page.file = form_value(req, "tep");
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  p.form = posted_model(req);
  p.upload_alt = form_value(req, "upload-alt");
  p.upload_caption = form_value(req, "upload-caption");
  if (!page.file.empty() && !model_path(cx, page.file)) return send_html(res, "<p>Tệp không hợp lệ.</p>", 400);
  if (!iso_from_display(p.form.date)) page.fields["date"].errors.push_back("ngày phải viết dạng ngày/tháng/năm, ví dụ 21/10/2020");
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thay đổi gì");

  std::lock_guard<std::mutex> lock(cx.saving);
  take_upload(cx, req, p);
  if (!page.fields.empty() || !page.general.empty()) return send_html(res, model_page(p), 422);
  if (page.file.empty()) page.file = unused_path(cx, kModels, p.form.title, "mo-hinh");
  std::string commit;
  const Saved saved = save_file(cx, *w, page, write_model(p.form), stored_images(cx, p.form), &commit);
  answer_save(cx, *w, res, saved, page, commit, saved == Saved::Committed ? "" : model_page(p));
}

}  // namespace

void model_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/mo-hinh/moi", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Get("/sua-mo-hinh", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Post("/luu-mo-hinh", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
}

}  // namespace congbo
