#include "text/unicode.h"

#include <cstddef>

#include <hb.h>
#include <unicode/uchar.h>

namespace brief {

namespace {

hb_unicode_funcs_t* Funcs() {
  static hb_unicode_funcs_t* funcs = hb_unicode_funcs_get_default();
  return funcs;
}

}  // namespace

std::vector<uint32_t> ResolveScripts(const std::vector<int>& text) {
  std::vector<uint32_t> scripts(text.size());
  uint32_t previous = HB_SCRIPT_COMMON;
  size_t first_real = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    hb_script_t s = hb_unicode_script(Funcs(), static_cast<hb_codepoint_t>(text[i]));
    if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN) {
      scripts[i] = previous;
    } else {
      scripts[i] = previous = s;
      if (first_real == text.size()) first_real = i;
    }
  }
  // Leading Common characters take the first real script.
  for (size_t i = 0; i < first_real && first_real < text.size(); ++i) scripts[i] = scripts[first_real];
  return scripts;
}

bool ExtendsCluster(int cp) {
  if (cp == 0x200C || cp == 0x200D) return true;                 // ZWNJ, ZWJ
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) return true;
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return true;               // Emoji skin tones
  if (cp >= 0xE0020 && cp <= 0xE007F) return true;               // Emoji tag sequences
  switch (hb_unicode_general_category(Funcs(), static_cast<hb_codepoint_t>(cp))) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

bool IsDefaultIgnorable(int cp) {
  // DerivedCoreProperties.txt, Default_Ignorable_Code_Point.
  return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
         (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
         (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF);
}

bool IsBidiControl(int cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string Isolate(const std::string& field) { return "\u2068" + field + "\u2069"; }

bool MayNeedBidi(const std::vector<int>& text) {
  for (int cp : text) {
    if (cp < 0x0590) continue;
    if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
        (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x061C ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return true;
    }
  }
  return false;
}

int DisplayWidth(int cp) {
  if (ExtendsCluster(cp) || IsDefaultIgnorable(cp)) return 0;
  int width = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace brief
