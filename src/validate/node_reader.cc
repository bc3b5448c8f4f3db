#include "validate/node_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "base/edit_distance.h"
#include "base/utf8.h"
#include "load/parse_error.h"
#include "text/unicode.h"
#include "validate/suggest.h"

namespace brief {

namespace {

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view WithoutSign(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s;
}

// Plain decimal number, optionally with fraction and exponent.
bool IsDecimal(std::string_view s) {
  s = WithoutSign(s);
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  if (e != std::string_view::npos && !IsDigits(WithoutSign(s.substr(e + 1)))) return false;
  size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return IsDigits(mantissa);
  std::string_view whole = mantissa.substr(0, dot), frac = mantissa.substr(dot + 1);
  return (whole.empty() || IsDigits(whole)) && (frac.empty() || IsDigits(frac)) &&
         !(whole.empty() && frac.empty());
}

// Why a plain scalar is not an acceptable number ("" when it is one).
std::string WhyNotNumber(const std::string& t) {
  std::string lower;
  for (char c : t) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string_view body = WithoutSign(lower);
  if (body == ".inf" || body == ".nan" || body == "inf" || body == "nan") {
    return fmt::format("'{}' is not a finite number", t);
  }
  if (body.rfind("0x", 0) == 0 || body.rfind("0o", 0) == 0 || body.rfind("0b", 0) == 0) {
    return fmt::format("'{}': hexadecimal, octal and binary numbers are not accepted; write it "
                       "in decimal", t);
  }
  if (t.find('_') != std::string::npos || t.find(',') != std::string::npos) {
    return fmt::format("'{}': write numbers without digit separators, with '.' as the decimal point", t);
  }
  return "";
}

}  // namespace

bool IsInside(const std::string& path, const std::string& outer) {
  if (path == outer) return false;
  if (outer.empty()) return true;
  return path.size() > outer.size() && path.compare(0, outer.size(), outer) == 0 &&
         (path[outer.size()] == '.' || path[outer.size()] == '[');
}

std::string NodeReader::LineUpHint(int key_id) const {
  if (key_id < 0) return "check its indentation";
  const SyntaxNode& k = tree_.at(key_id);
  return fmt::format("start it in column {}, like '{}' on line {}", k.position.column, k.text, k.position.line);
}

int MapFields::Get(const std::string& key) const {
  auto it = entries.find(key);
  return it == entries.end() ? -1 : it->second.second;
}

std::string IndexPath(const std::string& path, size_t index) {
  return fmt::format("{}[{}]", path, index);
}

std::string KeyPath(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

void NodeReader::Error(int id, const std::string& path, std::string message, std::string hint) {
  Position p = id >= 0 ? tree_.at(id).position : Position{};
  diagnostics_->push_back({Severity::kError, file_, p.line, p.column, path, std::move(message),
                           std::move(hint), id >= 0 ? tree_.at(id).length : 0});
}

void NodeReader::Warning(int id, const std::string& path, std::string message, std::string hint) {
  Position p = id >= 0 ? tree_.at(id).position : Position{};
  diagnostics_->push_back({Severity::kWarning, file_, p.line, p.column, path, std::move(message),
                           std::move(hint), id >= 0 ? tree_.at(id).length : 0});
}

std::optional<MapFields> NodeReader::ReadMap(int id, const std::string& path,
                                             const std::vector<std::string>& known_keys) {
  const SyntaxNode& n = tree_.at(id);
  if (n.kind != NodeKind::kMap) {
    std::string hint;
    if (n.kind == NodeKind::kScalar && n.plain && LooksLikeUnspacedKey(n.text)) {
      size_t colon = n.text.find(':');
      hint = fmt::format("YAML needs a space after the colon: write '{}: {}'", n.text.substr(0, colon),
                         n.text.substr(colon + 1));
    }
    Error(id, path, fmt::format("expected a mapping of keys to values, got {}",
                                n.kind == NodeKind::kScalar ? "'" + n.text + "'" : KindName(n.kind)),
          hint);
    return std::nullopt;
  }
  MapFields fields;
  fields.node = id;
  fields.path = path;
  const std::vector<int>& children = tree_.children(id);
  mappings_[path] = {known_keys, children.empty() ? -1 : children[0]};
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    int key_id = children[i];
    int value_id = children[i + 1];
    const SyntaxNode& key = tree_.at(key_id);
    if (key.kind != NodeKind::kScalar) {
      Error(key_id, path, "a key must be plain text");
      continue;
    }
    auto [it, inserted] = fields.entries.emplace(key.text, std::make_pair(key_id, value_id));
    if (!inserted) {
      int first_line = tree_.at(it->second.first).position.line;
      Error(key_id, path, fmt::format("key '{}' is given twice, on lines {} and {}", key.text,
                                      first_line, key.position.line),
            "keep one of them");
      continue;
    }
    if (std::find(known_keys.begin(), known_keys.end(), key.text) == known_keys.end()) {
      fields.entries.erase(it);
      std::string guess = NearestMatch(key.text, known_keys);
      std::string message = fmt::format("unknown key '{}'", key.text);
      if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
      if (!guess.empty()) fields.misspelt.insert(guess);
      std::string keys;
      for (const std::string& k : known_keys) keys += (keys.empty() ? "" : ", ") + k;
      if (guess.empty()) {
        // A key of a mapping this one is inside ("history" indented under
        // company): one error, saying where it belongs.
        const std::string* owner = nullptr;
        for (const auto& [other, mapping] : mappings_) {
          if (IsInside(path, other) &&
              std::find(mapping.known.begin(), mapping.known.end(), key.text) != mapping.known.end() &&
              (!owner || other.size() > owner->size())) {
            owner = &other;
          }
        }
        if (owner) {
          misplaced_[*owner].insert(key.text);
          Error(key_id, path,
                fmt::format("unknown key '{}' here; it belongs {}", key.text,
                            owner->empty() ? "at the top level" : "in " + *owner),
                "it is indented too far: " + LineUpHint(mappings_[*owner].first_key));
          continue;
        }
        unknown_.push_back({path, key.text, diagnostics_->size()});
      }
      Error(key_id, path, message, guess.empty() ? "known keys here: " + keys : "");
    }
  }
  return fields;
}

int NodeReader::Require(const MapFields& fields, const std::string& key, const std::string& hint) {
  int id = fields.Get(key);
  // Misspelt: already said, with the fix, at the misspelt key.
  if (id < 0 && !fields.misspelt.count(key) && !misplaced_[fields.path].count(key)) {
    // A key of this mapping found in one it is inside ("role" dedented to
    // company's keys): the unknown-key error says where it belongs.
    for (UnknownKey& u : unknown_) {
      if (u.key != key || u.claimed || !IsInside(fields.path, u.path)) continue;
      u.claimed = true;
      Diagnostic& unknown = (*diagnostics_)[u.diagnostic];
      unknown.message = fmt::format("unknown key '{}' here; it belongs in {}", key, fields.path);
      auto first = mappings_.find(fields.path);
      unknown.hint = "it is indented too little: " + LineUpHint(first == mappings_.end() ? -1 : first->second.first_key);
      return id;
    }
    // The one unknown key of this mapping is taken for the missing one, once.
    UnknownKey* only = nullptr;
    int here = 0;
    for (UnknownKey& u : unknown_) {
      if (u.path == fields.path && !u.claimed && ++here == 1) only = &u;
    }
    if (here == 1) {
      only->claimed = true;
      Diagnostic& unknown = (*diagnostics_)[only->diagnostic];
      unknown.message += fmt::format(" (did you mean '{}'? it is required here)", key);
      unknown.hint = fmt::format("rename '{}' to '{}'", only->key, key);
    } else {
      Error(fields.node, fields.path, fmt::format("missing required key '{}'", key), hint);
    }
  }
  return id;
}

std::optional<std::vector<int>> NodeReader::ReadList(int id, const std::string& path,
                                                     bool required, size_t max_items) {
  const SyntaxNode& n = tree_.at(id);
  if (n.kind == NodeKind::kNull && !required) return std::vector<int>{};
  if (n.kind != NodeKind::kSequence) {
    Error(id, path,
          n.kind == NodeKind::kNull
              ? std::string("expected a list, but the value is empty")
              : fmt::format("expected a list, got {}",
                            n.kind == NodeKind::kScalar ? "'" + n.text + "'" : KindName(n.kind)),
          "start each item on its own line with '- '");
    return std::nullopt;
  }
  const std::vector<int>& items = tree_.children(id);
  if (required && items.empty()) {
    Error(id, path, "needs at least one item");
    return std::nullopt;
  }
  if (items.size() > max_items) {
    Error(id, path, fmt::format("has {} items; the limit is {}", items.size(), max_items));
    return std::nullopt;
  }
  return items;
}

std::optional<std::string> NodeReader::Scalar(int id, const std::string& path,
                                              const char* expected) {
  const SyntaxNode& n = tree_.at(id);
  if (n.kind == NodeKind::kScalar) return n.text;
  if (n.kind == NodeKind::kNull && !n.text.empty()) {
    Error(id, path, fmt::format("expected {}, but the value is empty: YAML reads '{}' after the colon as a comment",
                                expected, n.text),
          "quote it: " + WriteHint(path, "\"" + n.text + "\"").substr(6));
  } else if (n.kind == NodeKind::kNull) {
    Error(id, path, fmt::format("expected {}, but the value is empty", expected));
  } else if (n.kind == NodeKind::kMap && tree_.children(id).size() == 2 && tree_.at(tree_.children(id)[0]).plain &&
             tree_.at(tree_.children(id)[1]).kind == NodeKind::kScalar && tree_.at(tree_.children(id)[1]).plain) {
    // "- Partner: Hyundai" in a list of text: the ': ' made a mapping.
    std::string whole = tree_.at(tree_.children(id)[0]).text + ": " + tree_.at(tree_.children(id)[1]).text;
    Error(id, path, fmt::format("expected {}, got a mapping: YAML reads '{}' as a key and its value", expected, whole),
          "quote it: " + WriteHint(path, "\"" + whole + "\"").substr(6));
  } else {
    Error(id, path, fmt::format("expected {}, got {}", expected, KindName(n.kind)));
  }
  return std::nullopt;
}

std::optional<std::string> NodeReader::ReadText(int id, const std::string& path,
                                                size_t max_chars) {
  auto text = Scalar(id, path, "text");
  if (!text) return std::nullopt;
  // White space and invisible format characters (joiners, directional
  // marks, soft hyphens) at either end mean nothing and would reach the
  // page, the copied text and the PDF's title.
  std::vector<int> all = ToCodePoints(*text);
  auto invisible = [](int cp) { return IsUnicodeSpace(cp) || IsDefaultIgnorable(cp) || IsBidiControl(cp); };
  size_t first = 0, last = all.size();
  while (first < last && invisible(all[first])) ++first;
  while (last > first && invisible(all[last - 1])) --last;
  // Keep what is between as written (it may be invisible but meaningful,
  // a ZWNJ inside a Persian word).
  std::string trimmed;
  if (first < last) {
    size_t begin = 0, end = text->size();
    size_t pos = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      size_t at = pos;
      DecodeUtf8(*text, &pos);
      if (i == first) begin = at;
      if (i + 1 == last) end = pos;
    }
    trimmed = text->substr(begin, end - begin);
  }
  if (first == last && !all.empty() && !TrimUnicode(*text).empty()) {
    Error(id, path, "has no visible character (only invisible or combining ones)");
    return std::nullopt;
  }
  if (trimmed.empty()) {
    Error(id, path, "must not be empty");
    return std::nullopt;
  }
  // Text that draws nothing (only joiners, directional marks, combining
  // marks) would leave a blank where a name should be; a combining mark
  // first has no letter to sit on.
  std::vector<int> cps = ToCodePoints(trimmed);
  bool visible = false;
  for (int cp : cps) {
    visible |= !IsUnicodeSpace(cp) && !IsDefaultIgnorable(cp) && !IsBidiControl(cp) && !ExtendsCluster(cp);
  }
  if (!visible) {
    Error(id, path, "has no visible character (only invisible or combining ones)");
    return std::nullopt;
  }
  if (ExtendsCluster(cps.front()) && cps.front() != 0x200D && cps.front() != 0x200C) {
    Error(id, path, fmt::format("begins with the combining character {}, which has no letter to sit on",
                                CodePointName(cps.front())));
    return std::nullopt;
  }
  size_t length = CountCodePoints(trimmed);
  if (length > max_chars) {
    Error(id, path, fmt::format("is {} characters long; the limit is {}", length, max_chars));
    return std::nullopt;
  }
  return trimmed;
}

std::optional<int64_t> NodeReader::ReadInteger(int id, const std::string& path) {
  auto text = Scalar(id, path, "a whole number");
  if (!text) return std::nullopt;
  const std::string& t = *text;
  if (!tree_.at(id).plain) {
    std::string fix = IsDecimal(t) ? t : SuggestNumber(t);
    Error(id, path, fmt::format("'{}' is quoted text; write numbers without quotes", t),
          fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  if (std::string why = WhyNotNumber(t); !why.empty()) {
    std::string fix = SuggestNumber(t);
    Error(id, path, why, fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  std::string_view digits = WithoutSign(t);
  if (!IsDigits(digits)) {
    std::string fix = SuggestNumber(t);
    if (!IsDigits(fix)) fix.clear();
    Error(id, path, fmt::format("expected a whole number, got '{}'", t), fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  if (digits.size() > 1 && digits[0] == '0') {
    Error(id, path, fmt::format("'{}' has a leading zero; write the number without it", t),
          "YAML 1.1 readers take a leading zero as octal");
    return std::nullopt;
  }
  errno = 0;
  long long value = std::strtoll(t.c_str(), nullptr, 10);
  if (errno == ERANGE) {
    Error(id, path, fmt::format("'{}' is too large", t));
    return std::nullopt;
  }
  return value;
}

std::optional<int> NodeReader::ReadYear(int id, const std::string& path) {
  // A date or an approximate year where a year belongs: "1927-04-14",
  // "April 1927", "c. 1927".
  const SyntaxNode& n = tree_.at(id);
  if (n.kind == NodeKind::kScalar && n.plain && !IsDigits(WithoutSign(n.text))) {
    if (std::string year = SuggestYear(n.text); !year.empty()) {
      Error(id, path, fmt::format("expected a year, got '{}'", n.text), WriteHint(path, year));
      return std::nullopt;
    }
  }
  auto value = ReadInteger(id, path);
  if (!value) return std::nullopt;
  if (*value < kMinYear || *value > kMaxYear) {
    Error(id, path, fmt::format("year {} is outside {}..{}", *value, kMinYear, kMaxYear));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<double> NodeReader::ReadNumber(int id, const std::string& path) {
  auto text = Scalar(id, path, "a number");
  if (!text) return std::nullopt;
  const std::string& t = *text;
  if (!tree_.at(id).plain) {
    std::string fix = IsDecimal(t) ? t : SuggestNumber(t);
    Error(id, path, fmt::format("'{}' is quoted text; write numbers without quotes", t),
          fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  if (std::string why = WhyNotNumber(t); !why.empty()) {
    std::string fix = SuggestNumber(t);
    Error(id, path, why, fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  if (!IsDecimal(t)) {
    std::string fix = SuggestNumber(t);
    Error(id, path, fmt::format("expected a number, got '{}'", t), fix.empty() ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  double value = std::strtod(t.c_str(), nullptr);
  if (!std::isfinite(value)) {
    Error(id, path, fmt::format("'{}' is too large", t));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> NodeReader::ReadBool(int id, const std::string& path) {
  auto text = Scalar(id, path, "true or false");
  if (!text) return std::nullopt;
  if (tree_.at(id).plain && *text == "true") return true;
  if (tree_.at(id).plain && *text == "false") return false;
  std::string fix = SuggestBool(*text);
  std::string hint;
  if (!fix.empty()) {
    hint = tree_.at(id).plain ? fmt::format("YAML 1.2 reads '{}' as text, not as a boolean: {}", *text, WriteHint(path, fix))
                              : WriteHint(path, fix) + ", without quotes";
  }
  Error(id, path, fmt::format("expected true or false, got '{}'", *text), hint);
  return std::nullopt;
}

std::optional<Date> NodeReader::ReadDate(int id, const std::string& path) {
  auto text = Scalar(id, path, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  if (!text) return std::nullopt;
  std::string why;
  std::string trimmed = TrimUnicode(*text);
  auto date = ParseDate(trimmed, &why);
  if (!date) {
    std::string fix = SuggestDate(trimmed);
    Error(id, path, fmt::format("'{}' is not a valid date: {}", *text, why),
          fix.empty() || fix == trimmed ? "" : WriteHint(path, fix));
    return std::nullopt;
  }
  return date;
}

std::optional<std::string> NodeReader::ReadEnum(int id, const std::string& path,
                                                const std::vector<std::string>& names) {
  auto text = Scalar(id, path, "one of the listed values");
  if (!text) return std::nullopt;
  if (std::find(names.begin(), names.end(), *text) != names.end()) return *text;
  std::string guess = NearestMatch(*text, names);
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
  std::string message = fmt::format("'{}' is not one of: {}", *text, all);
  if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
  Error(id, path, message, guess.empty() ? "" : WriteHint(path, guess));
  return std::nullopt;
}

std::optional<std::string> NodeReader::ReadUrl(int id, const std::string& path) {
  auto text = ReadText(id, path, 2000);
  if (!text) return std::nullopt;
  const std::string& url = *text;
  size_t scheme_end = url.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // HTTPS:// is https://
  auto encoded = [](const std::string& u) {
    std::string out;
    for (char c : u) out += c == ' ' ? std::string("%20") : std::string(1, c);
    return out;
  };
  if (scheme != "http" && scheme != "https") {
    std::string lower;
    for (char c : url) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::string fix;
    if (scheme_end == std::string::npos) {
      // "https//x", "https:/x", "https:\\x": the scheme mistyped; "www.x.com": none.
      size_t after = lower.rfind("https", 0) == 0 ? 5 : lower.rfind("http", 0) == 0 ? 4 : 0;
      size_t rest = url.find_first_not_of(":/\\", after);
      bool typed = after > 0 && rest != after && rest != std::string::npos;
      if (typed) {
        fix = lower.substr(0, after) + "://" + encoded(url.substr(rest));
      } else if (url.find(':') == std::string::npos || url.find('.') < url.find(':')) {
        fix = "https://" + encoded(url);
      }
    }
    Error(id, path, fmt::format("'{}' is not an http:// or https:// URL", url),
          fix.empty() ? "" : "write it as " + fix);
    return std::nullopt;
  }
  for (size_t i = 0; i < url.size();) {
    if (IsUnicodeSpace(DecodeUtf8(url, &i))) {
      size_t host_end = url.find_first_of("/?#", scheme_end + 3);
      bool in_host = url.find_first_of(" \t", scheme_end + 3) < host_end;
      Error(id, path,
            fmt::format("'{}' contains white space{}", url, in_host ? " in its host name" : "; encode spaces as %20"),
            in_host ? "" : "write it as " + encoded(url));
      return std::nullopt;
    }
  }
  std::string rest = url.substr(scheme_end + 3);
  std::string host = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = host.rfind('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  std::string name = host.substr(0, host.rfind(':') == std::string::npos || host[0] == '['
                                         ? host.size()
                                         : host.rfind(':'));
  if (name.empty() || name.front() == '.' || name.back() == '.' ||
      name.find("..") != std::string::npos) {
    Error(id, path, fmt::format("'{}' has no valid host after {}://", url, scheme));
    return std::nullopt;
  }
  return url;
}

}  // namespace brief
