#include "base/sha256.h"

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("Sha256Hex matches the FIPS 180-2 test vectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256Stream pieces;
  pieces.Add("a", 1);
  pieces.Add("bc", 2);
  CHECK(pieces.Finish() == Sha256Hex("abc"));
}

}  // namespace brief
