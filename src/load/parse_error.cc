#include "load/parse_error.h"

#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "base/utf8.h"

namespace brief {

namespace {

std::vector<std::string_view> SplitLines(std::string_view source) {
  std::vector<std::string_view> lines;
  while (true) {
    size_t end = source.find('\n');
    std::string_view line = source.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    source.remove_prefix(end + 1);
  }
  return lines;
}

int Indent(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  return static_cast<int>(n == std::string_view::npos ? line.size() : n);
}

bool IsBlankOrComment(std::string_view line) {
  size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos || line[n] == '#';
}

// Where a line's content starts, after its indentation and any "- ".
size_t ContentStart(std::string_view line) {
  size_t at = static_cast<size_t>(Indent(line));
  while (at + 1 < line.size() && line[at] == '-' && line[at + 1] == ' ') {
    at = line.find_first_not_of(' ', at + 1);
    if (at == std::string_view::npos) return line.size();
  }
  return at;
}

// A block mapping key at the start of a line's content ("name" of
// "  - name: Ada"); "" when the line does not start with one.
std::string_view KeyOf(std::string_view line) {
  std::string_view content = line.substr(ContentStart(line));
  if (content.empty() || content[0] == '#' || content[0] == '"' || content[0] == '\'') return {};
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == ':' && (i + 1 == content.size() || content[i + 1] == ' ')) return content.substr(0, i);
    if (content[i] == '#' && i > 0 && content[i - 1] == ' ') return {};
  }
  return {};
}

// True when the line is "key: text" with the text on the same line (not
// a key that opens a block below it).
bool HasInlineValue(std::string_view line) {
  std::string_view key = KeyOf(line);
  if (key.empty()) return false;
  size_t after = ContentStart(line) + key.size() + 1;
  size_t value = line.find_first_not_of(' ', after);
  return value != std::string_view::npos && line[value] != '#' && line[value] != '|' && line[value] != '>';
}

int Column(std::string_view line, size_t byte) {
  return static_cast<int>(CountCodePoints(line.substr(0, byte))) + 1;
}

// The '[' or '{' still open at the end of line `upto` (1-based), or
// {0, 0} when none is: flow collections are tracked outside comments and
// quoted text; in block context only a bracket that starts a value opens
// one ("name: Acme [GmbH]" is plain text).
struct Opener {
  int line = 0, column = 0;
  char bracket = 0;
};
Opener UnclosedFlow(const std::vector<std::string_view>& lines, int upto) {
  std::vector<Opener> open;
  char quote = 0;
  for (int l = 1; l <= upto && l <= static_cast<int>(lines.size()); ++l) {
    std::string_view line = lines[static_cast<size_t>(l - 1)];
    bool value_start = true;  // At a place where a value may begin.
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote) {
          if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (c == ' ' || c == '\t') continue;
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;
      bool in_flow = !open.empty();
      if ((c == '"' || c == '\'') && (value_start || in_flow)) {
        quote = c;
        continue;
      }
      if ((c == '[' || c == '{') && (value_start || in_flow)) {
        open.push_back({l, Column(line, i), c});
        value_start = true;
        continue;
      }
      if (in_flow && (c == ']' || c == '}')) {
        open.pop_back();
        value_start = false;
        continue;
      }
      bool next_is_space = i + 1 == line.size() || line[i + 1] == ' ';
      value_start = (c == ':' || c == '-' || c == '?') ? next_is_space : (in_flow && c == ',');
    }
  }
  return open.empty() ? Opener{} : open.back();
}

// yaml-cpp's words for its messages, in an author's terms.
std::pair<std::string, std::string> Reword(const std::string& msg) {
  struct Reworded {
    const char* message;  // yaml-cpp's words
    const char* text;
    const char* hint;
  };
  static const Reworded kTable[] = {
      {"illegal map value", "a 'key: value' pair is not allowed here",
       "check the indentation, or quote text that contains ': '"},
      {"end of map not found", "the indentation of this line does not fit the mapping it is in",
       "keys of one mapping start in the same column"},
      {"end of sequence not found", "the indentation of this line does not fit the list it is in",
       "items of one list start with '- ' in the same column"},
      {"illegal block entry", "a '- ' list item is not allowed here", ""},
      {"end of sequence flow not found", "a '[' list is not closed with ']'", ""},
      {"end of map flow not found", "a '{' mapping is not closed with '}'", ""},
      {"the referenced anchor is not defined", "this alias refers to an anchor that is not defined", ""},
      {"bad file", "nesting is too deep", ""},
  };
  for (const Reworded& r : kTable) {
    if (msg == r.message) return {std::string("YAML syntax error: ") + r.text, r.hint};
  }
  if (msg.rfind("unknown escape character", 0) == 0) {
    return {"YAML syntax error: " + msg + " in double-quoted text",
            "write a backslash as '\\\\', or use single quotes"};
  }
  if (msg.rfind("invalid unicode: ", 0) == 0) {
    // yaml-cpp gives the escaped value in decimal.
    long value = std::strtol(msg.c_str() + 17, nullptr, 10);
    return {fmt::format("YAML syntax error: the escape for {} is not a character (a surrogate half, "
                        "or beyond U+10FFFF)",
                        CodePointName(static_cast<int>(value))),
            "write the character itself, or one \\U escape for a character beyond U+FFFF"};
  }
  return {"YAML syntax error: " + msg, ""};
}

}  // namespace

bool LooksLikeUnspacedKey(std::string_view text, int* key_length) {
  size_t i = 0;
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  if (text.empty() || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z') || text[0] == '_')) {
    return false;
  }
  while (i < text.size() && word(text[i])) ++i;
  if (i + 1 >= text.size() || text[i] != ':') return false;
  char next = text[i + 1];
  if (next == ' ' || next == '\t' || next == ':' || next == '/') return false;  // "key: v", "a::b", "https://"
  size_t end = text.find(" #");
  std::string_view whole = text.substr(0, end);
  while (!whole.empty() && whole.back() == ' ') whole.remove_suffix(1);
  if (key_length) *key_length = static_cast<int>(CountCodePoints(whole));
  return true;
}

ParseProblem ExplainParseError(const std::string& message, int line, int column, std::string_view source) {
  std::vector<std::string_view> lines = SplitLines(source);
  if (line < 1) line = 1;
  if (line > static_cast<int>(lines.size())) line = static_cast<int>(lines.size());
  auto at = [&](int l) { return lines[static_cast<size_t>(l - 1)]; };
  ParseProblem p;
  p.line = line;
  p.column = column;
  std::tie(p.message, p.hint) = Reword(message);

  // A tab in the indentation: the parser's message rarely says so.
  std::string_view text = at(line);
  size_t indent_end = text.find_first_not_of(" \t");
  std::string_view indent = text.substr(0, indent_end == std::string_view::npos ? text.size() : indent_end);
  if (size_t tab = indent.find('\t'); tab != std::string_view::npos) {
    p.column = static_cast<int>(tab) + 1;
    p.length = 1;
    p.message = "a tab is used for indentation; YAML allows only spaces there";
    p.hint = "replace the tab at the start of this line with spaces";
    return p;
  }

  if (message == "end of sequence flow not found" || message == "end of map flow not found") {
    Opener o = UnclosedFlow(lines, line);
    if (o.line > 0) {
      bool list = o.bracket == '[';
      p.line = o.line;
      p.column = o.column;
      p.length = 1;
      p.message = fmt::format("YAML syntax error: this '{}' {} is never closed with '{}'", o.bracket,
                              list ? "list" : "mapping", list ? ']' : '}');
      p.hint = list ? "close it with ']' after its last item, or write one '- ' item per line"
                    : "close it with '}' after its last 'key: value', or write one key per line";
    }
    return p;
  }

  // "founded:1996": a plain scalar running on from a line at or above this
  // one, up to the first line that holds a real key.
  for (int l = line; l >= 1 && l > line - 50; --l) {
    std::string_view candidate = at(l);
    if (IsBlankOrComment(candidate)) {
      if (l < line) break;
      continue;
    }
    size_t start = ContentStart(candidate);
    int length = 0;
    if (LooksLikeUnspacedKey(candidate.substr(start), &length)) {
      std::string_view written = candidate.substr(start);
      size_t colon = written.find(':');
      std::string key(written.substr(0, colon));
      std::string value(written.substr(colon + 1, length - static_cast<int>(colon) - 1));
      p.line = l;
      p.column = Column(candidate, start);
      p.length = length;
      p.message = fmt::format("YAML syntax error: no space after the colon in '{}:{}', so it is not read "
                              "as a key and its value", key, value);
      p.hint = fmt::format("write '{}: {}'", key, value);
      return p;
    }
    if (l < line && !KeyOf(candidate).empty()) break;
  }

  // The nearest line above `l` with content.
  auto previous = [&](int l) {
    for (--l; l >= 1; --l) {
      if (!IsBlankOrComment(at(l))) return l;
    }
    return 0;
  };
  int prev = previous(line);
  if (message == "illegal map value" && prev > 0 && HasInlineValue(at(prev)) &&
      Indent(text) > Indent(at(prev)) && !KeyOf(text).empty()) {
    // Either the line above is dedented (the lines before it line up with
    // this one), or this line is indented into the value above it.
    int before = previous(prev);
    while (before > 0 && Indent(at(before)) > Indent(text)) before = previous(before);
    std::string_view prev_key = KeyOf(at(prev));
    if (before > 0 && Indent(at(before)) == Indent(text) && !KeyOf(at(before)).empty()) {
      p.line = prev;
      p.column = Indent(at(prev)) + 1;
      p.length = static_cast<int>(CountCodePoints(prev_key));
      p.message = fmt::format("YAML syntax error: '{}' is indented less than the keys around it", prev_key);
      p.hint = fmt::format("start it in column {}, like '{}' on line {}", Indent(text) + 1,
                           KeyOf(at(before)), before);
    } else {
      std::string_view key = KeyOf(text);
      p.column = Indent(text) + 1;
      p.length = static_cast<int>(CountCodePoints(key));
      p.message = fmt::format("YAML syntax error: '{}' is indented more than '{}' above it, so it is read as "
                              "more of the value of '{}'", key, prev_key, prev_key);
      p.hint = fmt::format("start it in column {}, like '{}' on line {}", Indent(at(prev)) + 1, prev_key, prev);
    }
    return p;
  }

  if ((message == "end of map not found" || message == "end of sequence not found") && prev > 0) {
    std::string_view prev_key = KeyOf(at(prev));
    int key_column = Column(at(prev), ContentStart(at(prev)));
    if (KeyOf(text).empty() && HasInlineValue(at(prev))) {
      p.hint = fmt::format("to continue the text of '{}' from line {}, indent this line past column {}, "
                           "or put the whole text in quotes", prev_key, prev, key_column);
    } else if (!prev_key.empty()) {
      p.hint = fmt::format("keys of one mapping start in the same column: line this one up with '{}' "
                           "on line {} (column {})", prev_key, prev, key_column);
    }
    p.column = Indent(text) + 1;
    p.length = static_cast<int>(CountCodePoints(KeyOf(text)));
  }
  return p;
}

}  // namespace brief
