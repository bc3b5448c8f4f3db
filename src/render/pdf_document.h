// RAII around one libharu document, with errors recorded instead of thrown.
#pragma once

#include <hpdf.h>

#include <string>

namespace brief {

// Owns an HPDF_Doc. libharu reports errors through a callback and keeps them
// sticky; this records the first one so callers can check `ok()` after a
// sequence of calls and get a readable message.
class PdfDocument {
 public:
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  bool ok() const { return doc_ != nullptr && error_ == 0; }
  // "libharu error 0x1017 (detail 0)" or the text given to Fail().
  std::string error() const;
  // Records a failure found by the caller (e.g. a NULL font name).
  void Fail(const std::string& message);

 private:
  static void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* self);

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0;
  HPDF_STATUS detail_ = 0;
  std::string message_;
};

}  // namespace brief
