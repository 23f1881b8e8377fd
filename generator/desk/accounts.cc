// accounts.cc: the accounts file and its password hashes.
#include "accounts.h"

#include <sodium.h>

#include <fstream>
#include <mutex>

#include "signing.h"
#include "text.h"
#include "toml_reader.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

bool valid_login(const std::string& login) {
  if (login.empty() || login.size() > 64) return false;
  for (char c : login) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

std::string hash_password(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return "";
  }
  return out;
}

}  // namespace

fs::path Accounts::file_for(const fs::path& site_dir) { return site_dir / ".congbo" / "tai-khoan.toml"; }

Accounts Accounts::load(const fs::path& site_dir, Diagnostics& diags) {
  sodium_ready();
  Accounts a;
  const fs::path file = file_for(site_dir);
  std::ifstream in(file, std::ios::binary);
  if (!in) return a;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string path = ".congbo/tai-khoan.toml";
  auto v = read_toml(text, path, 1, diags);
  if (!v) return a;
  if (const Value* users = v->find("user")) {
    for (const Value& u : users->items) {
      Account acc;
      for (const auto& [key, field] : u.members) {
        if (key == "login") acc.login = field.str;
        else if (key == "name") acc.name = field.str;
        else if (key == "email") acc.email = field.str;
        else if (key == "role") acc.role = field.str;
        else if (key == "hash") acc.hash = field.str;
      }
      if (valid_login(acc.login) && !acc.hash.empty()) a.accounts_.push_back(std::move(acc));
    }
  }
  return a;
}

bool Accounts::add(Account account, const std::string& password, std::string* why) {
  sodium_ready();
  if (!valid_login(account.login)) {
    *why = "tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (tối đa 64 ký tự)";
    return false;
  }
  if (password.size() < 8) {
    *why = "mật khẩu cần ít nhất 8 ký tự";
    return false;
  }
  if (account.role != "soan" && account.role != "xuat-ban") {
    *why = "vai trò chỉ là \"soan\" (soạn và lưu) hoặc \"xuat-ban\" (soạn, lưu và công bố)";
    return false;
  }
  if (account.name.empty()) account.name = account.login;
  account.hash = hash_password(password);
  if (account.hash.empty()) {
    *why = "không đủ bộ nhớ để tính mã băm mật khẩu";
    return false;
  }
  for (Account& a : accounts_) {
    if (a.login == account.login) {
      a = std::move(account);
      return true;
    }
  }
  accounts_.push_back(std::move(account));
  return true;
}

bool Accounts::save(const fs::path& site_dir, std::string* why) const {
  const fs::path file = file_for(site_dir);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  {
    std::ofstream ignore(file.parent_path() / ".gitignore", std::ios::binary);
    ignore << "# Tài khoản của bàn soạn thảo: không bao giờ đưa vào kho git.\n*\n";
  }
  std::string text = "# Tài khoản của bàn soạn thảo (congbo soan). Đừng sửa tay mã băm mật khẩu.\n";
  for (const Account& a : accounts_) {
    text += "\n[[user]]\nlogin = " + quoted(a.login) + "\nname = " + quoted(a.name) + "\nemail = " + quoted(a.email) +
            "\nrole = " + quoted(a.role) + "\nhash = " + quoted(a.hash) + "\n";
  }
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      *why = "không ghi được " + tmp.string();
      return false;
    }
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
  fs::rename(tmp, file, ec);
  if (ec) {
    *why = ec.message();
    return false;
  }
  return true;
}

const Account* Accounts::find(const std::string& login) const {
  for (const Account& a : accounts_) {
    if (a.login == login) return &a;
  }
  return nullptr;
}

const Account* Accounts::verify(const std::string& login, const std::string& password) const {
  sodium_ready();
  const Account* a = find(login);
  // An unknown login is checked against a hash all the same, so the time
  // taken does not tell which logins exist.
  static const std::string dummy = hash_password("congbo-không-có-tài-khoản-này");
  const std::string& hash = a ? a->hash : dummy;
  const bool ok = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  return ok && a ? a : nullptr;
}

bool same_secret(const std::string& a, const std::string& b) {
  sodium_ready();
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_token(size_t bytes) {
  sodium_ready();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

}  // namespace congbo
