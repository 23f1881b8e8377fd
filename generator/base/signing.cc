// signing.cc: libsodium's crypto_sign (Ed25519) and crypto_hash_sha256.
#include "signing.h"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

namespace congbo {
namespace {

constexpr std::string_view kKeyHeader = "congbo-khoa-ky 1";
constexpr std::string_view kKeyPrefix = "ed25519:";

std::string to_base64(const unsigned char* bytes, size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// Exactly `want` bytes of base64, or nullopt.
std::optional<std::string> from_base64(std::string_view text, size_t want) {
  std::string out(want, '\0');
  size_t n = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &n, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      n != want || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return out;
}

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// The 64-byte secret key libsodium signs with (seed, then public key) and the public key.
void key_pair(const std::string& seed, unsigned char pk[crypto_sign_PUBLICKEYBYTES],
              unsigned char sk[crypto_sign_SECRETKEYBYTES]) {
  sodium_ready();
  crypto_sign_seed_keypair(pk, sk, bytes(seed));
}

}  // namespace

void sodium_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no randomness: nothing safe can be done
  });
}

std::string sha256_hex(std::string_view message) {
  sodium_ready();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, bytes(message), message.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string SigningKey::public_key() const {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  key_pair(seed, pk, sk);
  sodium_memzero(sk, sizeof sk);
  return std::string(kKeyPrefix) + to_base64(pk, sizeof pk);
}

std::string SigningKey::sign(std::string_view message) const {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
  key_pair(seed, pk, sk);
  crypto_sign_detached(sig, nullptr, bytes(message), message.size(), sk);
  sodium_memzero(sk, sizeof sk);
  return to_base64(sig, sizeof sig);
}

SigningKey new_signing_key() {
  sodium_ready();
  SigningKey key;
  key.seed.resize(crypto_sign_SEEDBYTES);
  randombytes_buf(key.seed.data(), key.seed.size());
  return key;
}

std::string key_file_text(const SigningKey& key) {
  return std::string(kKeyHeader) + "\n" + to_base64(bytes(key.seed), key.seed.size()) + "\n";
}

std::optional<SigningKey> create_key_file(const std::filesystem::path& file, std::string* why) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path dir = fs::absolute(file, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      *why = "tệp khóa ký không được nằm trong kho git (" + dir.string() +
             "): khóa lọt vào kho là lộ cho mọi người. Hãy lưu ở thư mục khác, ví dụ ~/.config/congbo/khoa-ky";
      return std::nullopt;
    }
    if (dir == dir.parent_path()) break;
  }
  fs::create_directories(fs::absolute(file, ec).parent_path(), ec);
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    *why = errno == EEXIST ? "đã có tệp này; congbo không ghi đè một khóa (khóa cũ mất là không ký được nữa)"
                           : std::string("không tạo được tệp: ") + std::strerror(errno);
    return std::nullopt;
  }
  const SigningKey key = new_signing_key();
  const std::string text = key_file_text(key);
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) {
    *why = "không ghi được tệp khóa";
    return std::nullopt;
  }
  return key;
}

std::optional<SigningKey> read_signing_key(const std::filesystem::path& file, std::string* why) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *why = "không mở được tệp khóa ký";
    return std::nullopt;
  }
  std::string header, seed;
  std::getline(in, header);
  std::getline(in, seed);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (!seed.empty() && seed.back() == '\r') seed.pop_back();
  if (header != kKeyHeader) {
    *why = "không phải tệp khóa ký của congbo (tạo bằng: congbo keygen TỆP)";
    return std::nullopt;
  }
  auto raw = from_base64(seed, crypto_sign_SEEDBYTES);
  if (!raw) {
    *why = "tệp khóa ký bị hỏng (dòng thứ hai không phải khóa)";
    return std::nullopt;
  }
  return SigningKey{*raw};
}

bool valid_public_key(std::string_view public_key) {
  return public_key.substr(0, kKeyPrefix.size()) == kKeyPrefix &&
         from_base64(public_key.substr(kKeyPrefix.size()), crypto_sign_PUBLICKEYBYTES).has_value();
}

bool signature_valid(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (!valid_public_key(public_key)) return false;
  auto pk = from_base64(public_key.substr(kKeyPrefix.size()), crypto_sign_PUBLICKEYBYTES);
  auto sig = from_base64(signature, crypto_sign_BYTES);
  if (!sig) return false;
  sodium_ready();
  return crypto_sign_verify_detached(bytes(*sig), bytes(message), message.size(), bytes(*pk)) == 0;
}

}  // namespace congbo
