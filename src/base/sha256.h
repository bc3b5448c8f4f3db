// SHA-256 content hashes (Nettle's), as lowercase hex.
#pragma once

#include <string>
#include <string_view>

namespace brief {

// The SHA-256 of `bytes`: 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

// A SHA-256 computed over bytes given in pieces.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  void Add(const char* data, size_t size);
  // The hash of everything added (64 lowercase hex digits); call once.
  std::string Finish();

 private:
  void* context_;  // sha256_ctx
};

}  // namespace brief
