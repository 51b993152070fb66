//===--- DeltaAssertions.cpp - Absolute readings become changes -----------===//
//
// Takes the value assertions of the tests (Facts::ValueAssertions) and hands
// on edits. Once the migration is done every metric of the service lives on
// the process-wide registry: a test that built the service on a registry of
// its own and asserted what it read there (`EXPECT_EQ(sampleValue(*registry,
// "x_total"), 2.0)`, `EXPECT_EQ(metrics.batchesObserved(), 1u)`) now reads a
// value every earlier test of the process added to. Such a read of a metric
// that accumulates (a counter, a histogram's or a summary's samples, a gauge
// incremented or decremented) is made once more where the test could first
// make it, and the assertion is on the change:
//
//   const auto flushedSizeBefore = flushed("size");   // as early as it can
//   ...
//   EXPECT_EQ(flushed("size") - flushedSizeBefore, 2.0);
//
// A gauge only ever `Set` holds what the test set and is left as it is.
// A line of the text exposition the test searches for (`EXPECT_THAT(text,
// HasSubstr("x_total{k=\"v\"} 7"))`, `text.find("..") != npos`) becomes the
// change of the value that line shows, read before from a serialization of
// the process-wide registry, through a file-local `exposedValue`.
// Runs after the rules that rewrite calls, so the read made early is the
// read as the migration leaves it.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <deque>
#include <map>
#include <set>

namespace mm {

namespace {

/// Whether reading \p M twice and subtracting gives what a test did: every
/// kind but a gauge, and a gauge some wrapper increments or decrements.
bool accumulates(const Metric &M, llvm::ArrayRef<Wrapper> Wrappers) {
  if (M.Kind != MetricKind::Gauge)
    return true;
  return llvm::any_of(Wrappers, [&](const Wrapper &W) {
    auto It = W.Operations.find(M.Name);
    return It != W.Operations.end() &&
           (llvm::is_contained(It->second, "Increment") ||
            llvm::is_contained(It->second, "Decrement"));
  });
}

/// Whether \p M is a gauge the wrappers only ever set: what it holds is
/// what was set last, and 0 before anything was.
bool onlySet(const Metric &M, llvm::ArrayRef<Wrapper> Wrappers) {
  if (M.Kind != MetricKind::Gauge)
    return false;
  bool Set = false;
  for (const Wrapper &W : Wrappers)
    if (auto It = W.Operations.find(M.Name); It != W.Operations.end())
      for (const std::string &Op : It->second) {
        if (Op != "Set" && Op != "SetToCurrentTime")
          return false;
        Set = true;
      }
  return Set;
}

/// \p Chain on one line: the line breaks of the file it was written in
/// and the indentation after each go (the migration's lines are formatted
/// in the style of the file they land in).
std::string oneLine(llvm::StringRef Chain) {
  std::string Out;
  while (!Chain.empty()) {
    auto [Line, Rest] = Chain.split('\n');
    Out += Out.empty() ? Line.rtrim().str() : Line.trim().str();
    Chain = Rest;
  }
  return Out;
}

/// Words of \p S for a name: runs of letters and digits, lower case, split at
/// `_`, `.`, ` ` and before an upper-case letter that follows a lower-case one.
std::vector<std::string> wordsOf(llvm::StringRef S) {
  std::vector<std::string> Out;
  std::string Cur;
  char Prev = 0;
  for (char C : S) {
    bool Alnum = llvm::isAlnum(C);
    if (!Alnum || (llvm::isUpper(C) && llvm::isLower(Prev))) {
      if (!Cur.empty())
        Out.push_back(std::move(Cur));
      Cur.clear();
    }
    if (Alnum)
      Cur += llvm::toLower(C);
    Prev = C;
  }
  if (!Cur.empty())
    Out.push_back(std::move(Cur));
  return Out;
}

/// Whether the names the file declares (locals, functions) are mostly
/// `lowerCamel` rather than `snake_case`; on a tie, the names it calls.
/// Read by the raw lexer: names in comments and strings do not count.
bool camelNames(llvm::StringRef Text) {
  std::vector<RawToken> Tokens = rawTokens(Text);
  unsigned Camel = 0, Snake = 0;
  auto Count = [&](llvm::StringRef Name) {
    if (Name.contains('_'))
      ++Snake;
    else if (llvm::any_of(Name, llvm::isUpper))
      ++Camel;
  };
  auto LowerName = [&](size_t I) {
    return I < Tokens.size() && Tokens[I].is(clang::tok::raw_identifier) &&
           llvm::isLower(Tokens[I].Spelling.front());
  };
  auto Is = [&](size_t I, clang::tok::TokenKind K) { return I < Tokens.size() && Tokens[I].is(K); };
  for (size_t I = 0; I < Tokens.size(); ++I) {
    // A local: `int count = ..`, `const auto& first_item(..)`.
    if (llvm::is_contained({"auto", "double", "int", "bool", "size_t", "string", "const"},
                           Tokens[I].Spelling) &&
        Tokens[I].is(clang::tok::raw_identifier)) {
      size_t J = I + 1;
      while (J < Tokens.size() && Tokens[J].isOneOf(clang::tok::amp, clang::tok::star,
                                                    clang::tok::ampamp))
        ++J;
      if (LowerName(J) && (Is(J + 1, clang::tok::equal) || Is(J + 1, clang::tok::l_paren) ||
                           Is(J + 1, clang::tok::l_brace) || Is(J + 1, clang::tok::semi)))
        Count(Tokens[J].Spelling);
      continue;
    }
    // A function defined: `name(..) [const] {`, no brackets in between.
    if (LowerName(I) && Is(I + 1, clang::tok::l_paren)) {
      size_t J = I + 2;
      while (J < Tokens.size() && !Tokens[J].isOneOf(clang::tok::r_paren, clang::tok::l_paren,
                                                     clang::tok::l_brace, clang::tok::r_brace,
                                                     clang::tok::semi))
        ++J;
      if (Is(J, clang::tok::r_paren) && Tokens.size() > J + 1 &&
          (Is(J + 1, clang::tok::l_brace) ||
           (Tokens[J + 1].isWord("const") && Is(J + 2, clang::tok::l_brace))))
        Count(Tokens[I].Spelling);
    }
  }
  if (Camel != Snake)
    return Camel > Snake;
  // A tie (nothing but one-word names): the functions it calls.
  for (size_t I = 0; I + 1 < Tokens.size(); ++I)
    if (LowerName(I) && Is(I + 1, clang::tok::l_paren) &&
        (I == 0 || !Tokens[I - 1].is(clang::tok::coloncolon)))
      Count(Tokens[I].Spelling);
  return Camel > Snake;
}

std::string joinName(const std::vector<std::string> &Words, bool Camel) {
  std::string Out;
  for (const std::string &W : Words) {
    if (Camel && !Out.empty())
      Out += llvm::toUpper(W[0]) + W.substr(1);
    else
      Out += (Out.empty() || Camel ? "" : "_") + W;
  }
  return Out;
}

/// \p Text with the edits that lie wholly inside [\p Begin, \p End) applied;
/// nothing when an edit straddles a bound.
std::optional<std::string> editedSlice(llvm::StringRef Text, unsigned Begin, unsigned End,
                                       const std::vector<Edit> *Edits) {
  std::vector<Edit> Inside;
  if (Edits)
    for (const Edit &E : *Edits) {
      unsigned EEnd = E.Offset + E.Length;
      bool Insertion = E.Length == 0 && E.Offset > Begin && E.Offset < End;
      if ((EEnd <= Begin || E.Offset >= End) && !Insertion)
        continue;
      if (E.Offset < Begin || EEnd > End)
        return std::nullopt;
      Inside.push_back(E);
    }
  return applyWithin(Text, Begin, End - Begin, std::move(Inside));
}

/// The service metric a series of the text exposition belongs to: `x_total`,
/// `x_total{k="v"}`, a histogram's or summary's `x_count`, `x_sum`,
/// `x_bucket{le="1"}`.
const Metric *exposedMetric(llvm::StringRef Series,
                            const std::map<std::string, const Metric *> &ByName) {
  llvm::StringRef Name = Series.take_until([](char C) { return C == '{'; });
  if (auto It = ByName.find(Name.str()); It != ByName.end())
    return It->second;
  for (llvm::StringRef Suffix : {"_count", "_sum", "_bucket"})
    if (Name.ends_with(Suffix))
      if (auto It = ByName.find(Name.drop_back(Suffix.size()).str());
          It != ByName.end() && It->second->Kind != MetricKind::Counter &&
          It->second->Kind != MetricKind::Gauge)
        return It->second;
  return nullptr;
}

std::string collapseSpaces(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

/// The two rewrites and what they share: the metrics by name, the reads
/// made early per place (one insertion each), the names taken per test.
class DeltaWriter {
public:
  explicit DeltaWriter(RewriteContext &Ctx);

  /// `EXPECT_EQ(read, v)` -> `EXPECT_EQ(read - readBefore, v)`.
  llvm::Error valueRead(const ValueAssertion &A);
  /// A gauge only ever set, asserted at 0 (its value before anything set
  /// it): set back to 0 where the test begins.
  llvm::Error freshGauge(const ValueAssertion &A, const Metric &M);
  /// `EXPECT_THAT(text, HasSubstr("x_total 7"))` ->
  /// `EXPECT_EQ(exposedValue(text, "x_total") - xExposedBefore, 7)`.
  llvm::Error expositionLine(const ExpositionAssertion &A);
  /// The reads made early, one insertion per place.
  llvm::Error placeEarlyReads();

private:
  struct Early {
    std::string Read; ///< Without blanks: the key a second read reuses.
    std::string Name;
    std::string Statement;
  };

  /// The metrics \p A's call reads: the service's, and (for items only)
  /// those registered elsewhere.
  std::vector<const Metric *> metricsRead(const ValueAssertion &A) const;
  /// \p M's words for a name, without the prefix every metric of the
  /// service shares (`ingestd_`) and a `total` or `count` at the end.
  std::vector<std::string> metricWords(const Metric &M) const;
  /// \p Words joined in the file's style, made unique in the test.
  std::string freshName(const std::string &File, const std::string &Test, llvm::StringRef Text,
                        std::vector<std::string> Words, bool Camel);

  RewriteContext &Ctx;
  std::map<std::string, const Metric *> ByName;
  std::map<std::string, const Wrapper *> BySignature;
  /// Counters, histograms and summaries the project registers elsewhere
  /// (the constants an earlier run moved out of the service): what cannot
  /// be read before the test acts is an item for them too, so a second run
  /// still lists it; only the service's own are rewritten.
  std::deque<Metric> Elsewhere;
  std::set<std::string> ElsewhereNames;
  std::map<std::string, const Metric *> AnyByName;
  std::string Prefix;
  /// The reads of each metric in each test: what tells them apart names them.
  std::map<std::pair<std::string, std::string>, std::vector<const ValueAssertion *>> Siblings;
  /// The series of each metric each test searches its exposition for.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> SeriesOf;
  std::map<std::pair<std::string, unsigned>, std::vector<Early>> ByPlace;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> NamesTaken;
};

DeltaWriter::DeltaWriter(RewriteContext &Ctx) : Ctx(Ctx) {
  for (const Metric &M : Ctx.C.Metrics)
    if (!M.Name.empty())
      ByName.emplace(M.Name, &M);
  for (const Wrapper &W : Ctx.C.Wrappers)
    BySignature.emplace(W.Signature, &W);
  for (const Registration &R : Ctx.F.Registrations)
    if (!R.Name.empty() && R.Kind != MetricKind::Gauge && !ByName.count(R.Name) &&
        ElsewhereNames.insert(R.Name).second) {
      Elsewhere.emplace_back();
      Elsewhere.back().Name = R.Name;
      Elsewhere.back().Kind = R.Kind;
      Elsewhere.back().LabelNames = R.LabelNames;
    }
  AnyByName = ByName;
  for (const Metric &M : Elsewhere)
    AnyByName.emplace(M.Name, &M);
  for (const Metric &M : Ctx.C.Metrics) {
    llvm::StringRef First = llvm::StringRef(M.Name).split('_').first;
    if (&M == &Ctx.C.Metrics.front())
      Prefix = First.str();
    else if (Prefix != First)
      Prefix.clear();
  }
  if (Ctx.C.Metrics.size() < 2)
    Prefix.clear();
  for (const ValueAssertion &A : Ctx.F.ValueAssertions)
    if (std::vector<const Metric *> Read = metricsRead(A); !Read.empty())
      Siblings[{A.Test, Read.front()->Name}].push_back(&A);
  for (const ExpositionAssertion &A : Ctx.F.ExpositionAssertions) {
    llvm::StringRef Series = llvm::StringRef(A.Line).rsplit(' ').first;
    if (const Metric *M = exposedMetric(Series, ByName))
      SeriesOf[{A.Test, M->Name}].insert(Series.str());
  }
}

std::vector<const Metric *> DeltaWriter::metricsRead(const ValueAssertion &A) const {
  std::vector<const Metric *> Read;
  for (const std::string &L : A.Literals)
    if (auto It = AnyByName.find(L); It != AnyByName.end())
      Read.push_back(It->second);
  for (const std::string &Sig : A.Methods) {
    auto It = BySignature.find(Sig);
    if (It == BySignature.end() || It->second->ReturnType == "void")
      continue;
    for (const std::string &Name : It->second->Metrics)
      if (auto MIt = ByName.find(Name); MIt != ByName.end())
        Read.push_back(MIt->second);
  }
  return Read;
}

std::vector<std::string> DeltaWriter::metricWords(const Metric &M) const {
  std::vector<std::string> Words = wordsOf(M.Name);
  if (!Prefix.empty() && Words.size() > 1 && Words[0] == Prefix)
    Words.erase(Words.begin());
  if (!Words.empty() && (Words.back() == "total" || Words.back() == "count"))
    Words.pop_back();
  return Words;
}

std::string DeltaWriter::freshName(const std::string &File, const std::string &Test,
                                   llvm::StringRef Text, std::vector<std::string> Words,
                                   bool Camel) {
  Words.push_back("before");
  std::string Base = joinName(Words, Camel), Name = Base;
  std::set<std::string> &Taken = NamesTaken[{File, Test}];
  for (int N = 2; Taken.count(Name) || containsWord(Text, Name); ++N)
    Name = Base + std::to_string(N);
  Taken.insert(Name);
  return Name;
}

llvm::Error DeltaWriter::valueRead(const ValueAssertion &A) {
  std::vector<const Metric *> Read = metricsRead(A);
  if (Read.empty() || Ctx.P.replacedTest(A.Read))
    return llvm::Error::success();
  if (!llvm::any_of(Read, [&](const Metric *M) { return accumulates(*M, Ctx.C.Wrappers); })) {
    if (A.Expected == 0.0 && onlySet(*Read.front(), Ctx.C.Wrappers))
      return freshGauge(A, *Read.front());
    return llvm::Error::success();
  }
  if (Ctx.replacedWhole(A.Read.File))
    return llvm::Error::success();
  const std::vector<Edit> *Edits = Ctx.editsInPlace(A.Read.File);
  auto Text = Ctx.text(A.Read.File);
  if (!Text)
    return Text.takeError();
  llvm::StringRef File = *Text;
  llvm::StringRef Original = File.substr(A.Read.Offset, A.Read.Length);
  const Metric *M = Read.front();
  auto Leave = [&](const std::string &Because, llvm::StringRef Advice) {
    Ctx.manual(A.Stmt, "the absolute value " + Original.str() + " in " + A.Test,
               Because + "; since the migration every test of the process adds to " + M->Name +
                   ": " + Advice.str(),
               LeftBecause::AbsoluteValue);
    return llvm::Error::success();
  };
  const char *ReadBefore = "assert the change from a value read before the test acts";
  if (A.Sentinel)
    return Leave(A.Callee + " answers a number other than 0 where nothing was recorded, so a "
                            "value read before the test acts cannot be subtracted",
                 "make it answer 0 there, and run again");
  if (A.ReadyAt == 0)
    return Leave("it names a variable declared inside a block", ReadBefore);
  if (llvm::all_of(Read, [&](const Metric *R) { return ElsewhereNames.count(R->Name); }))
    return llvm::Error::success();
  std::optional<std::string> Now =
      editedSlice(File, A.Read.Offset, A.Read.Offset + A.Read.Length, Edits);
  if (!Now)
    return Leave("the migration rewrites it in pieces", ReadBefore);

  std::vector<Early> &Reads = ByPlace[{A.Read.File, A.ReadyAt}];
  std::string Key = collapseSpaces(*Now);
  auto Same = llvm::find_if(Reads, [&](const Early &E) { return E.Read == Key; });
  bool New = Same == Reads.end();
  std::string Name;
  if (!New) {
    Name = Same->Name;
  } else {
    // Named after what it reads (the metric, or the accessor), then what
    // tells it apart from the test's other reads of the metric: the
    // function reading it, the label values it spells.
    bool ByLiteral = llvm::is_contained(A.Literals, M->Name);
    std::vector<std::string> Words = ByLiteral ? metricWords(*M) : wordsOf(A.Callee);
    auto Spells = [&](const ValueAssertion *B, const std::string &L) {
      return File.substr(B->Read.Offset, B->Read.Length).contains("\"" + L + "\"");
    };
    const auto &Others = Siblings[{A.Test, M->Name}];
    if (ByLiteral &&
        llvm::any_of(Others, [&](const ValueAssertion *B) { return B->Callee != A.Callee; }))
      llvm::append_range(Words, wordsOf(A.Callee));
    for (const std::string &L : A.Literals)
      if (L != M->Name && Spells(&A, L) &&
          llvm::any_of(Others, [&](const ValueAssertion *B) { return !Spells(B, L); }))
        llvm::append_range(Words, wordsOf(L));
    Name = freshName(A.Read.File, A.Test, File, std::move(Words), camelNames(File));
    Reads.push_back({Key, Name, "const auto " + Name + " = " + *Now + ";"});
  }
  Ctx.edit(A.Read.File, A.Read.Offset + A.Read.Length, 0, " - " + Name,
           "the change of " + M->Name + " in " + A.Test);
  std::string Assertion = File.substr(A.Stmt.Offset, A.Stmt.Length).str();
  std::string After = Assertion;
  After.replace(A.Read.Offset - A.Stmt.Offset, A.Read.Length, *Now + " - " + Name);
  Ctx.Result.TestRewrites.push_back({A.Stmt, A.Test, M->Name, Assertion,
                                     (New ? Reads.back().Statement + "\n" : "") + After});
  return llvm::Error::success();
}

llvm::Error DeltaWriter::freshGauge(const ValueAssertion &A, const Metric &M) {
  if (Ctx.replacedWhole(A.Read.File))
    return llvm::Error::success();
  auto Text = Ctx.text(A.Read.File);
  if (!Text)
    return Text.takeError();
  llvm::StringRef File = *Text;
  // Set back through its own chain: on a registry that merges, the same
  // child. A family's series would need the labels the test reads.
  bool Child = M.ChildArgs && M.Style != FieldStyle::FamilyRef && M.Style != FieldStyle::FamilyPtr;
  if (!Child || M.BuilderChain.empty() || M.RegisterAt == 0 || Ctx.P.RegistryExpr.empty()) {
    Ctx.manual(A.Stmt,
               "the gauge " + M.Name + " asserted at 0 in " + A.Test,
               "a test of the process may have set it on the process-wide registry before this "
               "one: set it to 0 where the test begins, or assert on what this test sets",
               LeftBecause::AbsoluteValue);
    return llvm::Error::success();
  }
  std::string Reset = oneLine(rebuiltChain(M, Ctx.P.RegistryExpr)) + ".Set(0);";
  // Already set back (a second run), before the assertion.
  if (A.BodyStart < A.Stmt.Offset &&
      collapseSpaces(File.slice(A.BodyStart, A.Stmt.Offset)).find(collapseSpaces(Reset)) !=
          std::string::npos)
    return llvm::Error::success();
  std::vector<Early> &Reads = ByPlace[{A.Read.File, A.BodyStart}];
  std::string Key = collapseSpaces(Reset);
  if (llvm::none_of(Reads, [&](const Early &E) { return E.Read == Key; })) {
    Reads.insert(Reads.begin(),
                 {Key, "", "// Earlier tests of the process may have set " + M.Name + ": 0, as a "
                           "fresh registry had it.\n" + Reset});
    Ctx.chainIn(A.Read.File, M, Reset);
    Ctx.Result.Lookups.push_back({A.Read.File, M.Name});
  }
  Ctx.Result.TestRewrites.push_back({A.Stmt, A.Test, M.Name,
                                     File.substr(A.Stmt.Offset, A.Stmt.Length).str(),
                                     Reset + "\n" + File.substr(A.Stmt.Offset, A.Stmt.Length).str()});
  return llvm::Error::success();
}

llvm::Error DeltaWriter::expositionLine(const ExpositionAssertion &A) {
  auto [Series, Value] = llvm::StringRef(A.Line).rsplit(' ');
  double Number;
  const Metric *M = exposedMetric(Series, ByName);
  if (!M || Value.getAsDouble(Number) || !std::isfinite(Number) ||
      !accumulates(*M, Ctx.C.Wrappers) || Ctx.P.replacedTest(A.Stmt) ||
      Ctx.P.RegistryExpr.empty())
    return llvm::Error::success();
  if (Ctx.replacedWhole(A.Stmt.File))
    return llvm::Error::success();
  const std::vector<Edit> *Edits = Ctx.editsInPlace(A.Stmt.File);
  auto Text = Ctx.text(A.Stmt.File);
  if (!Text)
    return Text.takeError();
  llvm::StringRef File = *Text;
  // The literal as written, less its value: `"x_total{k=\"v\"} 7"`.
  llvm::StringRef Written = File.substr(A.Literal.Offset, A.Literal.Length);
  std::string Tail = " " + Value.str() + "\"";
  unsigned StmtEnd = A.Stmt.Offset + A.Stmt.Length, TextEnd = A.Text.Offset + A.Text.Length;
  if (!Written.starts_with("\"") || !Written.ends_with(Tail) || A.Text.Offset < A.Stmt.Offset ||
      TextEnd > StmtEnd || A.Text.File != A.Stmt.File) {
    Ctx.manual(A.Stmt, "the absolute value of " + A.Line + " in " + A.Test,
               "the text it is searched for is not written as one literal; since the "
               "migration every test of the process adds to " + M->Name +
                   ": assert the change from a value read before the test acts",
               LeftBecause::AbsoluteValue);
    return llvm::Error::success();
  }
  std::string SeriesLiteral = Written.drop_back(Tail.size()).str() + "\"";
  // Nothing else may edit the assertion around the text it searches.
  auto Touches = [&](unsigned Begin, unsigned End) {
    return Edits && llvm::any_of(*Edits, [&](const Edit &E) {
             return E.Offset < End && E.Offset + E.Length > Begin;
           });
  };
  if (Touches(A.Stmt.Offset, A.Text.Offset) || Touches(TextEnd, StmtEnd))
    return llvm::Error::success();

  bool Camel = camelNames(File);
  std::string Helper = Camel ? "exposedValue" : "exposed_value";
  if (Ctx.Placed.insert({A.Stmt.File, "helper " + Helper}).second) {
    Ctx.Preamble[A.Stmt.File][RewriteContext::Helpers].push_back(
        "// What the text exposition `text` shows for `series` (0 if nothing).\n"
        "double " + Helper + "(const std::string& text, const std::string& series) {\n"
        "  const std::string line = series + \" \";\n"
        "  for (std::size_t at = text.find(line); at != std::string::npos;\n"
        "       at = text.find(line, at + 1))\n"
        "    if (at == 0 || text[at - 1] == '\\n')\n"
        "      return std::stod(text.substr(at + line.size()));\n"
        "  return 0;\n"
        "}");
    Ctx.include(A.Stmt.File, "<cstddef>");
    Ctx.include(A.Stmt.File, "<string>");
  }
  Ctx.include(A.Stmt.File, "<prometheus/text_serializer.h>");
  Ctx.include(A.Stmt.File, includeSpelling(Ctx.F, Ctx.P.RegistryHeader, A.Stmt.File));

  // Named after the metric, and the label values that tell the test's
  // series of it apart.
  std::vector<std::string> Words = metricWords(*M);
  if (SeriesOf[{A.Test, M->Name}].size() > 1)
    for (llvm::StringRef Rest = Series; Rest.contains("=\"");) {
      Rest = Rest.split("=\"").second;
      llvm::append_range(Words, wordsOf(Rest.take_until([](char C) { return C == '"'; })));
    }
  Words.push_back("exposed");
  std::string Name = freshName(A.Stmt.File, A.Test, File, std::move(Words), Camel);
  std::string Read = Helper + "(prometheus::TextSerializer().Serialize(" + Ctx.P.RegistryExpr +
                     ".Collect()), " + SeriesLiteral + ")";
  ByPlace[{A.Stmt.File, A.BodyStart}].push_back(
      {collapseSpaces(Read), Name, "const auto " + Name + " = " + Read + ";"});

  std::string Assert = File.substr(A.Stmt.Offset, 7) == "ASSERT_" ? "ASSERT_EQ(" : "EXPECT_EQ(";
  std::string After = ", " + SeriesLiteral + ") - " + Name + ", " + Value.str() + ")";
  std::string Origin = "the change of " + Series.str() + " in " + A.Test;
  Ctx.edit(A.Stmt.File, A.Stmt.Offset, A.Text.Offset - A.Stmt.Offset, Assert + Helper + "(",
           Origin);
  Ctx.edit(A.Stmt.File, TextEnd, StmtEnd - TextEnd, After, Origin);
  std::string TextNow = editedSlice(File, A.Text.Offset, TextEnd, Edits)
                            .value_or(File.slice(A.Text.Offset, TextEnd).str());
  Ctx.Result.TestRewrites.push_back(
      {A.Stmt, A.Test, M->Name, File.substr(A.Stmt.Offset, A.Stmt.Length).str(),
       "const auto " + Name + " = " + Read + ";\n" + Assert + Helper + "(" + TextNow + After});
  return llvm::Error::success();
}

llvm::Error DeltaWriter::placeEarlyReads() {
  for (auto &[Place, Reads] : ByPlace) {
    auto Text = Ctx.text(Place.first);
    if (!Text)
      return Text.takeError();
    // Indented as the first line of code after the place.
    llvm::StringRef Rest = llvm::StringRef(*Text).drop_front(Place.second);
    llvm::StringRef Line = Rest.drop_until([](char C) { return C == '\n'; }).drop_front();
    while (!Line.empty() && Line.take_until([](char C) { return C == '\n'; }).trim().empty())
      Line = Line.drop_until([](char C) { return C == '\n'; }).drop_front();
    std::string Indent = Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
    std::string Insert;
    for (const Early &E : Reads)
      for (llvm::StringRef Line : llvm::split(E.Statement, '\n'))
        Insert += "\n" + Indent + Line.str();
    Ctx.edit(Place.first, Place.second, 0, Insert,
             "values read before the test acts, in " + Place.first);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error deltaAssertions(RewriteContext &Ctx) {
  DeltaWriter Writer(Ctx);
  for (const ValueAssertion &A : Ctx.F.ValueAssertions)
    if (llvm::Error E = Writer.valueRead(A))
      return E;
  for (const ExpositionAssertion &A : Ctx.F.ExpositionAssertions)
    if (llvm::Error E = Writer.expositionLine(A))
      return E;
  return Writer.placeEarlyReads();
}

} // namespace mm
