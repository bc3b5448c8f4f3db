#include "render/pdf_document.h"

#include <fmt/format.h>

namespace brief {

PdfDocument::PdfDocument() {
  doc_ = HPDF_New(&PdfDocument::OnError, this);
  if (!doc_) message_ = "libharu could not create a document (out of memory)";
}

PdfDocument::~PdfDocument() {
  if (doc_) HPDF_Free(doc_);
}

void PdfDocument::OnError(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* d = static_cast<PdfDocument*>(self);
  if (d->error_ == 0) {
    d->error_ = error;
    d->detail_ = detail;
  }
}

void PdfDocument::Fail(const std::string& message) {
  if (message_.empty()) message_ = message;
  if (error_ == 0) error_ = 1;
}

std::string PdfDocument::error() const {
  if (!message_.empty()) return message_;
  return fmt::format("libharu error 0x{:04X} (detail {})", static_cast<unsigned>(error_),
                     static_cast<unsigned>(detail_));
}

}  // namespace brief
