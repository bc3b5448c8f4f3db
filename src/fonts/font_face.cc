#include "fonts/font_face.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <map>
#include <mutex>
#include <cctype>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <hb-subset.h>
#include <hb.h>
#include <hb-ot.h>

#include "base/big_endian.h"
#include "base/filesystem.h"
#include "fonts/ccmp_analysis.h"

namespace brief {

namespace {

// Tables a PDF's embedded TrueType font does without: glyphs are addressed
// by id (CIDToGIDMap /Identity), so no character map; the page is already
// shaped, so no layout tables; no hinting or device metrics.
bool EmbedsTable(hb_tag_t tag) {
  // Tags as numbers: hb_tag_from_string per table and name was 0.5 M
  // instructions of a one-brief run.
  static constexpr char kDropped[][5] = {
      "cmap", "GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF", "MATH", "DSIG", "hdmx",
      "LTSH", "VDMX", "vhea", "vmtx", "gasp", "FFTM", "meta", "morx", "feat", "STAT",
      "EBDT", "EBLC", "EBSC", "fpgm", "prep", "cvt ", "mort", "kerx", "trak"};
  for (const char* d : kDropped) {
    if (HB_TAG(d[0], d[1], d[2], d[3]) == tag) return false;
  }
  return true;
}

// A face holding `face`'s embeddable tables (the data is shared, not copied).
hb_face_t* EmbeddableFace(hb_face_t* face) {
  hb_face_t* builder = hb_face_builder_create();
  hb_tag_t tags[64];
  unsigned start = 0, count;
  do {
    count = 64;
    hb_face_get_table_tags(face, start, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
      if (!EmbedsTable(tags[i])) continue;
      hb_blob_t* table = hb_face_reference_table(face, tags[i]);
      hb_face_builder_add_table(builder, tags[i], table);
      hb_blob_destroy(table);
    }
    start += count;
  } while (count == 64);
  return builder;
}

}  // namespace

std::string FontFileProblem(const std::string& path, unsigned index, uint64_t size, const FontBytes& read) {
  std::string_view start = read(0, 12);
  std::string_view tag = start.size() == 12 ? start.substr(0, 4) : "";
  if (tag.empty()) return "font file '" + path + "' is truncated";
  if (tag == "OTTO") return "font '" + path + "' is an OpenType/CFF font; only TrueType outlines can be embedded";
  if (tag != std::string_view("\0\1\0\0", 4) && tag != "true" && tag != "ttcf") {
    return "font '" + path + "' is not a TrueType font file";
  }
  auto u16 = [](std::string_view b, size_t at) { return BigEndian16(b.data() + at); };
  auto u32 = [](std::string_view b, size_t at) { return BigEndian32(b.data() + at); };
  const std::string damaged = "font file '" + path + "' is truncated or damaged: ";
  uint64_t directory = 0;
  if (tag == "ttcf") {
    uint32_t faces = u32(start, 8);
    if (index >= faces) return fmt::format("font file '{}' has {} faces; there is no face {}", path, faces, index);
    std::string_view offset = read(12 + 4 * uint64_t{index}, 4);
    if (offset.size() != 4) return damaged + "its list of faces ends early";
    directory = u32(offset, 0);
  }
  std::string_view head = read(directory, 12);
  if (head.size() != 12) return damaged + "its table directory is missing";
  const uint32_t tables = u16(head, 4);
  std::string_view records = read(directory + 12, 16 * uint64_t{tables});
  if (tables == 0 || records.size() != 16 * size_t{tables}) return damaged + "its table directory ends early";
  // Every table inside the file, and the ones metrics and shaping need.
  uint64_t head_at = 0, maxp_at = 0, head_length = 0, maxp_length = 0;
  int needed = 0;
  for (uint32_t i = 0; i < tables; ++i) {
    std::string_view r = records.substr(16 * size_t{i}, 16);
    std::string name(r.substr(0, 4));
    uint64_t offset = u32(r, 8), length = u32(r, 12);
    if (offset + length > size) return damaged + "its '" + name + "' table ends past the end of the file";
    if (name == "head") head_at = offset, head_length = length;
    if (name == "maxp") maxp_at = offset, maxp_length = length;
    for (const char* t : {"head", "maxp", "cmap", "hhea", "hmtx"}) needed += name == t;
  }
  if (needed < 5 || head_length < 54 || maxp_length < 6) {
    return damaged + "it lacks one of the tables every font has (head, maxp, cmap, hhea, hmtx)";
  }
  std::string_view maxp = read(maxp_at, 6);
  std::string_view units = read(head_at + 18, 2);
  if (maxp.size() != 6 || units.size() != 2 || u16(maxp, 4) == 0 || u16(units, 0) < 16) {
    return "font '" + path + "' has no glyphs (truncated or damaged)";
  }
  return "";
}

bool CheckFontFile(const std::string& path, unsigned index, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) close(fd);
    *error = "cannot read font file '" + path + "'";
    return false;
  }
  std::string buffer;
  *error = FontFileProblem(path, index, static_cast<uint64_t>(st.st_size), [&](uint64_t at, uint64_t n) {
    buffer.assign(n, '\0');
    ssize_t got = n > (1u << 20) ? -1 : pread(fd, buffer.data(), n, static_cast<off_t>(at));
    buffer.resize(got > 0 ? static_cast<size_t>(got) : 0);
    return std::string_view(buffer);
  });
  close(fd);
  return error->empty();
}

namespace {

// A font file's face, with its embeddable tables.
struct SharedFace {
  hb_face_t* face = nullptr;
  hb_face_t* embed = nullptr;
};

// Faces are shared by every FontFace of the same file and face index (the
// named instances of a variable font, say): HarfBuzz builds its layout
// accelerators once per face, which is much of the first page's cost.
// Faces are immutable and kept while the file is unchanged: one is known by
// the file's stamp (device, inode, size, modification and change times) as
// well as its path, so a font replaced or rewritten while the process runs
// (brief watch) is mapped and read again, never read through a mapping of
// what the file was. Returns references the caller owns, or {} with *error.
SharedFace OpenFace(const std::string& path, unsigned index, std::string* error) {
  // Owns one reference to each face, released at exit.
  struct Held : SharedFace {
    Held(const SharedFace& f) : SharedFace(f) {}
    Held(const Held&) = delete;
    ~Held() {
      hb_face_destroy(embed);
      hb_face_destroy(face);
    }
  };
  struct Key {
    std::string path;
    unsigned index;
    bool operator<(const Key& o) const { return std::tie(path, index) < std::tie(o.path, o.index); }
  };
  struct Entry {
    Entry(const SharedFace& f, const FileStamp& s) : held(f), stamp(s) {}
    Held held;
    FileStamp stamp;
  };
  static std::mutex mutex;
  static std::map<Key, Entry> faces;
  std::lock_guard<std::mutex> lock(mutex);
  FileStamp stamp;
  if (!DiskFileSystem().Stamp(path, &stamp)) {
    *error = "cannot read font file '" + path + "'";
    return {};
  }
  auto it = faces.find({path, index});
  if (it != faces.end() && it->second.stamp != stamp) {
    // Changed since: FontFaces made from the old face keep their own
    // references to it; new ones get the file as it is now.
    faces.erase(it);
    it = faces.end();
  }
  if (it == faces.end()) {
    // Mapped, not copied: fallback fonts can be megabytes.
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) {
      *error = "cannot read font file '" + path + "'";
      return {};
    }
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string_view bytes(data, length);
    std::string problem = FontFileProblem(path, index, length, [&](uint64_t at, uint64_t n) {
      return at >= bytes.size() ? std::string_view() : bytes.substr(at, n);
    });
    if (!problem.empty()) {
      hb_blob_destroy(blob);
      *error = problem;
      return {};
    }
    SharedFace shared;
    shared.face = hb_face_create(blob, index);
    hb_blob_destroy(blob);  // The face keeps its own reference.
    hb_face_make_immutable(shared.face);
    shared.embed = EmbeddableFace(shared.face);
    hb_face_make_immutable(shared.embed);
    it = faces.try_emplace(Key{path, index}, shared, stamp).first;
  }
  return {hb_face_reference(it->second.held.face), hb_face_reference(it->second.held.embed)};
}

}  // namespace

std::unique_ptr<FontFace> FontFace::Load(const std::string& path, int index, std::string* error) {
  SharedFace shared = OpenFace(path, static_cast<unsigned>(index & 0xFFFF), error);
  if (!shared.face) return nullptr;
  std::unique_ptr<FontFace> f(new FontFace());
  f->path_ = path;
  f->face_ = shared.face;
  f->embed_face_ = shared.embed;
  unsigned upem = hb_face_get_upem(f->face_);
  unsigned glyphs = hb_face_get_glyph_count(f->face_);
  if (glyphs == 0 || upem == 0) {
    *error = "font '" + path + "' has no glyphs (truncated or damaged)";
    return nullptr;
  }
  f->upem_ = upem;
  hb_font_t* font = hb_font_create(f->face_);
  hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
  if (unsigned count = hb_ot_var_get_axis_count(f->face_); count > 0) {
    // A variable font: the named instance asked for (e.g. Bold), or the
    // default one. Its axis values set the metrics and are frozen into
    // every subset, which is then a plain static font.
    std::vector<hb_ot_var_axis_info_t> axes(count);
    hb_ot_var_get_axis_infos(f->face_, 0, &count, axes.data());
    std::vector<float> coords(count);
    for (unsigned i = 0; i < count; ++i) coords[i] = axes[i].default_value;
    if (int instance = index >> 16; instance > 0) {
      unsigned n = count;
      hb_ot_var_named_instance_get_design_coords(f->face_, static_cast<unsigned>(instance - 1), &n,
                                                 coords.data());
      hb_font_set_var_named_instance(font, static_cast<unsigned>(instance - 1));
    }
    for (unsigned i = 0; i < count; ++i) {
      f->axes_.push_back({axes[i].tag, coords[i]});
      if (axes[i].tag == HB_TAG('w', 'g', 'h', 't') && coords[i] >= 600) f->instance_bold_ = true;
    }
  }
  hb_font_make_immutable(font);
  f->font_ = font;
  hb_font_extents_t extents;
  if (hb_font_get_h_extents(font, &extents)) {
    f->ascent_ = static_cast<int>(extents.ascender * 1000 / static_cast<int>(upem));
    f->descent_ = static_cast<int>(extents.descender * 1000 / static_cast<int>(upem));
  }
  hb_position_t cap = 0;
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0) {
    f->cap_height_ = static_cast<int>(cap * 1000 / static_cast<int>(upem));
  }
  // head: xMin, yMin, xMax, yMax are int16 at offsets 36..42; macStyle bit 0
  // (at 44) is bold.
  hb_blob_t* head = hb_face_reference_table(f->face_, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_length = 0;
  const char* h = hb_blob_get_data(head, &head_length);
  if (head_length >= 46) {
    for (int i = 0; i < 4; ++i) {
      auto v = static_cast<int16_t>(BigEndian16(h + 36 + 2 * i));
      f->bbox_[i] = v * 1000 / static_cast<int>(upem);
    }
    f->bold_ = f->instance_bold_ || (static_cast<unsigned char>(h[45]) & 1) != 0;
  }
  hb_blob_destroy(head);
  // PostScript name (name ID 6): ASCII without spaces by the spec, but
  // filter anyway since it becomes a PDF name.
  char name[128] = {};
  unsigned size = sizeof name;
  hb_ot_name_id_t name_id = HB_OT_NAME_ID_POSTSCRIPT_NAME;
  if (int instance = index >> 16; instance > 0) {
    // A named instance may have a PostScript name of its own ("Inter-Bold").
    hb_ot_name_id_t id = hb_ot_var_named_instance_get_postscript_name_id(
        f->face_, static_cast<unsigned>(instance - 1));
    if (id != HB_OT_NAME_ID_INVALID) {
      name_id = id;
    } else {
      // Else family + "-" + the instance's subfamily ("Inter" + "Bold").
      char style[64] = {};
      unsigned style_size = sizeof style;
      hb_ot_name_get_utf8(f->face_,
                          hb_ot_var_named_instance_get_subfamily_name_id(
                              f->face_, static_cast<unsigned>(instance - 1)),
                          hb_language_from_string("en", 2), &style_size, style);
      hb_ot_name_get_utf8(f->face_, name_id, hb_language_from_string("en", 2), &size, name);
      std::string combined = std::string(name) + "-" + style;
      combined.copy(name, sizeof name - 1);
      name[std::min(combined.size(), sizeof name - 1)] = '\0';
      name_id = HB_OT_NAME_ID_INVALID;
    }
  }
  if (name_id != HB_OT_NAME_ID_INVALID) {
    hb_ot_name_get_utf8(f->face_, name_id, hb_language_from_string("en", 2), &size, name);
  }
  for (const char* c = name; *c; ++c) {
    if (std::isalnum(static_cast<unsigned char>(*c)) || *c == '-' || *c == '_') f->postscript_name_ += *c;
  }
  if (f->postscript_name_.empty()) f->postscript_name_ = "Font";
  return f;
}

FontFace::~FontFace() {
  if (font_) hb_font_destroy(font_);
  if (embed_face_) hb_face_destroy(embed_face_);
  if (face_) hb_face_destroy(face_);
}

uint32_t FontFace::NominalGlyph(int cp) const {
  hb_codepoint_t gid = 0;
  if (cp < 0 || !hb_font_get_nominal_glyph(font_, static_cast<hb_codepoint_t>(cp), &gid)) return 0;
  return gid;
}

float FontFace::GlyphAdvance(uint32_t glyph) const {
  return static_cast<float>(hb_font_get_glyph_h_advance(font_, glyph)) * 1000.0f /
         static_cast<float>(upem_);
}

namespace {

// What the ccmp analysis found for a face (see ccmp_analysis.h), made on
// first need and kept with the face (as its user data), so it goes when
// the face goes.
struct CcmpFacts {
  hb_set_t* marks = nullptr;    // M: the glyphs of combining marks.
  bool needs_marks = false;     // ccmp can change only text with marks.
  // Per code point below kTable: 1 when it may be in a run shaped without
  // ccmp (not a mark, a glyph of its own outside M): QualifiesForNoCcmp,
  // looked up.
  static constexpr int kTable = 0x250;  // ASCII to Latin Extended-B.
  std::array<uint8_t, kTable> qualifies{};
  ~CcmpFacts() { hb_set_destroy(marks); }
};

// A code point that may be in a run shaped without ccmp: not a combining
// mark, and with a glyph of its own (so HarfBuzz's normalizer keeps it)
// that is not in M.
bool QualifiesForNoCcmp(hb_font_t* font, const hb_set_t* marks, hb_codepoint_t cp) {
  hb_unicode_general_category_t c = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
  if (c == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || c == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
      c == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK) {
    return false;
  }
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, cp, &glyph) && !hb_set_has(marks, glyph);
}

const CcmpFacts& CcmpFactsFor(hb_face_t* face) {
  static hb_user_data_key_t key;
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  auto* facts = static_cast<CcmpFacts*>(hb_face_get_user_data(face, &key));
  if (!facts) {
    facts = new CcmpFacts();
    facts->marks = hb_set_create();
    CollectMarkGlyphs(face, facts->marks);
    facts->needs_marks = CcmpNeedsMarks(face, facts->marks);
    if (facts->needs_marks) {
      hb_font_t* font = hb_font_create(face);
      for (int cp = 0; cp < CcmpFacts::kTable; ++cp) {
        facts->qualifies[static_cast<size_t>(cp)] =
            QualifiesForNoCcmp(font, facts->marks, static_cast<hb_codepoint_t>(cp));
      }
      hb_font_destroy(font);
    }
    auto destroy = [](void* p) { delete static_cast<CcmpFacts*>(p); };
    if (!hb_face_set_user_data(face, &key, facts, destroy, true)) {
      // Out of memory: no shortcut for this face.
      delete facts;
      static const CcmpFacts kNone;
      return kNone;
    }
  }
  return *facts;
}

// Scripts HarfBuzz shapes with its default shaper, whose GSUB features run
// as ccmp_analysis.h assumes (other shapers reorder, insert dotted circles
// or decompose characters into marks, as Thai's does with SARA AM).
bool DefaultShaperScript(hb_script_t script) {
  return script == HB_SCRIPT_LATIN || script == HB_SCRIPT_CYRILLIC || script == HB_SCRIPT_GREEK ||
         script == HB_SCRIPT_COMMON;
}

}  // namespace

bool FontFace::CcmpNeedsMarks() const { return CcmpFactsFor(face_).needs_marks; }

bool FontFace::WithoutCcmp(const ShapeRequest& r, uint32_t script) const {
  if (r.rtl || !DefaultShaperScript(static_cast<hb_script_t>(script))) return false;
  const CcmpFacts& facts = CcmpFactsFor(face_);
  if (!facts.needs_marks) return false;
  for (int i = r.start; i < r.end; ++i) {
    auto cp = static_cast<hb_codepoint_t>(r.text[static_cast<size_t>(i)]);
    bool qualifies = cp < CcmpFacts::kTable ? facts.qualifies[cp] != 0 : QualifiesForNoCcmp(font_, facts.marks, cp);
    if (!qualifies) return false;
  }
  return true;
}

void FontFace::Shape(const ShapeRequest& r, std::vector<Glyph>* out) const {
  // One buffer per thread, reused: shaping is on every layout's path.
  struct Buffer {
    hb_buffer_t* b = hb_buffer_create();
    ~Buffer() { hb_buffer_destroy(b); }
  };
  thread_local Buffer holder;
  hb_buffer_t* buffer = holder.b;
  hb_buffer_clear_contents(buffer);
  static_assert(sizeof(int) == sizeof(hb_codepoint_t));
  hb_buffer_add_codepoints(buffer, reinterpret_cast<const hb_codepoint_t*>(r.text.data()),
                           static_cast<int>(r.text.size()), static_cast<unsigned>(r.start),
                           r.end - r.start);
  hb_buffer_set_direction(buffer, r.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  const hb_script_t script = r.script ? static_cast<hb_script_t>(r.script) : HB_SCRIPT_COMMON;
  hb_buffer_set_script(buffer, script);
  unsigned flags = HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES;
  if (r.start == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (r.end == static_cast<int>(r.text.size())) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(flags));
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  // ccmp off where it is proved to change nothing (ccmp_analysis.h): the
  // same glyphs, at a fraction of the cost.
  static const hb_feature_t kNoCcmp = {HB_TAG('c', 'c', 'm', 'p'), 0, HB_FEATURE_GLOBAL_START,
                                       HB_FEATURE_GLOBAL_END};
  if (WithoutCcmp(r, script)) {
    hb_shape(font_, buffer, &kNoCcmp, 1);
  } else {
    hb_shape(font_, buffer, nullptr, 0);
  }
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
  const float k = 1000.0f / static_cast<float>(upem_);
  out->reserve(out->size() + count);
  for (unsigned i = 0; i < count; ++i) {
    Glyph g;
    g.id = info[i].codepoint;
    g.cluster = static_cast<int>(info[i].cluster);
    g.advance = static_cast<float>(pos[i].x_advance) * k;
    g.dx = static_cast<float>(pos[i].x_offset) * k;
    g.dy = static_cast<float>(pos[i].y_offset) * k;
    g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    out->push_back(g);
  }
}

std::optional<std::string> FontFace::Subset(const std::vector<uint32_t>& glyphs,
                                            std::unordered_map<uint32_t, uint32_t>* new_ids,
                                            std::string* error) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) {
    *error = "out of memory creating a font subset";
    return std::nullopt;
  }
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  for (uint32_t g : glyphs) hb_set_add(glyph_set, g);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // A variable font's instance is frozen into a static font.
  for (const auto& [tag, value] : axes_) {
    hb_subset_input_pin_axis_location(input, embed_face_, tag, value);
  }
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(embed_face_, input);
  hb_subset_input_destroy(input);
  hb_face_t* subset = plan ? hb_subset_plan_execute_or_fail(plan) : nullptr;
  if (!subset) {
    if (plan) hb_subset_plan_destroy(plan);
    *error = "HarfBuzz could not subset font '" + path_ + "'";
    return std::nullopt;
  }
  // The subset renumbers glyphs; the plan says where each went.
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
  new_ids->clear();
  for (uint32_t g : glyphs) new_ids->emplace(g, hb_map_get(mapping, g));
  hb_subset_plan_destroy(plan);
  hb_blob_t* blob = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string out(data, length);
  hb_blob_destroy(blob);
  hb_face_destroy(subset);
  return out;
}

}  // namespace brief
