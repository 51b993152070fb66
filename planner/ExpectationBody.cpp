//===--- ExpectationBody.cpp - What a wrapper records for an expectation --===//

#include "planner/ExpectationBody.h"

#include "core/TextEdits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace mm {

std::optional<double> numberIn(llvm::StringRef S) {
  S = S.trim();
  double D;
  if (S.empty() || S.getAsDouble(D))
    return std::nullopt;
  return D;
}

namespace {

/// Follows `switch (ARG) { case X: v = "lit"; ... }` for the literal ARG and
/// `if (A op B) return;` guards over literals. Returns the body with label
/// variables replaced, or None when a guard cannot be decided; sets \p Skips
/// when a guard returns early.
std::optional<std::string> simplify(std::string Body, bool &Skips) {
  Skips = false;
  llvm::Regex Switch("switch[[:space:]]*\\(([^)]*)\\)");
  llvm::SmallVector<llvm::StringRef, 2> M;
  if (Switch.match(Body, &M)) {
    std::string Arg = llvm::StringRef(M[1]).trim().str();
    llvm::Regex Case("case[[:space:]]+([A-Za-z0-9_:]+)[[:space:]]*:[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)"
                     "[[:space:]]*=[[:space:]]*(\"[^\"]*\")[[:space:]]*;");
    llvm::StringRef Rest = Body;
    llvm::SmallVector<llvm::StringRef, 4> C;
    std::string Var, Value;
    while (Case.match(Rest, &C)) {
      if (C[1] == Arg) {
        Var = C[2].str();
        Value = C[3].str();
      }
      Rest = Rest.substr(Rest.find(C[0]) + C[0].size());
    }
    if (Var.empty())
      return std::nullopt;
    // Replace the variable where it is used as a label value.
    size_t Pos;
    while ((Pos = Body.find(", " + Var + "}")) != std::string::npos)
      Body.replace(Pos + 2, Var.size(), Value);
  }
  llvm::Regex Guard("if[[:space:]]*\\((-?[0-9.]+)[[:space:]]*(<=|>=|==|!=|<|>)[[:space:]]*(-?[0-9.]+)\\)"
                    "[[:space:]]*\\{?[[:space:]]*return;");
  llvm::SmallVector<llvm::StringRef, 4> G;
  if (Guard.match(Body, &G)) {
    auto A = numberIn(G[1]), B = numberIn(G[3]);
    if (!A || !B)
      return std::nullopt;
    llvm::StringRef Op = G[2];
    bool True = Op == "<=" ? *A <= *B : Op == ">=" ? *A >= *B : Op == "==" ? *A == *B
              : Op == "!=" ? *A != *B : Op == "<" ? *A < *B : *A > *B;
    Skips = True;
  } else if (llvm::StringRef(Body).contains("return")) {
    return std::nullopt;
  }
  return Body;
}

std::vector<Recording> recordings(llvm::StringRef Body) {
  std::vector<Recording> Out;
  size_t Pos = 0;
  while ((Pos = Body.find("${metric:", Pos)) != llvm::StringRef::npos) {
    size_t End = Body.find('}', Pos);
    Recording R;
    R.Metric = Body.slice(Pos + 9, End).str();
    size_t I = End + 1;
    auto Skip = [&] {
      while (I < Body.size() && llvm::isSpace(Body[I]))
        ++I;
    };
    Skip();
    if (Body.substr(I).starts_with(".Add(")) {
      size_t Close = closingBracket(Body, I + 4);
      if (Close == llvm::StringRef::npos)
        break;
      R.AddArgs = Body.slice(I + 5, Close).str();
      I = Close + 1;
      Skip();
    }
    if (Body.substr(I).starts_with("->"))
      I += 2;
    else if (Body.substr(I).starts_with("."))
      I += 1;
    size_t Open = Body.find('(', I);
    if (Open == llvm::StringRef::npos)
      break;
    R.Op = Body.slice(I, Open).trim().str();
    size_t Close = closingBracket(Body, Open);
    if (Close == llvm::StringRef::npos)
      break;
    R.Value = Body.slice(Open + 1, Close).trim().str();
    Out.push_back(std::move(R));
    Pos = Close;
  }
  return Out;
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
  // Parameters only; metric holes stay to be found.
  std::string Body;
  for (llvm::StringRef T = W.Template; !T.empty();) {
    size_t P = T.find("${param:");
    if (P == llvm::StringRef::npos) {
      Body += T;
      break;
    }
    Body += T.take_front(P);
    size_t End = T.find('}', P);
    std::string Name = T.slice(P + 8, End).str();
    Body += Args.count(Name) ? Args[Name] : Name;
    T = T.drop_front(End + 1);
  }
  std::optional<std::string> Simple = simplify(Body, Out.Skips);
  if (!Simple)
    return std::string("the wrapper's body branches on something other than a literal");
  if (Out.Skips)
    return Out;
  Out.Recordings = recordings(*Simple);
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
