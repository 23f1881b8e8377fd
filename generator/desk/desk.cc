// desk.cc: the desk's server, who is asking, and logging in and out.
#include "desk.h"
#include "kept_fields.h"

#include <unistd.h>

#include <chrono>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <regex>
#include <thread>

#include "desk_assets.h"
#include "desk_context.h"
#include "desk_pages.h"
#include "git_commit.h"
#include "site.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

const char* kCookie = "congbo_soan";

std::string cookie_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  for (size_t at = cookies.find(key); at != std::string::npos; at = cookies.find(key, at + 1)) {
    if (at != 0 && cookies[at - 1] != ' ' && cookies[at - 1] != ';') continue;
    size_t end = cookies.find(';', at);
    return cookies.substr(at + key.size(), end == std::string::npos ? std::string::npos : end - at - key.size());
  }
  return "";
}

void login(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  const std::string name = trim(req.get_param_value("login"));
  if (cx.sessions.locked(name)) {
    send_html(res, login_page("Đăng nhập sai quá nhiều lần: tài khoản này tạm khóa 15 phút.", name), 429);
    return;
  }
  std::this_thread::sleep_for(cx.sessions.wait_for(name));  // slowed after three failures
  const Account* a = cx.accounts.verify(name, req.get_param_value("password"));
  if (!a) {
    cx.sessions.failed(name);
    send_html(res, login_page("Tên đăng nhập hoặc mật khẩu không đúng.", name), 401);
    return;
  }
  cx.sessions.succeeded(name);
  const bool tls = !cx.options.tls_cert.empty();
  res.set_header("Set-Cookie", std::string(kCookie) + "=" + cx.sessions.open(a->login) +
                                   "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
  send_redirect(res, "/");
}

void logout(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  if (!posting_writer(cx, req, res)) return;
  cx.sessions.close(cookie_token(req));
  res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  send_redirect(res, "/dang-nhap");
}

void common_settings(httplib::Server& server) {
  server.set_default_headers({{"X-Frame-Options", "DENY"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "same-origin"},
                              {"Cache-Control", "no-store"},
                              {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"}});
  server.set_payload_max_length(8u << 20);  // a form with its text; uploads are limited on their own
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
}

}  // namespace

std::optional<Writer> current_writer(DeskContext& cx, const httplib::Request& req) {
  auto session = cx.sessions.find(cookie_token(req));
  if (!session) return std::nullopt;
  const Account* a = cx.accounts.find(session->login);
  if (!a) return std::nullopt;
  return Writer{a, *session};
}

std::optional<Writer> posting_writer(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w || !same_secret(form_value(req, "csrf"), w->session.csrf)) {
    send_html(res, "<!DOCTYPE html><meta charset=\"utf-8\"><p>Yêu cầu bị từ chối: phiên đăng nhập không hợp lệ hoặc đã hết "
                   "hạn. <a href=\"/dang-nhap\">Đăng nhập lại</a>.</p>", 403);
    return std::nullopt;
  }
  return w;
}

void send_html(httplib::Response& res, const std::string& body, int status) {
  res.status = status;
  res.set_content(body, "text/html; charset=utf-8");
}

void send_redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

std::optional<std::string> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool write_atomically(const fs::path& p, const std::string& bytes, std::string* why) {
  const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".congbo-tmp");
  std::error_code made;
  fs::create_directories(p.parent_path(), made);  // the first model of a site makes content/mo-hinh/
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) {
      *why = "không ghi được " + tmp.string();
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, p, ec);
  if (ec) *why = ec.message();
  return !ec;
}

std::optional<SiteConfig> site_config(const DeskContext& cx, Diagnostics& diags) {
  auto bytes = read_bytes(cx.options.site_dir / "site.toml");
  if (!bytes) return std::nullopt;
  return parse_config(*bytes, "site.toml", diags);
}

Diagnostics check_site(const DeskContext& cx) {
  BuildOptions o;
  o.site_dir = cx.options.site_dir;
  o.write = false;
  o.verify_archive = false;  // a writer's save cannot damage the archive; congbo check and publish still read it
  Diagnostics diags;
  BuildReport report;
  build(o, diags, &report);
  return diags;
}

bool safe_content_path(const fs::path& site, const std::string& rel) {
  static const std::regex shape(R"(content/((van-ban|mo-hinh)/)?[a-z0-9][a-z0-9-]{0,120}\.md)");
  if (!std::regex_match(rel, shape)) return false;
  std::error_code ec;
  return !fs::is_symlink(site / rel, ec);
}

std::string named_data_file(const DeskContext& cx, const std::string& folder, const std::string& id) {
  static const std::regex shape("[a-z0-9][a-z0-9-]{0,80}");
  if (!std::regex_match(id, shape)) return "";
  const std::string rel = folder + id + ".toml";
  std::error_code ec;
  const fs::path p = cx.options.site_dir / rel;
  if (fs::is_symlink(fs::symlink_status(p, ec)) || !fs::is_regular_file(p, ec)) return "";
  return rel;
}

Units site_units(const DeskContext& cx, Diagnostics& diags) {
  const auto text = read_bytes(cx.options.site_dir / "content/don-vi.toml");
  return Units::load(text ? *text : "", "content/don-vi.toml", diags);
}

std::vector<Campaign> site_campaigns(const DeskContext& cx, Diagnostics& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cx.options.site_dir / "content/thi-dua", ec)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Campaign> out;
  // Every .toml file directly in the folder, as the build reads them (a
  // name the desk cannot open for editing is still a campaign to check against).
  for (const fs::path& f : files) {
    std::error_code ec;
    if (f.extension() != ".toml" || fs::is_symlink(fs::symlink_status(f, ec)) || !fs::is_regular_file(f, ec)) continue;
    const std::string rel = "content/thi-dua/" + f.filename().string();
    if (auto c = Campaign::load(read_bytes(f).value_or(""), rel, diags)) out.push_back(std::move(*c));
  }
  return out;
}

std::string form_value(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name.c_str())) return req.get_file_value(name.c_str()).content;
  return req.get_param_value(name.c_str());
}

DocumentForm posted_document(const httplib::Request& req) {
  DocumentForm f;
  for (const std::string& name : document_field_names()) *document_field(f, name) = form_value(req, name);
  return f;
}

ModelForm posted_model(const httplib::Request& req) {
  ModelForm f;
  for (auto [name, into] : {std::pair<const char*, std::string*>{"title", &f.title}, {"date", &f.date}, {"unit", &f.unit},
                            {"year", &f.year}, {"category", &f.category}, {"plan", &f.plan}, {"body", &f.body}}) {
    *into = form_value(req, name);
  }
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(i);
    const std::string src = form_value(req, "image-src-" + n);
    if (src.empty()) break;
    f.images.push_back({src, form_value(req, "image-" + n), form_value(req, "caption-" + n)});
  }
  return f;
}

PageForm posted_page(const httplib::Request& req) {
  return {form_value(req, "title"), form_value(req, "description"), form_value(req, "body")};
}

bool check_written(const DeskContext& cx, const std::string& file, const WrittenDocument& doc,
                   std::map<std::string, FieldMessages>& fields, std::vector<std::string>& general) {
  bool errors = false;
  const Diagnostics found = check_site(cx);
  for (const Diagnostic& d : found.items()) {
    if (d.severity == Severity::Note) continue;
    const bool error = d.severity == Severity::Error;
    errors = errors || error;
    const std::string field = d.path == file ? field_for_line(doc, d.line) : "";
    if (field.empty()) {
      if (error) general.push_back(d.format());
      continue;
    }
    (error ? fields[field].errors : fields[field].warnings).push_back(d.message);
  }
  if (errors && general.empty()) general.push_back("Tệp đã được ghi nhưng chưa lưu vào kho: hãy sửa các lỗi ghi cạnh từng ô.");
  return !errors;
}

std::optional<EditStart> start_edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res,
                                    bool (*path_ok)(const DeskContext&, const std::string&)) {
  auto w = current_writer(cx, req);
  if (!w) {
    send_redirect(res, "/dang-nhap");
    return std::nullopt;
  }
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  if (!cfg) {
    send_html(res, "<p>site.toml không đọc được.</p>", 500);
    return std::nullopt;
  }
  EditStart e{*w, std::move(*cfg), req.get_param_value("tep"), "", std::nullopt, {}};
  e.form.csrf = w->session.csrf;
  e.form.writer = w->account->name;
  if (e.rel.empty()) return e;
  auto bytes = path_ok(cx, e.rel) ? read_bytes(cx.options.site_dir / e.rel) : std::nullopt;
  if (!bytes) {
    send_html(res, "<p>Không có tệp này.</p>", 404);
    return std::nullopt;
  }
  e.bytes = std::move(*bytes);
  e.form.file = e.rel;
  e.form.opened = blob_id(e.bytes);
  Diagnostics ignored;  // shown by the checker when saved
  e.page = load_page(e.rel, e.bytes, e.config, ignored);
  return e;
}

std::string unused_path(const DeskContext& cx, const std::string& folder, const std::string& title,
                        const std::string& fallback) {
  std::string base = slugify(title).substr(0, 80);
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = fallback;
  std::string rel = folder + base + ".md";
  for (int n = 2; fs::exists(cx.options.site_dir / rel); ++n) rel = folder + base + "-" + std::to_string(n) + ".md";
  return rel;
}

Saved save_file(DeskContext& cx, const Writer& w, FormPage& page, const WrittenDocument& form_doc,
                std::vector<std::string> also, std::string* commit_id) {
  const fs::path file = cx.options.site_dir / page.file;
  const auto now = read_bytes(file);
  if (now && !page.opened.empty() && blob_id(*now) != page.opened) {
    page.conflict = *now;
    page.opened = blob_id(*now);
    return Saved::Conflict;
  }
  // The file's keys the form has no field for stay as they were.
  const WrittenDocument doc = now ? with_kept_fields(form_doc, *now) : form_doc;
  if (fs::exists(file) && page.opened.empty()) {  // a new file's name was taken meanwhile
    page.general.push_back(page.file + ": tệp này vừa được tạo bởi người khác; hãy lưu lại");
    return Saved::Conflict;
  }
  std::string why;
  if (!write_atomically(file, doc.text, &why)) {
    page.general.push_back(page.file + ": " + why);
    return Saved::Failed;
  }
  page.opened = blob_id(doc.text);
  if (!check_written(cx, page.file, doc, page.fields, page.general)) return Saved::Mistakes;
  also.push_back(page.file);
  auto commit = commit_as(w, cx, also, page.message, &why);
  if (!commit) {
    page.general.push_back("không lưu được vào kho git: " + why);
    return Saved::Failed;
  }
  *commit_id = *commit;
  return Saved::Committed;
}

void answer_save(DeskContext& cx, const Writer& w, httplib::Response& res, Saved saved, const FormPage& page,
                 const std::string& commit_id, const std::string& form) {
  switch (saved) {
    case Saved::Committed:
      cx.sessions.tell(w.session.token, "Đã lưu " + page.file + " (lần lưu " + commit_id.substr(0, 7) + ").");
      return send_redirect(res, "/");
    case Saved::Conflict: return send_html(res, form, 409);
    case Saved::Mistakes: return send_html(res, form, 422);
    case Saved::Failed: return send_html(res, form, 500);
  }
}

std::optional<std::string> commit_as(const Writer& w, const DeskContext& cx, const std::vector<std::string>& files,
                                     const std::string& message, std::string* why) {
  const CommitAuthor author{w.account->name, w.account->email.empty() ? w.account->login : w.account->email};
  return commit_files(cx.options.site_dir, files, author, message, why);
}

void login_routes(httplib::Server& server, DeskContext& cx) {
  common_settings(server);
  server.Get("/dang-nhap", [](const httplib::Request&, httplib::Response& r) { send_html(r, login_page("", "")); });
  server.Post("/dang-nhap", [&cx](const httplib::Request& q, httplib::Response& r) { login(cx, q, r); });
  server.Post("/dang-xuat", [&cx](const httplib::Request& q, httplib::Response& r) { logout(cx, q, r); });
  server.Get("/_soan/desk.js", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(desk_script(), "text/javascript; charset=utf-8");
  });
  server.Get("/_soan/desk.css", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(desk_style(), "text/css; charset=utf-8");
  });
}

std::string desk_refusal(const DeskOptions& o, bool has_accounts) {
  const bool local = o.host == "127.0.0.1" || o.host == "localhost" || o.host == "::1";
  if (!has_accounts) {
    return "chưa có tài khoản nào: tạo tài khoản bằng congbo soan --add-user TÊN --name \"HỌ TÊN\" rồi chạy lại";
  }
  if (o.tls_cert.empty() != o.tls_key.empty()) return "--tls-cert và --tls-key phải đi cùng nhau";
  if (!local && o.tls_cert.empty()) {
    return "mở bàn soạn thảo cho máy khác (--listen " + o.host +
           ") cần HTTPS để mật khẩu không đi qua mạng ở dạng đọc được: thêm --tls-cert TỆP --tls-key TỆP";
  }
  return "";
}

int run_desk(const DeskOptions& options, const std::atomic<bool>* stop) {
  Diagnostics diags;
  DeskContext cx{options, Accounts::load(options.site_dir, diags), Sessions(), {}};
  for (const auto& d : diags.items()) std::cerr << d.format() << "\n";
  if (diags.has_errors()) return 1;
  if (std::string why = desk_refusal(options, !cx.accounts.empty()); !why.empty()) {
    std::cerr << "congbo soan: " << why << "\n";
    return 1;
  }
  std::unique_ptr<httplib::Server> server;
  if (!options.tls_cert.empty()) server = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
  else server = std::make_unique<httplib::Server>();
  if (!server->is_valid()) {
    std::cerr << "congbo soan: không đọc được chứng chỉ hoặc khóa HTTPS (" << options.tls_cert << ", " << options.tls_key << ")\n";
    return 1;
  }
  login_routes(*server, cx);
  document_routes(*server, cx);
  version_routes(*server, cx);
  model_routes(*server, cx);
  plain_page_routes(*server, cx);
  preview_routes(*server, cx);
  results_routes(*server, cx);
  publish_routes(*server, cx);
  unit_routes(*server, cx);
  decision_routes(*server, cx);
  if (!server->bind_to_port(options.host.c_str(), options.port)) {
    std::cerr << "congbo soan: không mở được cổng " << options.host << ":" << options.port << " (có thể đang có chương trình khác dùng)\n";
    return 1;
  }
  const std::string scheme = options.tls_cert.empty() ? "http" : "https";
  if (!options.quiet) std::cout << "Bàn soạn thảo: " << scheme << "://" << options.host << ":" << options.port << "/\n" << std::flush;
  std::thread listener([&] { server->listen_after_bind(); });
  while (!(stop && *stop)) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server->stop();
  listener.join();
  return 0;
}

int add_desk_user(const fs::path& site_dir, const std::string& login, const std::string& name, const std::string& email,
                  const std::string& role, const std::string& password) {
  Diagnostics diags;
  Accounts accounts = Accounts::load(site_dir, diags);
  std::string why;
  if (diags.has_errors() || !accounts.add({login, name, email, role.empty() ? "soan" : role, ""}, password, &why) ||
      !accounts.save(site_dir, &why)) {
    for (const auto& d : diags.items()) std::cerr << d.format() << "\n";
    if (!why.empty()) std::cerr << "congbo soan: " << why << "\n";
    return 1;
  }
  std::cout << "Đã lưu tài khoản " << login << " vào " << Accounts::file_for(site_dir).string() << ".\n";
  return 0;
}

}  // namespace congbo
