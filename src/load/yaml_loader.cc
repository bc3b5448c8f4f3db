#include "load/yaml_loader.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "base/utf8.h"
#include "load/parse_error.h"

namespace brief {

namespace {

// At most this many encoding problems are listed for one file.
constexpr int kMaxEncodingErrors = 10;

// Maps byte offsets to 1-based line and code-point column. Queries are
// usually in increasing order, so the column count resumes from the last one.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  Position At(size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    size_t line = static_cast<size_t>(
        std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
    if (line != last_line_ || offset < last_offset_) {
      last_line_ = line;
      last_offset_ = starts_[line];
      last_column_ = 1;
    }
    while (last_offset_ < offset) {
      DecodeUtf8(text_, &last_offset_);
      ++last_column_;
    }
    return {static_cast<int>(line) + 1, last_column_};
  }

  std::string_view Text() const { return text_; }

  // The text of a 1-based line, without its line end.
  std::string_view Line(int line) const {
    size_t start = starts_[static_cast<size_t>(line - 1)];
    size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view s = text_.substr(start, end - start);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  size_t last_line_ = static_cast<size_t>(-1);
  size_t last_offset_ = 0;
  int last_column_ = 1;
};

// Thrown from the event handler to stop parsing once an error is recorded.
struct StopParsing {};

// Builds a SyntaxTree from yaml-cpp parser events, enforcing the limits.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, const LoadLimits& limits, LineIndex* lines,
              SyntaxTree* tree, std::vector<Diagnostic>* diagnostics)
      : file_(file), limits_(limits), lines_(lines), tree_(tree), diagnostics_(diagnostics) {}

  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      Error(mark, "a brief file holds one YAML document, but a second one starts here",
            "check the indentation above, or remove the extra '---'");
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(mark, NodeKind::kNull, anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    int id = Add(mark, NodeKind::kScalar, anchor);
    SyntaxNode& node = tree_->nodes[static_cast<size_t>(id)];
    node.text = value;
    node.plain = tag == "?";
    // Escapes ("\x07", "\uFFFF") can put into a value what the file itself
    // may not hold: the same characters are refused there.
    for (size_t pos = 0; pos < value.size();) {
      int cp = DecodeUtf8(value, &pos);
      if ((cp >= 0 && cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
          (cp >= 0x80 && cp <= 0x9F)) {
        Error(mark, fmt::format("control character {} (written as an escape) is not allowed in a brief",
                                CodePointName(cp)));
        break;
      }
      if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
        Error(mark, fmt::format("{} is a noncharacter, not text; it is not allowed in a brief",
                                CodePointName(cp)));
        break;
      }
    }
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return;  // yaml-cpp reports undefined anchors itself.
    // A new node at the alias, so errors point where the value is used; a
    // collection's children are shared with the anchored node, never copied.
    SyntaxNode target = tree_->at(it->second);
    int id = Add(mark, target.kind, 0);
    SyntaxNode& node = tree_->nodes[static_cast<size_t>(id)];
    node.text = std::move(target.text);
    node.plain = target.plain;
    if (target.kind == NodeKind::kSequence || target.kind == NodeKind::kMap) {
      node.alias_of = target.alias_of >= 0 ? target.alias_of : it->second;
    }
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, NodeKind::kSequence, anchor);
  }
  void OnSequenceEnd() override { open_.pop_back(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, NodeKind::kMap, anchor);
  }
  void OnMapEnd() override { open_.pop_back(); }

  void Error(const YAML::Mark& mark, std::string message, std::string hint = "") {
    Position p = PositionOf(mark);
    diagnostics_->push_back(
        {Severity::kError, file_, p.line, p.column, "", std::move(message), std::move(hint)});
  }

 private:
  Position PositionOf(const YAML::Mark& mark) {
    return lines_->At(mark.pos < 0 ? static_cast<size_t>(-1) : static_cast<size_t>(mark.pos));
  }

  int Add(const YAML::Mark& mark, NodeKind kind, YAML::anchor_t anchor) {
    if (static_cast<int>(tree_->nodes.size()) >= limits_.max_nodes) {
      Error(mark, fmt::format("the file has more than {} YAML nodes, the limit for {}",
                              limits_.max_nodes, limits_.what));
      throw StopParsing{};
    }
    SyntaxNode node;
    node.kind = kind;
    node.position = PositionOf(mark);
    node.offset = mark.pos;
    // yaml-cpp marks an empty value where the next token starts, often on a
    // later line; point at its key instead, where the reader will look.
    if (kind == NodeKind::kNull && !open_.empty()) {
      const SyntaxNode& parent = tree_->at(open_.back());
      if (parent.kind == NodeKind::kMap && parent.children.size() % 2 == 1) {
        const SyntaxNode& key = tree_->at(parent.children.back());
        node.position = key.position;
        node.text = CommentAfterKey(key);
      }
    }
    tree_->nodes.push_back(std::move(node));
    int id = static_cast<int>(tree_->nodes.size()) - 1;
    if (anchor) anchors_[anchor] = id;
    Attach(id);
    return id;
  }

  // "#Avtotor" for "name: #Avtotor": a comment where the key's value
  // belongs, which leaves the value empty; "" when there is none.
  std::string CommentAfterKey(const SyntaxNode& key) {
    if (key.offset < 0 || key.kind != NodeKind::kScalar) return "";
    std::string_view line = lines_->Line(key.position.line);
    std::string_view text = lines_->Text();
    size_t line_start = static_cast<size_t>(line.data() - text.data());
    size_t at = static_cast<size_t>(key.offset);
    if (at < line_start || at >= line_start + line.size()) return "";
    std::string_view rest = line.substr(at - line_start);
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return "";
    size_t hash = rest.find_first_not_of(" \t", colon + 1);
    if (hash == std::string_view::npos || rest[hash] != '#' || hash == colon + 1) return "";
    // Up to a second comment set apart ("#hash   # a note").
    std::string_view written = rest.substr(hash);
    size_t note = written.find(" #", 1);
    std::string comment(written.substr(0, note));
    while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t')) comment.pop_back();
    return comment;
  }

  void Attach(int id) {
    if (open_.empty()) {
      tree_->root = id;
    } else {
      tree_->nodes[static_cast<size_t>(open_.back())].children.push_back(id);
    }
  }

  void Open(const YAML::Mark& mark, NodeKind kind, YAML::anchor_t anchor) {
    if (static_cast<int>(open_.size()) >= limits_.max_depth) {
      Error(mark, fmt::format("nesting is deeper than {} levels, the limit for {}",
                              limits_.max_depth, limits_.what));
      throw StopParsing{};
    }
    open_.push_back(Add(mark, kind, anchor));
  }

  const std::string& file_;
  const LoadLimits& limits_;
  LineIndex* lines_;
  SyntaxTree* tree_;
  std::vector<Diagnostic>* diagnostics_;
  std::vector<int> open_;
  std::map<YAML::anchor_t, int> anchors_;
  int documents_ = 0;
};

// Offset of the first byte after a quoted scalar that opens at `open`, or
// npos if the quote is never closed.
size_t FindClosingQuote(std::string_view text, size_t open) {
  char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return std::string_view::npos;
}

// How many code points each scalar takes on its first line of `source`:
// what a diagnostic about it underlines.
void SetLengths(std::string_view source, SyntaxTree* tree) {
  for (SyntaxNode& n : tree->nodes) {
    if (n.kind != NodeKind::kScalar || n.offset < 0 || static_cast<size_t>(n.offset) >= source.size()) continue;
    size_t at = static_cast<size_t>(n.offset);
    size_t line_end = source.find('\n', at);
    if (line_end == std::string_view::npos) line_end = source.size();
    if (line_end > at && source[line_end - 1] == '\r') --line_end;
    char c = source[at];
    size_t end = line_end;
    if (c == '"' || c == '\'') {
      end = std::min(FindClosingQuote(source, at), line_end);
    } else if (c == '|' || c == '>') {
      end = at + 1;
    } else if (n.plain && n.text.find('\n') == std::string::npos && source.compare(at, n.text.size(), n.text) == 0) {
      end = at + n.text.size();
    } else {
      // A plain scalar folded over lines, an alias: to the end of the line
      // or a comment, or in flow context the next ',', ']' or '}'.
      size_t comment = source.find(" #", at);
      if (comment < end) end = comment;
      if (c == '*') end = std::min(end, source.find_first_of(" ,]}", at));
      while (end > at && source[end - 1] == ' ') --end;
    }
    n.length = static_cast<int>(CountCodePoints(source.substr(at, end - at)));
  }
}

bool CheckEncoding(const std::string& file, std::string_view text, LineIndex* lines,
                   std::vector<Diagnostic>* diagnostics) {
  int found = 0;
  size_t pos = 0;
  while (pos < text.size() && found < kMaxEncodingErrors) {
    size_t start = pos;
    int cp = DecodeUtf8(text, &pos);
    std::string message;
    if (cp < 0) {
      message = fmt::format("invalid UTF-8 byte 0x{:02X}; a brief must be UTF-8 text",
                            static_cast<unsigned char>(text[start]));
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
               (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFEFF) {
      message = fmt::format("control character {} is not allowed in a brief",
                            CodePointName(cp));
    } else {
      continue;
    }
    Position p = lines->At(start);
    diagnostics->push_back({Severity::kError, file, p.line, p.column, "", message, ""});
    ++found;
  }
  return found == 0;
}

}  // namespace

bool LoadYaml(const std::string& file, std::string_view source, const LoadLimits& limits,
              SyntaxTree* tree, std::vector<Diagnostic>* diagnostics) {
  size_t errors_before = static_cast<size_t>(CountSeverity(*diagnostics, Severity::kError));
  auto error = [&](std::string message, std::string hint = "") {
    diagnostics->push_back({Severity::kError, file, 0, 0, "", std::move(message), std::move(hint)});
    return false;
  };
  *tree = SyntaxTree();
  if (source.size() > limits.max_bytes) {
    return error(fmt::format("the file is larger than {} KiB, the limit for {}",
                             limits.max_bytes / 1024, limits.what));
  }
  auto starts_with = [&](std::string_view prefix) {
    return source.substr(0, prefix.size()) == prefix;
  };
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF") ||
      starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return error("the file is UTF-16 or UTF-32 encoded; a brief must be UTF-8",
                 "re-save the file as UTF-8");
  }
  if (starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);  // UTF-8 byte-order mark.
  if (source.find('\n') == std::string_view::npos) {
    // Carriage returns alone end lines in files from classic Mac OS; the
    // YAML parser would read all of it as one line (or "empty").
    size_t cr = source.find('\r');
    if (cr != std::string_view::npos && source.find_first_not_of(" \t\r", cr) != std::string_view::npos) {
      return error("the file's lines end with a carriage return alone (classic Mac OS line ends)",
                   "save the file with LF (Unix) or CRLF (Windows) line ends");
    }
  }

  LineIndex lines(source);
  if (!CheckEncoding(file, source, &lines, diagnostics)) return false;

  TreeBuilder builder(file, limits, &lines, tree, diagnostics);
  bool stopped = false;
  std::string parse_message;
  YAML::Mark parse_mark;
  try {
    std::istringstream in{std::string(source)};
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
    stopped = true;
  } catch (const YAML::Exception& e) {
    stopped = true;
    parse_message = e.msg;
    parse_mark = e.mark;
  } catch (const std::exception& e) {
    stopped = true;
    parse_message = e.what();
  }

  // yaml-cpp lets an unclosed quote run to the end of the file; find the
  // quoted scalars whose closing quote is missing and report where they open.
  bool unclosed = false;
  for (const SyntaxNode& node : tree->nodes) {
    if (node.kind != NodeKind::kScalar || node.plain) continue;
    if (node.offset < 0) continue;
    size_t offset = static_cast<size_t>(node.offset);
    if (offset >= source.size() || (source[offset] != '"' && source[offset] != '\'')) continue;
    if (FindClosingQuote(source, offset) == std::string_view::npos) {
      diagnostics->push_back({Severity::kError, file, node.position.line, node.position.column,
                              "", fmt::format("this {} quote is never closed",
                                              source[offset] == '"' ? "double" : "single"),
                              "close the quote where the text ends", 1});
      unclosed = true;
      break;
    }
  }

  if (!parse_message.empty() && !unclosed) {
    Position p = lines.At(parse_mark.pos < 0 ? source.size() : static_cast<size_t>(parse_mark.pos));
    ParseProblem problem = ExplainParseError(parse_message, p.line, p.column, source);
    diagnostics->push_back({Severity::kError, file, problem.line, problem.column, "", problem.message,
                            problem.hint, problem.length});
  }
  SetLengths(source, tree);
  if (stopped || unclosed) return false;
  if (builder.documents() == 0 || tree->root < 0) {
    bool blank = source.find_first_not_of(" \t\r\n") == std::string_view::npos;
    return error(blank ? "the file is empty; a brief is a YAML mapping starting with 'brief: 1'"
                       : "the file holds only comments; a brief is a YAML mapping starting with 'brief: 1'");
  }
  return static_cast<size_t>(CountSeverity(*diagnostics, Severity::kError)) == errors_before;
}

}  // namespace brief
