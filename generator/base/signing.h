// signing.h: Ed25519 signatures and SHA-256, through libsodium.
//
// The committee signs each release it publishes (tools/proof.h); anyone
// with the public key checks it. Keys travel as text:
//   public key   "ed25519:<base64 of 32 bytes>"  (site.toml's public_key)
//   secret key   a file of two lines, "congbo-khoa-ky 1" and the base64 of
//                the 32-byte seed; kept outside the site and its repository.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace congbo {

/// libsodium made ready, once per process (aborts when the system has no randomness).
void sodium_ready();

/// SHA-256 of `bytes`, 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

struct SigningKey {
  std::string seed;  ///< 32 bytes
  std::string public_key() const;  ///< "ed25519:…"
  std::string sign(std::string_view message) const;  ///< base64 of the 64-byte detached signature
};

/// A new key, drawn from the system's randomness.
SigningKey new_signing_key();
/// The text of a secret key file (ends with a newline).
std::string key_file_text(const SigningKey& key);
/// Makes a new key and writes it to `file` (created, never overwritten,
/// readable by its owner only). Refuses a place inside a git working tree:
/// a secret key committed by mistake is published with the repository.
std::optional<SigningKey> create_key_file(const std::filesystem::path& file, std::string* why);
/// Reads a secret key file; nullopt with `why` (Vietnamese) when it is not one.
std::optional<SigningKey> read_signing_key(const std::filesystem::path& file, std::string* why);

/// Whether `public_key` is "ed25519:" and 32 bytes of base64.
bool valid_public_key(std::string_view public_key);
/// Whether `signature` (base64) is `public_key`'s over exactly `message`.
bool signature_valid(std::string_view public_key, std::string_view message, std::string_view signature);

}  // namespace congbo
