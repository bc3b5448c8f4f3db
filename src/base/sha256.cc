#include "base/sha256.h"

#include <nettle/sha2.h>

namespace brief {

namespace {

std::string Hex(const uint8_t* digest, size_t size) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  Sha256Stream sha;
  sha.Add(bytes.data(), bytes.size());
  return sha.Finish();
}

Sha256Stream::Sha256Stream() : context_(new sha256_ctx) {
  sha256_init(static_cast<sha256_ctx*>(context_));
}

Sha256Stream::~Sha256Stream() { delete static_cast<sha256_ctx*>(context_); }

void Sha256Stream::Add(const char* data, size_t size) {
  sha256_update(static_cast<sha256_ctx*>(context_), size, reinterpret_cast<const uint8_t*>(data));
}

std::string Sha256Stream::Finish() {
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(static_cast<sha256_ctx*>(context_), SHA256_DIGEST_SIZE, digest);
  return Hex(digest, SHA256_DIGEST_SIZE);
}

}  // namespace brief
