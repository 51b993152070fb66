//===--- HouseStyle.cpp - A format style measured from the code -----------===//

#include "rewriters/HouseStyle.h"

#include "core/TextEdits.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <map>

namespace mm {

namespace {

/// Columns a tab advances to the next multiple of (clang-format's TabWidth).
constexpr unsigned TabColumns = 8;

struct Line {
  unsigned Indent = 0; ///< Columns, a tab reaching the next multiple of TabColumns.
  bool Tabs = false;   ///< The indentation starts with a tab.
  llvm::StringRef Text; ///< Without the indentation and trailing blanks.
  size_t Width = 0;     ///< Whole line, in columns (tabs expanded).
};

/// Code lines: blank lines, comment-only lines, preprocessor lines and the
/// inside of block comments are left out.
std::vector<Line> codeLines(llvm::StringRef Code) {
  std::vector<Line> Lines;
  llvm::SmallVector<llvm::StringRef, 0> Raw;
  Code.split(Raw, '\n');
  bool InComment = false, InDirective = false;
  for (llvm::StringRef R : Raw) {
    R = R.rtrim("\r");
    llvm::StringRef T = R.ltrim(" \t").rtrim(" \t");
    if (InDirective || T.starts_with("#")) {
      InDirective = T.ends_with("\\");
      continue;
    }
    if (InComment) {
      InComment = !T.contains("*/");
      continue;
    }
    if (T.starts_with("/*")) {
      InComment = !T.contains("*/");
      continue;
    }
    if (T.empty() || T.starts_with("//"))
      continue;
    Line L;
    for (char C : R.take_front(R.size() - R.ltrim(" \t").size()))
      L.Indent = C == '\t' ? (L.Indent / TabColumns + 1) * TabColumns : L.Indent + 1;
    L.Tabs = R.starts_with("\t");
    L.Text = T;
    L.Width = L.Indent + R.ltrim(" \t").size();
    Lines.push_back(L);
  }
  return Lines;
}

/// The most frequent key of \p Votes, \p Otherwise when there is none.
template <typename T> T mostVoted(const std::map<T, unsigned> &Votes, T Otherwise) {
  T Best = Otherwise;
  unsigned Most = 0;
  for (const auto &[Key, N] : Votes)
    if (N > Most) {
      Best = Key;
      Most = N;
    }
  return Best;
}

/// Where a declaration puts its `*` or `&`: next to the type (`int* p`,
/// a vote for Left) or to the name (`int *p`, for Right), one space on the
/// other side. A word before the sign that is an operator's operand
/// (`return *p`, `case`) is no type. Read by the raw lexer: a sign in a
/// comment or a string does not vote.
void votePointer(llvm::StringRef T, unsigned &Left, unsigned &Right) {
  std::vector<RawToken> Tokens = rawTokens(T);
  for (size_t I = 1; I + 1 < Tokens.size(); ++I) {
    const RawToken &Prev = Tokens[I - 1], &Sign = Tokens[I], &Next = Tokens[I + 1];
    if (!Sign.isOneOf(clang::tok::star, clang::tok::amp) ||
        !Prev.isOneOf(clang::tok::raw_identifier, clang::tok::greater) ||
        !Next.is(clang::tok::raw_identifier))
      continue;
    llvm::StringRef Before = T.slice(Prev.end(), Sign.Offset);
    llvm::StringRef After = T.slice(Sign.end(), Next.Offset);
    if (Before.empty() && After == " ")
      ++Left;
    else if (Before == " " && After.empty() && !Prev.isWord("return") && !Prev.isWord("case") &&
             !Prev.isWord("throw") && !Prev.isWord("co_return"))
      ++Right;
  }
}

bool isAccessSpecifier(llvm::StringRef T) {
  for (llvm::StringRef A : {"public", "protected", "private"})
    if (T.consume_front(A) && T.ltrim().starts_with(":") && !T.ltrim().starts_with("::"))
      return true;
  return false;
}

/// What a `{` opens, read from the text before it on its line (or from the
/// line before, for a `{` on a line of its own): braces are placed per kind
/// (`namespace x {` beside `void f()` and a `{` under it).
enum class BraceKind { Namespace, Class, Function, Control, Lambda, Other };

BraceKind braceKind(llvm::StringRef Head, bool OwnLine) {
  Head = Head.trim();
  if (Head.ends_with("{"))
    Head = Head.drop_back().rtrim();
  auto StartsWithWord = [&](llvm::StringRef W) {
    return Head.starts_with(W) &&
           (Head.size() == W.size() || !(llvm::isAlnum(Head[W.size()]) || Head[W.size()] == '_'));
  };
  if (StartsWithWord("namespace") || Head.starts_with("extern \"C\""))
    return BraceKind::Namespace;
  for (llvm::StringRef W : {"class", "struct", "union", "enum"})
    if (StartsWithWord(W))
      return Head.contains('(') ? BraceKind::Other : BraceKind::Class;
  for (llvm::StringRef W : {"if", "for", "while", "switch", "do", "try", "catch", "else"})
    if (StartsWithWord(W) || Head.starts_with(("} " + W).str()))
      return BraceKind::Control;
  if (Head.contains("](") || Head.contains("] (") || Head.ends_with("]") ||
      Head.ends_with("mutable"))
    return BraceKind::Lambda;
  if (Head.ends_with(")") || Head.ends_with("const") || Head.ends_with("override") ||
      Head.ends_with("noexcept") || Head.ends_with("final") || Head.contains("->") ||
      Head.starts_with(":") || (OwnLine && Head.ends_with("}")))
    return BraceKind::Function;
  return BraceKind::Other;
}

/// What the code lines show, counted line by line.
struct StyleVotes {
  std::map<unsigned, unsigned> Steps, Offsets, CommentGaps;
  unsigned PointersLeft = 0, PointersRight = 0;
  unsigned TabLines = 0, SpaceLines = 0, OwnLineBraces = 0, AttachedBraces = 0;
  std::map<BraceKind, std::pair<unsigned, unsigned>> BracesOf; // kind -> own line, attached
  unsigned IndentedNamespaces = 0, FlatNamespaces = 0;
  unsigned IndentedCases = 0, FlatCases = 0;
  // Constructor initializer lists of more than one: one per line, or not;
  // the comma leading the line (`, b_(y)`) or ending it.
  unsigned InitializersApart = 0, InitializersPacked = 0, CommaFirst = 0;
  size_t Widest = 0;
};

/// Counts the votes of code lines, in order: a line's indentation is read
/// against the block that opens it.
class VoteCounter {
public:
  explicit VoteCounter(const std::vector<Line> &Lines) : Lines(Lines) {}

  StyleVotes count() {
    for (size_t I = 0; I < Lines.size(); ++I) {
      voteWithinLine(I);
      if (I + 1 < Lines.size())
        voteStep(I);
    }
    return Votes;
  }

private:
  /// Width, pointers, tabs, braces, comment gaps, case labels and
  /// initializer lists, as line \p I shows them.
  void voteWithinLine(size_t I) {
    const Line &L = Lines[I];
    Votes.Widest = std::max(Votes.Widest, L.Width);
    votePointer(L.Text.take_front(L.Text.find("//")), Votes.PointersLeft, Votes.PointersRight);
    if (L.Indent)
      ++(L.Tabs ? Votes.TabLines : Votes.SpaceLines);
    voteBrace(I);
    // `}  // namespace x`, `x = 1;  // why`.
    size_t Comment = L.Text.find("//");
    if (Comment != llvm::StringRef::npos && Comment > 0 && !L.Text.contains('"')) {
      llvm::StringRef Before = L.Text.take_front(Comment);
      unsigned Gap = Before.size() - Before.rtrim(' ').size();
      if (Gap >= 1 && Gap <= 4)
        ++Votes.CommentGaps[Gap];
    }
    // `case` under its `switch`, or one step in.
    if (L.Text.starts_with("switch"))
      SwitchIndent = static_cast<int>(L.Indent);
    else if (SwitchIndent >= 0 && (L.Text.starts_with("case ") || L.Text.starts_with("default:")))
      ++(static_cast<int>(L.Indent) > SwitchIndent ? Votes.IndentedCases : Votes.FlatCases);
    if (L.Text.starts_with(": ") && I + 1 < Lines.size()) {
      llvm::StringRef Inits = L.Text.take_front(L.Text.find('{'));
      if (Inits.contains("), ") || Inits.contains("}, "))
        ++Votes.InitializersPacked;
      else if (Lines[I + 1].Text.starts_with(", "))
        ++Votes.InitializersApart, ++Votes.CommaFirst;
      else if (Inits.rtrim().ends_with(","))
        ++Votes.InitializersApart;
    }
  }

  /// A `{` of line \p I, on a line of its own or attached, by what it opens.
  void voteBrace(size_t I) {
    const Line &L = Lines[I];
    if (L.Text == "{") {
      ++Votes.OwnLineBraces;
      if (I > 0)
        ++Votes.BracesOf[braceKind(Lines[I - 1].Text, true)].first;
    } else if (L.Text.ends_with("{") && !L.Text.starts_with("}") && !L.Text.ends_with("= {")) {
      ++Votes.AttachedBraces;
      ++Votes.BracesOf[braceKind(L.Text, false)].second;
    } else if (L.Text.ends_with("{") && L.Text.starts_with("} else")) {
      ++Votes.BracesOf[BraceKind::Control].second;
    }
  }

  /// The step from line \p I to the next: a namespace's body, a member
  /// after an access specifier, a block's first line.
  void voteStep(size_t I) {
    const Line &L = Lines[I];
    const Line &Next = Lines[I + 1];
    bool Opens = L.Text.ends_with("{") || (L.Text == "{");
    // `namespace x {`, or `{` on the line after `namespace x`.
    bool OpensNamespace = Opens && (L.Text.starts_with("namespace") ||
                                    (L.Text == "{" && I > 0 &&
                                     Lines[I - 1].Text.starts_with("namespace")));
    if (OpensNamespace) {
      ++(Next.Indent > L.Indent ? Votes.IndentedNamespaces : Votes.FlatNamespaces);
      // An indented namespace body is one step in, like any block's.
      if (Next.Indent > L.Indent)
        ++Votes.Steps[Next.Indent - L.Indent];
      return;
    }
    if (isAccessSpecifier(L.Text)) {
      // A member after a specifier: its offset, and its step from the class.
      if (!isAccessSpecifier(Next.Text) && Next.Text != "}" && !Next.Text.starts_with("};")) {
        ++Votes.Offsets[static_cast<int>(L.Indent) - static_cast<int>(Next.Indent) + 100];
        if (Next.Indent > OpenerIndent)
          ++Votes.Steps[Next.Indent - OpenerIndent];
      }
      return;
    }
    if (Opens)
      OpenerIndent = L.Indent;
    if (Opens && Next.Indent > L.Indent && !isAccessSpecifier(Next.Text))
      ++Votes.Steps[Next.Indent - L.Indent];
  }

  const std::vector<Line> &Lines;
  StyleVotes Votes;
  int SwitchIndent = -1;     ///< Of the last `switch` line.
  unsigned OpenerIndent = 0; ///< Of the last line opening a block.
};

using FS = clang::format::FormatStyle;

/// Tabs or the indentation step, the access specifier offset and the
/// column limit.
void applyIndentation(FS &Style, const StyleVotes &Votes) {
  if (Votes.TabLines > Votes.SpaceLines) {
    // Continuation lines are tabbed too (`\t\t.Name(..)` under `\tx = ..`).
    Style.UseTab = FS::UT_ForContinuationAndIndentation;
    Style.TabWidth = TabColumns;
    Style.IndentWidth = TabColumns;
    Style.ContinuationIndentWidth = TabColumns;
    // `\t: a_(..),` under the constructor's head, not four spaces.
    Style.ConstructorInitializerIndentWidth = TabColumns;
  } else {
    unsigned Step = mostVoted(Votes.Steps, Style.IndentWidth);
    if (Step >= 2 && Step <= 8) {
      Style.IndentWidth = Step;
      Style.ContinuationIndentWidth = std::max(4u, Step);
    }
  }
  // Specifiers at the class's own column unless the text shows otherwise.
  Style.AccessModifierOffset =
      static_cast<int>(mostVoted(Votes.Offsets, 100u - Style.IndentWidth)) - 100;
  // Lines as long as the file's own longest, up to a point.
  if (Votes.Widest > Style.ColumnLimit)
    Style.ColumnLimit = std::min<unsigned>(llvm::alignTo(Votes.Widest, 10), 120);
}

/// Braces on lines of their own or not, per what they open; a kind the
/// file shows none of follows the file as a whole.
void applyBraces(FS &Style, const StyleVotes &Votes) {
  bool OwnLine = Votes.OwnLineBraces > Votes.AttachedBraces;
  auto Wrapped = [&](BraceKind K) {
    auto It = Votes.BracesOf.find(K);
    if (It == Votes.BracesOf.end() || It->second.first == It->second.second)
      return OwnLine;
    return It->second.first > It->second.second;
  };
  bool Uniform = llvm::all_of(
      std::initializer_list<BraceKind>{BraceKind::Namespace, BraceKind::Class,
                                       BraceKind::Function, BraceKind::Control,
                                       BraceKind::Lambda},
      [&](BraceKind K) { return Wrapped(K) == OwnLine; });
  if (Uniform) {
    if (OwnLine)
      Style.BreakBeforeBraces = FS::BS_Allman;
    return;
  }
  Style.BreakBeforeBraces = FS::BS_Custom;
  FS::BraceWrappingFlags &W = Style.BraceWrapping;
  W.AfterNamespace = Wrapped(BraceKind::Namespace);
  W.AfterClass = W.AfterStruct = W.AfterUnion = W.AfterEnum = Wrapped(BraceKind::Class);
  W.AfterFunction = Wrapped(BraceKind::Function);
  bool Control = Wrapped(BraceKind::Control);
  W.AfterControlStatement = Control ? FS::BWACS_Always : FS::BWACS_Never;
  W.AfterCaseLabel = W.BeforeElse = W.BeforeCatch = W.BeforeWhile = Control;
  W.BeforeLambdaBody = Wrapped(BraceKind::Lambda);
  W.AfterExternBlock = W.AfterNamespace;
  W.SplitEmptyFunction = W.SplitEmptyRecord = W.SplitEmptyNamespace = true;
}

/// Namespace indentation and closing comments, case labels, the spaces
/// before trailing comments, initializer lists and pointer alignment.
void applyLayout(FS &Style, const StyleVotes &Votes, llvm::StringRef Code) {
  if (Votes.IndentedNamespaces > Votes.FlatNamespaces)
    Style.NamespaceIndentation = FS::NI_All;
  if (Votes.IndentedCases + Votes.FlatCases > 0)
    Style.IndentCaseLabels = Votes.IndentedCases > Votes.FlatCases;
  // A file closing its namespaces with a bare `}` gets no `// namespace x`.
  if (Votes.IndentedNamespaces + Votes.FlatNamespaces > 0 && !Code.contains("// namespace") &&
      !Code.contains("/* namespace"))
    Style.FixNamespaceComments = false;
  Style.SpacesBeforeTrailingComments = mostVoted(Votes.CommentGaps, 1u);
  // Kept on the constructor's line when they all fit, else one per line.
  if (Votes.InitializersApart > Votes.InitializersPacked) {
    Style.PackConstructorInitializers = FS::PCIS_CurrentLine;
    if (Votes.CommaFirst * 2 > Votes.InitializersApart)
      Style.BreakConstructorInitializers = FS::BCIS_BeforeComma;
  }
  // Measured on the file as written: clang-format would also count the
  // declarations the migration adds, which are spelled one way.
  if (Votes.PointersLeft != Votes.PointersRight) {
    Style.DerivePointerAlignment = false;
    Style.PointerAlignment =
        Votes.PointersLeft > Votes.PointersRight ? FS::PAS_Left : FS::PAS_Right;
  }
}

} // namespace

clang::format::FormatStyle measuredStyle(llvm::StringRef Code) {
  FS Style = clang::format::getLLVMStyle();
  // `int* p` or `int *p`: counted by votePointer; on a tie, clang-format
  // counts.
  Style.DerivePointerAlignment = true;
  std::vector<Line> Lines = codeLines(Code);
  if (Lines.empty())
    return Style;
  StyleVotes Votes = VoteCounter(Lines).count();
  applyIndentation(Style, Votes);
  applyBraces(Style, Votes);
  applyLayout(Style, Votes, Code);
  return Style;
}

llvm::Expected<clang::format::FormatStyle> configuredStyle(llvm::StringRef Spec,
                                                           llvm::StringRef FileName) {
  auto Refuse = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "'" + Spec + "' " + Why);
  };
  llvm::StringRef Trimmed = Spec.trim();
  if (Trimmed.empty() || Trimmed.starts_with_insensitive("file"))
    return Refuse("is not a style: name one (LLVM, Google, ...) or write it inline "
                  "({BasedOnStyle: LLVM, IndentWidth: 4}); without the key, the project's "
                  ".clang-format is used");
  clang::format::FormatStyle Style =
      clang::format::getLLVMStyle(clang::format::guessLanguage(FileName, ""));
  if (!Trimmed.starts_with("{")) {
    if (!clang::format::getPredefinedStyle(Trimmed, Style.Language, &Style))
      return Refuse("is not one of clang-format's styles (LLVM, Google, Chromium, Mozilla, "
                    "WebKit, GNU, Microsoft)");
    return Style;
  }
  // The first message of the YAML reader, kept rather than printed.
  std::string Message;
  auto Keep = [](const llvm::SMDiagnostic &D, void *Context) {
    auto &Kept = *static_cast<std::string *>(Context);
    if (Kept.empty())
      Kept = (llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage()).str();
  };
  if (std::error_code EC = clang::format::parseConfiguration(
          llvm::MemoryBufferRef(Trimmed, "format_style"), &Style,
          /*AllowUnknownOptions=*/false, Keep, &Message))
    return Refuse("does not parse: " +
                  (Message.empty() ? EC.message() : "column " + Message));
  if (Style.InheritsParentConfig)
    return Refuse("inherits a .clang-format: leave the key out to use the project's");
  return Style;
}

bool hasFormatFile(llvm::StringRef AbsPath) {
  llvm::SmallString<256> Dir = llvm::sys::path::parent_path(AbsPath);
  while (!Dir.empty()) {
    for (const char *Name : {".clang-format", "_clang-format"}) {
      llvm::SmallString<256> Candidate = Dir;
      llvm::sys::path::append(Candidate, Name);
      if (llvm::sys::fs::exists(Candidate))
        return true;
    }
    size_t Parent = llvm::sys::path::parent_path(Dir).size();
    if (Parent == Dir.size())
      break;
    Dir.resize(Parent);
  }
  return false;
}

} // namespace mm
