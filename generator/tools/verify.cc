// verify.cc: a file by its hash, a release file by file, both under the signature.
#include "verify.h"

#include <ostream>
#include <set>

#include "config.h"
#include "output.h"
#include "proof.h"
#include "signing.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

// A release folder, or publish's --to folder (then the release it serves).
fs::path release_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / kProofRoot, ec) && fs::is_symlink(dir / "current", ec)) return fs::canonical(dir / "current", ec);
  return dir;
}

// The folder above `file` that holds a proof, or empty.
fs::path folder_with_proof(const fs::path& file) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(file, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / kProofRoot, ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return {};
}

std::string trusted_key(const VerifyOptions& o, Diagnostics& diags) {
  if (!o.public_key.empty()) {
    if (!valid_public_key(o.public_key)) diags.error("--public-key", 0, 0, "khóa công khai phải có dạng \"ed25519:…\"");
    return o.public_key;
  }
  Diagnostics ignored;
  auto text = file_bytes(o.site_dir / "site.toml");
  auto config = text ? parse_config(*text, "site.toml", ignored) : std::nullopt;
  if (!config || config->public_key.empty()) {
    diags.error((o.site_dir / "site.toml").string(), 0, 0,
                "cần khóa công khai của trang để xác minh: chạy lệnh trong thư mục trang có site.toml ghi public_key, "
                "hoặc thêm --public-key ed25519:… (khóa in trên trang /xac-minh/ của trang)");
    return "";
  }
  return config->public_key;
}

// The proof at `dir`, only when the key signed it.
std::optional<Proof> signed_proof(const fs::path& dir, const std::string& key, Diagnostics& diags) {
  std::string why;
  auto proof = read_proof(dir, &why);
  if (!proof) {
    diags.error(dir.string(), 0, 0, why);
    return std::nullopt;
  }
  const std::string root = file_bytes(dir / kProofRoot).value_or("");
  const std::string sig = trim(file_bytes(dir / kProofSignature).value_or(""));
  if (sig.empty()) {
    diags.error((dir / kProofSignature).string(), 0, 0, "bản công bố này không có chữ ký, nên không chứng minh được gì");
    return std::nullopt;
  }
  if (!signature_valid(key, root, sig)) {
    diags.error((dir / kProofRoot).string(), 0, 0,
                "chữ ký không khớp: bản ghi công bố đã bị sửa, hoặc không được ký bằng khóa " + key);
    return std::nullopt;
  }
  return proof;
}

std::string url_of(const std::string& path) {
  if (path == "index.html") return "/";
  if (ends_with(path, "/index.html")) return "/" + path.substr(0, path.size() - 10);
  return "/" + path;
}

std::string stamp_words(const Proof& p, int seq) {
  const ReleaseStamp* r = p.stamp(seq);
  if (!r) return "bản " + std::to_string(seq);
  return "bản " + std::to_string(seq) + " (" + vietnam_time(r->time) + ", commit " + r->commit.substr(0, 7) + ")";
}

bool verify_file(const fs::path& file, const Proof& proof, std::ostream& out, Diagnostics& diags) {
  auto bytes = file_bytes(file);
  if (!bytes) {
    diags.error(file.string(), 0, 0, "không mở được tệp");
    return false;
  }
  const auto found = proof.find(sha256_hex(*bytes));
  if (found.empty()) {
    diags.error(file.string(), 0, 0,
                "không khớp với tệp nào đã công bố trên " + proof.site + ": tệp đã bị sửa (dù một ký tự), hoặc không phải của trang này");
    return false;
  }
  for (const ProofEntry* e : found) {
    out << file.string() << ": đúng là tệp đã công bố trên " << proof.site << ", ở địa chỉ " << url_of(e->path) << ", từ "
        << stamp_words(proof, e->first);
    if (e->last == proof.release.seq) out << "; vẫn có trong bản đang phát hành " << proof.release.seq << "\n";
    else out << " đến " << stamp_words(proof, e->last) << "; bản sau đó đã thay tệp này\n";
  }
  return true;
}

bool verify_release(const fs::path& dir, const Proof& proof, std::ostream& out, Diagnostics& diags) {
  std::map<std::string, std::string> listed;  // path → hash, in this release
  for (const ProofEntry& e : proof.entries) {
    if (e.last == proof.release.seq) listed[e.path] = e.hash;
  }
  std::set<std::string> seen;
  int good = 0, errors = diags.error_count();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    if (rel == Output::marker_name() || is_proof_file(rel)) continue;
    seen.insert(rel);
    auto want = listed.find(rel);
    const std::string hash = sha256_hex(file_bytes(it->path()).value_or(""));
    if (want == listed.end()) diags.error(it->path().string(), 0, 0, "tệp này không có trong bản đã công bố (ai đó đã thêm vào)");
    else if (want->second != hash) diags.error(it->path().string(), 0, 0, "tệp đã bị sửa so với bản đã công bố");
    else ++good;
  }
  for (const auto& [path, hash] : listed) {
    if (!seen.count(path)) diags.error((dir / path).string(), 0, 0, "thiếu tệp này, dù bản đã công bố có nó");
  }
  if (diags.error_count() > errors) return false;
  out << dir.string() << ": đúng là bản " << proof.release.seq << " (" << proof.release.name << ") đã công bố trên " << proof.site
      << " lúc " << vietnam_time(proof.release.time) << " giờ Việt Nam, từ commit "
      << proof.release.commit.substr(0, 7) << ": cả " << good << " tệp khớp, có chữ ký hợp lệ\n";
  return true;
}

}  // namespace

bool verify(const VerifyOptions& options, std::ostream& out, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(options.target, ec)) {
    diags.error(options.target.string(), 0, 0, "không có tệp hay thư mục này");
    return false;
  }
  const std::string key = trusted_key(options, diags);
  if (diags.has_errors()) return false;
  const bool folder = fs::is_directory(options.target, ec);
  fs::path proof_dir = folder ? release_folder(options.target)
                       : !options.against.empty() ? release_folder(options.against)
                                                  : folder_with_proof(options.target);
  if (proof_dir.empty()) {
    diags.error(options.target.string(), 0, 0,
                "cần bản công bố để đối chiếu: thêm --against THƯ_MỤC (thư mục công bố của congbo publish, hoặc một bản phát hành)");
    return false;
  }
  auto proof = signed_proof(proof_dir, key, diags);
  if (!proof) return false;
  return folder ? verify_release(proof_dir, *proof, out, diags) : verify_file(options.target, *proof, out, diags);
}

}  // namespace congbo
