// SHA-256 content hashes (OpenSSL's libcrypto), as lowercase hex.
#pragma once

#include <string>
#include <string_view>

namespace brief {

// The SHA-256 of `bytes`: 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace brief
