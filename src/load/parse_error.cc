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
  // Keys of a brief are single words: a "key" with spaces is text that
  // happens to hold ': ' or end in ':'.
  for (size_t i = 0; i < content.size() && i <= 64; ++i) {
    if (content[i] == ':' && (i + 1 == content.size() || content[i + 1] == ' ')) return content.substr(0, i);
    if (content[i] == ' ' || content[i] == '\t') return {};
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

// What a scan of the text up to the end of line `upto` (1-based) found:
// the innermost '[' or '{' still open (line 0 when none), and the last
// quoted text that ran over a line end, with where it closed. Flow
// collections are tracked outside comments and quoted text; in block
// context only a bracket that starts a value opens one ("name: Acme
// [GmbH]" is plain text).
struct Opener {
  int line = 0, column = 0;
  char bracket = 0;
};
struct Scan {
  Opener flow;
  Opener quote;          // .bracket is the quote character
  int quote_closed = 0;  // The line where that quote closed.
};
Scan ScanUpTo(const std::vector<std::string_view>& lines, int upto) {
  std::vector<Opener> open;
  Scan scan;
  char quote = 0;
  Opener quote_open;
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
            if (quote_open.line < l) {
              scan.quote = quote_open;
              scan.quote_closed = l;
            }
          }
        }
        continue;
      }
      if (c == ' ' || c == '\t') continue;
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;
      bool in_flow = !open.empty();
      if ((c == '"' || c == '\'') && (value_start || in_flow)) {
        quote = c;
        quote_open = {l, Column(line, i), c};
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
  if (!open.empty()) scan.flow = open.back();
  return scan;
}

// The column (1-based) where a line's key or item content starts.
int KeyColumn(std::string_view line) { return Column(line, ContentStart(line)) ; }

// The value of "key: value" on a line, with where it starts (byte); ""
// when the line has no inline value.
std::string_view InlineValue(std::string_view line, size_t* start) {
  std::string_view key = KeyOf(line);
  if (key.empty()) return {};
  size_t after = ContentStart(line) + key.size() + 1;
  size_t value = line.find_first_not_of(' ', after);
  if (value == std::string_view::npos || line[value] == '#') return {};
  std::string_view v = line.substr(value);
  size_t comment = v.find(" #");
  v = v.substr(0, comment);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  *start = value;
  return v;
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

  Scan scan = ScanUpTo(lines, line);
  // A '[' or '{' still open: the parser fails wherever the text stops
  // making sense, often lines later; the fix is where it opens.
  bool flow_message = message == "end of sequence flow not found" || message == "end of map flow not found";
  if (scan.flow.line > 0 && (flow_message || scan.flow.line < line)) {
    bool list = scan.flow.bracket == '[';
    p.line = scan.flow.line;
    p.column = scan.flow.column;
    p.length = 1;
    p.message = fmt::format("YAML syntax error: this '{}' {} is never closed with '{}'", scan.flow.bracket,
                            list ? "list" : "mapping", list ? ']' : '}');
    p.hint = list ? "close it with ']' after its last item, or write one '- ' item per line"
                  : "close it with '}' after its last 'key: value', or write one key per line";
    return p;
  }
  if (flow_message) return p;
  // Quoted text that ran on over lines and closed later (at an apostrophe,
  // say): what follows the close is what the parser could not read.
  if (scan.quote.line > 0 && scan.quote.line < line && scan.quote_closed <= line) {
    bool single = scan.quote.bracket == '\'';
    p.line = scan.quote.line;
    p.column = scan.quote.column;
    p.length = 1;
    // (No quote characters in these words: a brief's comments may quote them.)
    p.message = fmt::format("YAML syntax error: this {0} quote is not closed on its line; the text runs on to "
                            "the next {0} quote, on line {1}",
                            single ? "single" : "double", scan.quote_closed);
    p.hint = single ? "close the quote on this line; inside single quotes an apostrophe is written as two"
                    : "close the quote on this line; inside double quotes a quote is written with a backslash";
    return p;
  }

  // "founded:1996" and "-name: Ada": a plain scalar running on from a line
  // at or above this one, up to the first line that holds a real key.
  for (int l = line; l >= 1 && l > line - 50; --l) {
    std::string_view candidate = at(l);
    if (IsBlankOrComment(candidate)) {
      if (l < line) break;
      continue;
    }
    size_t start = ContentStart(candidate);
    std::string_view content = candidate.substr(start);
    int length = 0;
    if (content.size() > 1 && content[0] == '-' && !KeyOf(std::string(content.substr(1))).empty()) {
      std::string_view after = content.substr(1);
      size_t comment = after.find(" #");
      std::string rest(after.substr(0, comment));
      while (!rest.empty() && rest.back() == ' ') rest.pop_back();
      length = static_cast<int>(CountCodePoints(rest));
      p.line = l;
      p.column = Column(candidate, start);
      p.length = length + 1;
      p.message = fmt::format("YAML syntax error: no space after '-' in '-{}', so it is not a list item", rest);
      p.hint = fmt::format("write '- {}'", rest);
      return p;
    }
    if (LooksLikeUnspacedKey(content, &length)) {
      size_t colon = content.find(':');
      std::string key(content.substr(0, colon));
      std::string value(content.substr(colon + 1, static_cast<size_t>(length) - colon - 1));
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

  // "event: Founded: Kaliningrad": a value holding ': ' reads as a key.
  for (int l : {line, line + 1}) {
    if (message != "illegal map value" || l > static_cast<int>(lines.size())) continue;
    size_t start = 0;
    std::string_view value = InlineValue(at(l), &start);
    size_t inner = value.find(": ");
    if (value.empty() || value[0] == '"' || value[0] == '\'' || value[0] == '[' || value[0] == '{' ||
        inner == std::string_view::npos) {
      continue;
    }
    std::string key(KeyOf(at(l)));
    p.line = l;
    p.column = Column(at(l), start);
    p.length = static_cast<int>(CountCodePoints(value));
    p.message = fmt::format("YAML syntax error: the value of '{}' holds ': ', so YAML reads '{}' as another key",
                            key, value.substr(0, inner));
    p.hint = fmt::format("quote the value: {}: \"{}\"", key, value);
    return p;
  }

  // The nearest line above `l` with content.
  auto previous = [&](int l) {
    for (--l; l >= 1; --l) {
      if (!IsBlankOrComment(at(l))) return l;
    }
    return 0;
  };

  // Text where a key is expected: a line that was meant to continue the
  // text above it but is indented too little, so it ends that text and
  // YAML reads it as a key (failing at the next ': ').
  {
    int first_text = 0;
    int l = previous(line);
    while (l > 0 && KeyOf(at(l)).empty() && ContentStart(at(l)) == static_cast<size_t>(Indent(at(l)))) {
      first_text = l;
      l = previous(l);
    }
    if (first_text > 0 && l > 0 && !KeyOf(at(l)).empty()) {
      std::string_view key_line = at(l);
      std::string key(KeyOf(key_line));
      size_t value_start = 0;
      std::string_view value = InlineValue(key_line, &value_start);
      bool block = !value.empty() && (value[0] == '|' || value[0] == '>');
      bool plain = !value.empty() && !block && value[0] != '"' && value[0] != '\'';
      if (block) {
        // The text's lines are indented as its first line is; the first
        // line indented less ends it.
        int text_indent = Indent(at(first_text));
        for (int t = first_text; t > 0 && t < line; t = t + 1) {
          if (IsBlankOrComment(at(t))) continue;
          if (Indent(at(t)) < text_indent) {
            p.line = t;
            p.column = Indent(at(t)) + 1;
            p.length = static_cast<int>(CountCodePoints(at(t).substr(static_cast<size_t>(Indent(at(t))))));
            p.message = fmt::format("YAML syntax error: this line is indented less than the text of '{}' "
                                    "(from line {}), so that text ends above it and this line is read as a key",
                                    key, l);
            p.hint = fmt::format("indent it to column {}, like the lines of the text above it", text_indent + 1);
            return p;
          }
        }
      } else if (plain && KeyColumn(at(first_text)) <= KeyColumn(key_line)) {
        std::string_view text = at(first_text);
        p.line = first_text;
        p.column = Indent(text) + 1;
        p.length = static_cast<int>(CountCodePoints(text.substr(static_cast<size_t>(Indent(text)))));
        p.message = fmt::format("YAML syntax error: this line is read as a new key, not as more of the text of "
                                "'{}' on line {}", key, l);
        p.hint = fmt::format("to continue the text, indent this line past column {} (or put the whole text in "
                             "quotes)", KeyColumn(key_line));
        return p;
      }
    }
  }

  int prev = previous(line);
  if (message == "illegal map value" && prev > 0 && HasInlineValue(at(prev)) &&
      KeyColumn(text) > KeyColumn(at(prev)) && !KeyOf(text).empty()) {
    // Either the line above is dedented (the lines before it line up with
    // this one), or this line is indented into the value above it.
    int before = previous(prev);
    while (before > 0 && KeyColumn(at(before)) > KeyColumn(text)) before = previous(before);
    std::string_view prev_key = KeyOf(at(prev));
    if (before > 0 && KeyColumn(at(before)) == KeyColumn(text) && !KeyOf(at(before)).empty()) {
      p.line = prev;
      p.column = KeyColumn(at(prev));
      p.length = static_cast<int>(CountCodePoints(prev_key));
      p.message = fmt::format("YAML syntax error: '{}' is indented less than the keys around it", prev_key);
      p.hint = fmt::format("start it in column {}, like '{}' on line {}", KeyColumn(text), KeyOf(at(before)),
                           before);
    } else {
      std::string_view key = KeyOf(text);
      p.column = KeyColumn(text);
      p.length = static_cast<int>(CountCodePoints(key));
      p.message = fmt::format("YAML syntax error: '{}' is indented more than '{}' above it, so it is read as "
                              "more of the value of '{}'", key, prev_key, prev_key);
      p.hint = fmt::format("start it in column {}, like '{}' on line {}", KeyColumn(at(prev)), prev_key, prev);
    }
    return p;
  }

  if ((message == "end of map not found" || message == "end of sequence not found") && prev > 0) {
    std::string_view prev_key = KeyOf(at(prev));
    int key_column = KeyColumn(at(prev));
    bool item = ContentStart(text) > static_cast<size_t>(Indent(text));  // "- ..."
    if (item) {
      // A list item: its '-' lines up with the other items' '-'.
      for (int l = prev; l > 0; l = previous(l)) {
        std::string_view other = at(l);
        if (ContentStart(other) > static_cast<size_t>(Indent(other)) && Indent(other) != Indent(text)) {
          p.hint = fmt::format("items of one list start with '- ' in the same column: line this one up with the "
                               "'-' on line {} (column {})", l, Indent(other) + 1);
          break;
        }
        if (Indent(other) < Indent(text)) break;
      }
    } else if (KeyOf(text).empty() && HasInlineValue(at(prev))) {
      p.hint = fmt::format("to continue the text of '{}' from line {}, indent this line past column {}, "
                           "or put the whole text in quotes", prev_key, prev, key_column);
    } else if (!prev_key.empty()) {
      // The keys before it that start further right and further left: it
      // was meant to line up with one of them.
      int right = 0, left = 0;
      for (int l = prev; l > 0 && (!right || !left); l = previous(l)) {
        if (KeyOf(at(l)).empty()) continue;
        if (!right && KeyColumn(at(l)) > KeyColumn(text)) right = l;
        if (!left && KeyColumn(at(l)) < KeyColumn(text)) left = l;
      }
      auto name = [&](int l) { return fmt::format("'{}' on line {} (column {})", KeyOf(at(l)), l, KeyColumn(at(l))); };
      if (right && left) {
        p.hint = fmt::format("keys of one mapping start in the same column: line this one up with {} or with {}",
                             name(right), name(left));
      } else {
        p.hint = fmt::format("keys of one mapping start in the same column: line this one up with {}",
                             name(right ? right : left ? left : prev));
      }
    }
    p.column = Indent(text) + 1;
    p.length = static_cast<int>(CountCodePoints(item ? std::string_view("-") : KeyOf(text)));
  }
  return p;
}

}  // namespace brief
