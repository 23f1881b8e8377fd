// desk.cc: the desk's server and what each request does.
#include "desk.h"

#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <thread>

#include "accounts.h"
#include "desk_assets.h"
#include "desk_pages.h"
#include "document_form.h"
#include "git_commit.h"
#include "markdown.h"
#include "page.h"
#include "sessions.h"
#include "site.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

const char* kCookie = "congbo_soan";
const char* kDocuments = "content/van-ban/";

std::optional<std::string> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool write_atomically(const fs::path& p, const std::string& bytes, std::string* why) {
  const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".congbo-tmp");
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

// A document's file as a request names it: only content/van-ban/NAME.md,
// NAME in lower-case letters, digits and hyphens — never a path that leaves
// the folder, never a symbolic link.
bool safe_document_path(const fs::path& site, const std::string& rel) {
  static const std::regex shape(R"(content/van-ban/[a-z0-9][a-z0-9-]{0,120}\.md)");
  if (!std::regex_match(rel, shape)) return false;
  std::error_code ec;
  return !fs::is_symlink(site / rel, ec);
}

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

void html(httplib::Response& res, const std::string& body, int status = 200) {
  res.status = status;
  res.set_content(body, "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

}  // namespace

class Desk {
 public:
  Desk(const DeskOptions& options, Accounts accounts) : options_(options), accounts_(std::move(accounts)) {}
  void routes(httplib::Server& server);

 private:
  struct Writer {
    const Account* account;
    Session session;
  };
  std::optional<Writer> writer(const httplib::Request& req);
  std::optional<Writer> writer_posting(const httplib::Request& req, httplib::Response& res);
  void login(const httplib::Request& req, httplib::Response& res);
  void logout(const httplib::Request& req, httplib::Response& res);
  void list(const httplib::Request& req, httplib::Response& res);
  void edit(const httplib::Request& req, httplib::Response& res);
  void save(const httplib::Request& req, httplib::Response& res);
  void preview(const httplib::Request& req, httplib::Response& res);
  std::optional<SiteConfig> config(Diagnostics& diags) const;
  Diagnostics check() const;
  void save_checked(FormPage& page, const WrittenDocument& doc, const Writer& w, httplib::Response& res);

  DeskOptions options_;
  Accounts accounts_;
  Sessions sessions_;
  std::mutex saving_;  ///< one save at a time: the file, the check and the commit go together
};

std::optional<Desk::Writer> Desk::writer(const httplib::Request& req) {
  auto session = sessions_.find(cookie_token(req));
  if (!session) return std::nullopt;
  const Account* a = accounts_.find(session->login);
  if (!a) return std::nullopt;
  return Writer{a, *session};
}

// A request that changes something: a session and its CSRF token, or 403.
std::optional<Desk::Writer> Desk::writer_posting(const httplib::Request& req, httplib::Response& res) {
  auto w = writer(req);
  if (!w || req.get_param_value("csrf") != w->session.csrf || w->session.csrf.empty()) {
    html(res, "<!DOCTYPE html><meta charset=\"utf-8\"><p>Yêu cầu bị từ chối: phiên đăng nhập không hợp lệ hoặc đã hết hạn. "
              "<a href=\"/dang-nhap\">Đăng nhập lại</a>.</p>", 403);
    return std::nullopt;
  }
  return w;
}

void Desk::login(const httplib::Request& req, httplib::Response& res) {
  const std::string login = trim(req.get_param_value("login"));
  if (sessions_.locked(login)) {
    html(res, login_page("Đăng nhập sai quá nhiều lần: tài khoản này tạm khóa 15 phút.", login), 429);
    return;
  }
  std::this_thread::sleep_for(sessions_.wait_for(login));  // slowed after three failures
  const Account* a = accounts_.verify(login, req.get_param_value("password"));
  if (!a) {
    sessions_.failed(login);
    html(res, login_page("Tên đăng nhập hoặc mật khẩu không đúng.", login), 401);
    return;
  }
  sessions_.succeeded(login);
  const bool tls = !options_.tls_cert.empty();
  res.set_header("Set-Cookie", std::string(kCookie) + "=" + sessions_.open(a->login) +
                                   "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
  redirect(res, "/");
}

void Desk::logout(const httplib::Request& req, httplib::Response& res) {
  if (!writer_posting(req, res)) return;
  sessions_.close(cookie_token(req));
  res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  redirect(res, "/dang-nhap");
}

std::optional<SiteConfig> Desk::config(Diagnostics& diags) const {
  auto bytes = read_bytes(options_.site_dir / "site.toml");
  if (!bytes) return std::nullopt;
  return parse_config(*bytes, "site.toml", diags);
}

// What `congbo check` says of the site now.
Diagnostics Desk::check() const {
  BuildOptions o;
  o.site_dir = options_.site_dir;
  o.write = false;
  Diagnostics diags;
  BuildReport report;
  build(o, diags, &report);
  return diags;
}

void Desk::list(const httplib::Request& req, httplib::Response& res) {
  auto w = writer(req);
  if (!w) return redirect(res, "/dang-nhap");
  Diagnostics diags;
  auto cfg = config(diags);
  std::vector<DocumentItem> docs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.site_dir / kDocuments, ec)) {
    const std::string name = e.path().filename().string();
    const std::string rel = kDocuments + name;
    if (!cfg || !ends_with(name, ".md") || name == "_index.md" || !safe_document_path(options_.site_dir, rel)) continue;
    Diagnostics ignored;
    if (auto p = load_page(rel, read_bytes(e.path()).value_or(""), *cfg, ignored)) {
      docs.push_back({rel, p->doc.number, p->title, p->date ? p->date->display() : ""});
    } else {
      docs.push_back({rel, "", name, ""});
    }
  }
  std::sort(docs.begin(), docs.end(), [](const DocumentItem& a, const DocumentItem& b) { return a.file < b.file; });
  std::vector<std::string> problems;
  for (const Diagnostic& d : check().items()) {
    if (d.severity == Severity::Error) problems.push_back(d.format());
  }
  html(res, list_page(w->session.csrf, w->account->name, docs, problems, req.get_param_value("da-luu")));
}

void Desk::edit(const httplib::Request& req, httplib::Response& res) {
  auto w = writer(req);
  if (!w) return redirect(res, "/dang-nhap");
  Diagnostics diags;
  auto cfg = config(diags);
  if (!cfg) return html(res, "<p>site.toml không đọc được.</p>", 500);
  FormPage page;
  page.csrf = w->session.csrf;
  page.writer = w->account->name;
  const std::string rel = req.get_param_value("tep");
  if (!rel.empty()) {
    if (!safe_document_path(options_.site_dir, rel)) return html(res, "<p>Không có văn bản này.</p>", 404);
    auto bytes = read_bytes(options_.site_dir / rel);
    if (!bytes) return html(res, "<p>Không có văn bản này.</p>", 404);
    page.file = rel;
    page.opened = blob_id(*bytes);
    Diagnostics ignored;
    if (auto p = load_page(rel, *bytes, *cfg, ignored)) page.form = form_from_page(*p);
    else page.form.body = *bytes;
  }
  html(res, form_page(page, *cfg));
}

void Desk::preview(const httplib::Request& req, httplib::Response& res) {
  if (!writer_posting(req, res)) return;
  Diagnostics diags;
  auto cfg = config(diags);
  MarkdownOptions opts{cfg ? cfg->base_path() : "/", "xem-truoc", 1, nullptr};
  Diagnostics found;
  RenderedMarkdown r = render_markdown(req.get_param_value("body"), opts, found);
  res.set_content(r.html, "text/html; charset=utf-8");
}

// A name for a new document's file: from its number, else its title; unused.
std::string new_document_path(const fs::path& site, const DocumentForm& f) {
  std::string base = slugify(!trim(f.number).empty() ? f.number : f.title);
  if (base.empty()) base = "van-ban";
  base = base.substr(0, 100);
  std::string rel = kDocuments + base + ".md";
  for (int n = 2; fs::exists(site / rel); ++n) rel = kDocuments + base + "-" + std::to_string(n) + ".md";
  return rel;
}

void Desk::save(const httplib::Request& req, httplib::Response& res) {
  auto w = writer_posting(req, res);
  if (!w) return;
  Diagnostics diags;
  auto cfg = config(diags);
  if (!cfg) return html(res, "<p>site.toml không đọc được.</p>", 500);
  FormPage page;
  page.csrf = w->session.csrf;
  page.writer = w->account->name;
  page.file = req.get_param_value("tep");
  page.opened = req.get_param_value("opened");
  page.message = trim(req.get_param_value("message"));
  for (const std::string& name : document_field_names()) *document_field(page.form, name) = req.get_param_value(name.c_str());
  if (!page.file.empty() && !safe_document_path(options_.site_dir, page.file)) return html(res, "<p>Tệp không hợp lệ.</p>", 400);
  if (!iso_from_display(page.form.date)) page.fields["date"].errors.push_back("ngày phải viết dạng ngày/tháng/năm, ví dụ 21/10/2020");
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thay đổi gì");
  if (!page.fields.empty()) return html(res, form_page(page, *cfg), 422);

  std::lock_guard<std::mutex> lock(saving_);
  if (!page.file.empty()) {  // edited: has someone else saved it since it was opened?
    auto now = read_bytes(options_.site_dir / page.file);
    if (now && blob_id(*now) != page.opened) {
      page.conflict = *now;
      page.opened = blob_id(*now);
      return html(res, form_page(page, *cfg), 409);
    }
  } else {
    page.file = new_document_path(options_.site_dir, page.form);
  }
  WrittenDocument doc = write_document(page.form);
  std::string why;
  if (!write_atomically(options_.site_dir / page.file, doc.text, &why)) {
    page.general.push_back(page.file + ": " + why);
    return html(res, form_page(page, *cfg), 500);
  }
  page.opened = blob_id(doc.text);
  save_checked(page, doc, *w, res);
}

// The file is written: the checker's messages go beside their fields, and
// without errors it is committed in the writer's name.
void Desk::save_checked(FormPage& page, const WrittenDocument& doc, const Writer& w, httplib::Response& res) {
  Diagnostics diags;
  auto cfg = config(diags);
  bool errors = false;
  for (const Diagnostic& d : check().items()) {
    if (d.severity == Severity::Note) continue;
    const bool error = d.severity == Severity::Error;
    errors = errors || error;
    const std::string field = d.path == page.file ? field_for_line(doc, d.line) : "";
    if (field.empty()) {
      if (error) page.general.push_back(d.format());
      continue;
    }
    (error ? page.fields[field].errors : page.fields[field].warnings).push_back(d.message);
  }
  if (errors) {
    if (page.general.empty()) page.general.push_back("Tệp đã được ghi nhưng chưa lưu vào kho: hãy sửa các lỗi ghi cạnh từng ô.");
    return html(res, form_page(page, *cfg), 422);
  }
  std::string why;
  const CommitAuthor author{w.account->name, w.account->email.empty() ? w.account->login : w.account->email};
  auto commit = commit_files(options_.site_dir, {page.file}, author, page.message, &why);
  if (!commit) {
    page.general.push_back("không lưu được vào kho git: " + why);
    return html(res, form_page(page, *cfg), 500);
  }
  redirect(res, "/?da-luu=" + httplib::detail::encode_query_param("Đã lưu " + page.file + " (lần lưu " +
                                                                    commit->substr(0, 7) + ")."));
}

void Desk::routes(httplib::Server& server) {
  server.set_default_headers({{"X-Frame-Options", "DENY"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "same-origin"},
                              {"Cache-Control", "no-store"},
                              {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"}});
  server.set_payload_max_length(8u << 20);
  server.set_read_timeout(10, 0);
  server.Get("/dang-nhap", [](const httplib::Request&, httplib::Response& r) { html(r, login_page("", "")); });
  server.Post("/dang-nhap", [this](const httplib::Request& q, httplib::Response& r) { login(q, r); });
  server.Post("/dang-xuat", [this](const httplib::Request& q, httplib::Response& r) { logout(q, r); });
  server.Get("/", [this](const httplib::Request& q, httplib::Response& r) { list(q, r); });
  server.Get("/van-ban/moi", [this](const httplib::Request& q, httplib::Response& r) { edit(q, r); });
  server.Get("/sua", [this](const httplib::Request& q, httplib::Response& r) { edit(q, r); });
  server.Post("/luu", [this](const httplib::Request& q, httplib::Response& r) { save(q, r); });
  server.Post("/xem-thu", [this](const httplib::Request& q, httplib::Response& r) { preview(q, r); });
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
  if (!local && (o.tls_cert.empty() || o.tls_key.empty())) {
    return "mở bàn soạn thảo cho máy khác (--listen " + o.host +
           ") cần HTTPS để mật khẩu không đi qua mạng ở dạng đọc được: thêm --tls-cert TỆP --tls-key TỆP";
  }
  if (o.tls_cert.empty() != o.tls_key.empty()) return "--tls-cert và --tls-key phải đi cùng nhau";
  return "";
}

int run_desk(const DeskOptions& options, const std::atomic<bool>* stop) {
  Diagnostics diags;
  Accounts accounts = Accounts::load(options.site_dir, diags);
  if (diags.has_errors()) {
    for (const auto& d : diags.items()) std::cerr << d.format() << "\n";
    return 1;
  }
  if (std::string why = desk_refusal(options, !accounts.empty()); !why.empty()) {
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
  Desk desk(options, std::move(accounts));
  desk.routes(*server);
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
