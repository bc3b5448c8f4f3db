#include "render/embed_font.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "validate/logo_check.h"

namespace brief {

namespace {

// True when the dictionary has `key` (GetItem would raise an error for a
// missing key or a class mismatch, and libharu errors are sticky).
bool HasKey(HPDF_Dict dict, const char* key) {
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    if (std::string(element->key) == key) return true;
  }
  return false;
}

// Writes bytes to a private temporary file; returns its path or "".
std::string WriteTemp(const std::string& bytes) {
  char path[] = "/tmp/brief-font-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "";
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      close(fd);
      unlink(path);
      return "";
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  return path;
}

}  // namespace

HPDF_Font EmbedSubsetFont(HPDF_Doc pdf, const FontFace& face, const std::vector<int>& code_points,
                          std::string* error) {
  auto subset = face.Subset(code_points, error);
  if (!subset) return nullptr;
  std::string path = WriteTemp(*subset);
  if (path.empty()) {
    *error = "cannot write a temporary font file";
    return nullptr;
  }
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  unlink(path.c_str());
  if (!name) {
    *error = fmt::format("libharu could not load font '{}'", face.path());
    return nullptr;
  }
  HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
  if (!font) {
    *error = fmt::format("libharu could not use font '{}' for UTF-8 text", face.path());
    return nullptr;
  }
  return font;
}

bool FixToUnicode(PdfDocument& doc, const std::map<int, HPDF_Font>& fonts,
                  const std::map<int, std::vector<int>>& used) {
  for (const auto& [face, font] : fonts) {
    // libharu 2.3.0 fills ToUnicode with its UTF-8 encoding CMap (a CID
    // CMap, wrong here). Rewrite that stream in place, so no orphan is left.
    HPDF_Dict cmap = static_cast<HPDF_Dict>(
        HPDF_Dict_GetItem(static_cast<HPDF_Dict>(font), "ToUnicode", HPDF_OCLASS_DICT));
    if (!cmap || !cmap->stream) {
      doc.Fail("libharu wrote no ToUnicode map to replace");
      return false;
    }
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"}) {
      if (HasKey(cmap, key)) HPDF_Dict_RemoveElement(cmap, key);
    }
    HPDF_MemStream_FreeData(cmap->stream);
    std::string text =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    const std::vector<int>& cps = used.at(face);
    std::vector<int> bmp;
    for (int cp : cps) {
      if (cp >= 0 && cp < 0x10000) bmp.push_back(cp);
    }
    for (size_t i = 0; i < bmp.size(); i += 100) {
      size_t n = std::min<size_t>(100, bmp.size() - i);
      text += fmt::format("{} beginbfchar\n", n);
      for (size_t k = i; k < i + n; ++k) text += fmt::format("<{:04X}> <{:04X}>\n", bmp[k], bmp[k]);
      text += "endbfchar\n";
    }
    text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                      static_cast<HPDF_UINT>(text.size()));
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  }
  return doc.ok();
}

HPDF_Image LoadImage(HPDF_Doc pdf, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  ImageType type = SniffImage(std::string(head, static_cast<size_t>(in.gcount())));
  if (type == ImageType::kPng) return HPDF_LoadPngImageFromFile(pdf, path.c_str());
  if (type == ImageType::kJpeg) return HPDF_LoadJpegImageFromFile(pdf, path.c_str());
  return nullptr;
}

}  // namespace brief
