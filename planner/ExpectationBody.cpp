//===--- ExpectationBody.cpp - What a wrapper records for an expectation --===//

#include "planner/ExpectationBody.h"

#include "core/TextEdits.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

std::optional<double> numberIn(llvm::StringRef S) {
  S = S.trim();
  double D;
  if (S.empty() || S.getAsDouble(D))
    return std::nullopt;
  return D;
}

namespace {

/// `A Op B`, Op a comparison.
bool holds(double A, llvm::StringRef Op, double B) {
  if (Op == "<")
    return A < B;
  if (Op == "<=")
    return A <= B;
  if (Op == ">")
    return A > B;
  if (Op == ">=")
    return A >= B;
  if (Op == "==")
    return A == B;
  return A != B;
}

/// A matcher's text as Clang's raw lexer reads it.
class MatcherReader {
public:
  explicit MatcherReader(llvm::StringRef Text) : Text(Text), Tokens(rawTokens(Text)) {}

  /// The whole text as one bounding matcher.
  std::optional<ValueBounds> read() {
    std::optional<ValueBounds> B = matcher();
    return B && At == Tokens.size() ? B : std::nullopt;
  }

private:
  bool is(clang::tok::TokenKind K) const { return At < Tokens.size() && Tokens[At].is(K); }

  /// `[::]testing::Name(` .. `)`.
  std::optional<ValueBounds> matcher() {
    if (is(clang::tok::coloncolon))
      ++At;
    if (At + 1 < Tokens.size() && Tokens[At].isWord("testing") &&
        Tokens[At + 1].is(clang::tok::coloncolon))
      At += 2;
    if (!is(clang::tok::raw_identifier))
      return std::nullopt;
    llvm::StringRef Name = Tokens[At++].Spelling;
    if (!is(clang::tok::l_paren))
      return std::nullopt;
    ++At;
    ValueBounds B;
    if (Name == "AllOf") {
      do {
        std::optional<ValueBounds> Part = matcher();
        if (!Part || !merge(B, *Part))
          return std::nullopt;
      } while (is(clang::tok::comma) && ++At);
      if (!is(clang::tok::r_paren))
        return std::nullopt;
      ++At;
      return B;
    }
    std::optional<std::string> Arg = argument();
    if (!Arg)
      return std::nullopt;
    if (Name == "Ge" || Name == "Gt") {
      B.Low = Arg;
      B.LowStrict = Name == "Gt";
    } else if (Name == "Le" || Name == "Lt") {
      B.High = Arg;
      B.HighStrict = Name == "Lt";
    } else if (Name == "Eq" || Name == "DoubleEq" || Name == "FloatEq") {
      B.Equal = Arg;
    } else {
      return std::nullopt;
    }
    return B;
  }

  /// One expression up to the `)` closing the call, consumed.
  std::optional<std::string> argument() {
    size_t Begin = At;
    int Depth = 0;
    for (; At < Tokens.size(); ++At) {
      const RawToken &T = Tokens[At];
      if (T.isOneOf(clang::tok::l_paren, clang::tok::l_brace, clang::tok::l_square))
        ++Depth;
      else if (T.isOneOf(clang::tok::r_paren, clang::tok::r_brace, clang::tok::r_square) &&
               --Depth < 0)
        break;
      else if (Depth == 0 && T.is(clang::tok::comma))
        return std::nullopt;
    }
    if (At == Tokens.size() || At == Begin)
      return std::nullopt;
    std::string Arg = Text.slice(Tokens[Begin].Offset, Tokens[At - 1].end()).str();
    ++At; // the `)`
    return Arg;
  }

  /// \p Part's bounds added to \p Into; false when both set one end.
  static bool merge(ValueBounds &Into, const ValueBounds &Part) {
    if (Part.Equal || Into.Equal || (Part.Low && Into.Low) || (Part.High && Into.High))
      return false;
    if (Part.Low) {
      Into.Low = Part.Low;
      Into.LowStrict = Part.LowStrict;
    }
    if (Part.High) {
      Into.High = Part.High;
      Into.HighStrict = Part.HighStrict;
    }
    return true;
  }

  llvm::StringRef Text;
  std::vector<RawToken> Tokens;
  size_t At = 0;
};

} // namespace

std::optional<ValueBounds> readValueBounds(llvm::StringRef Arg) {
  Arg = Arg.trim();
  if (Arg.empty() || !Arg.contains('('))
    return std::nullopt;
  return MatcherReader(Arg).read();
}

const ValueBounds *ExpectedRecordings::boundsOf(const Recording &R) const {
  auto It = Matched.find(R.Value);
  return It == Matched.end() ? nullptr : &It->second;
}

bool ExpectedRecordings::holdsMatched(llvm::StringRef Text) const {
  return llvm::any_of(Matched, [&](const auto &M) { return Text.contains(M.first); });
}

std::variant<ExpectedRecordings, std::string> readExpectation(const Expectation &E,
                                                              const Wrapper &W) {
  ExpectedRecordings Out;
  std::map<std::string, std::string> Args;
  for (size_t I = 0; I < E.Args.size() && I < W.Params.size(); ++I) {
    llvm::StringRef A = llvm::StringRef(E.Args[I]).trim();
    std::string Marker = "@ARG" + std::to_string(I) + "@";
    if (isGmockWildcard(A)) {
      Out.Matched[Marker] = ValueBounds();
      Args[W.Params[I].Name] = Marker;
    } else if (std::optional<ValueBounds> B = readValueBounds(A)) {
      if (B->Equal) {
        Args[W.Params[I].Name] = *B->Equal;
      } else {
        Out.Matched[Marker] = *B;
        Args[W.Params[I].Name] = Marker;
      }
    } else {
      Args[W.Params[I].Name] = A.str();
    }
  }
  const char *Branches = "the wrapper's body branches on something other than a literal";
  if (W.OtherBranches)
    return std::string(Branches);
  // A label switch on an argument written as one of its cases: the literal
  // that case assigns.
  std::map<std::string, std::string> Locals;
  for (const LabelSwitch &S : W.LabelSwitches) {
    auto Arg = Args.find(S.Param);
    auto Case = llvm::find_if(S.Cases, [&](const LabelCase &C) {
      return Arg != Args.end() && C.Label == Arg->second;
    });
    if (Case == S.Cases.end())
      return std::string(Branches);
    Locals[S.Variable] = Case->Literal;
  }
  // A piece of the body as the expectation's arguments make it.
  auto Filled = [&](const BodyTemplate &T) {
    std::string Text;
    for (const TemplatePiece &Piece : T) {
      const std::map<std::string, std::string> &By =
          Piece.K == TemplatePiece::Kind::Local ? Locals : Args;
      auto It = By.find(Piece.Value);
      bool Given = (Piece.K == TemplatePiece::Kind::Param ||
                    Piece.K == TemplatePiece::Kind::Local) &&
                   It != By.end();
      Text += Given ? It->second : Piece.Value;
    }
    return Text;
  };
  for (const ReturnGuard &G : W.Guards) {
    std::optional<double> A = numberIn(Filled(G.Left)), B = numberIn(Filled(G.Right));
    if (!A || !B)
      return std::string(Branches);
    Out.Skips = holds(*A, G.Op, *B);
    if (Out.Skips)
      return Out;
  }
  for (const BodyRecording &R : W.Recordings)
    Out.Recordings.push_back({R.Metric,
                              R.Labels ? std::optional<std::string>(Filled(*R.Labels))
                                       : std::nullopt,
                              R.Op, llvm::StringRef(Filled(R.Value)).trim().str()});
  if (Out.Recordings.empty())
    return std::string("no recording found in the wrapper's body");
  auto Named = [&](llvm::StringRef Text) {
    for (const auto &[Marker, B] : Out.Matched)
      if (Text.contains(Marker))
        return std::string(B.Low || B.High ? "a matcher" : "a '_' matcher");
    return std::string();
  };
  for (const Recording &R : Out.Recordings) {
    if (R.AddArgs && Out.holdsMatched(*R.AddArgs))
      return "a label comes from " + Named(*R.AddArgs);
    bool Bounded = R.Value.empty() || !Out.holdsMatched(R.Value) ||
                   (Out.boundsOf(R) && (Out.boundsOf(R)->Low || Out.boundsOf(R)->High));
    if (R.Op == "Increment" || R.Op == "Decrement") {
      if (!Bounded)
        return "the amount comes from " + Named(R.Value);
    } else if (R.Op == "Set") {
      if (!Bounded)
        return "the value set comes from " + Named(R.Value);
    } else if (R.Op != "Observe") {
      return "'" + R.Op + "' is not a recording it knows";
    }
  }
  return Out;
}

} // namespace mm
