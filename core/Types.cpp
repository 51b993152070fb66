//===--- Types.cpp - Names and small helpers of the shared vocabulary -----===//

#include "core/Types.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace mm {

llvm::StringRef toString(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "counter";
  case MetricKind::Gauge: return "gauge";
  case MetricKind::Histogram: return "histogram";
  case MetricKind::Summary: return "summary";
  }
  return "counter";
}

llvm::StringRef toString(FieldStyle S) {
  switch (S) {
  case FieldStyle::FamilyRef: return "family-ref";
  case FieldStyle::FamilyPtr: return "family-ptr";
  case FieldStyle::ChildRef: return "child-ref";
  case FieldStyle::ChildPtr: return "child-ptr";
  }
  return "family-ref";
}

llvm::StringRef toString(InitStyle S) {
  switch (S) {
  case InitStyle::MemberInitializer: return "member-initializer";
  case InitStyle::ConstructorBody: return "constructor-body";
  case InitStyle::DefaultInitializer: return "default-initializer";
  case InitStyle::MethodBody: return "method-body";
  }
  return "member-initializer";
}

llvm::StringRef toString(BodyKind K) {
  switch (K) {
  case BodyKind::SingleExpression: return "single-expression";
  case BodyKind::MultiStatement: return "multi-statement";
  case BodyKind::Other: return "other";
  }
  return "other";
}

llvm::StringRef toString(InjectionKind K) {
  switch (K) {
  case InjectionKind::ConstructorParam: return "constructor-param";
  case InjectionKind::Field: return "field";
  case InjectionKind::FunctionParam: return "function-param";
  case InjectionKind::FunctionTypeParam: return "function-type-param";
  }
  return "field";
}

llvm::StringRef toString(Holder H) {
  switch (H) {
  case Holder::Reference: return "reference";
  case Holder::Pointer: return "pointer";
  case Holder::SharedPtr: return "shared_ptr";
  case Holder::UniquePtr: return "unique_ptr";
  case Holder::Value: return "value";
  }
  return "reference";
}

llvm::StringRef toString(DoubleKind K) {
  return K == DoubleKind::Mock ? "mock" : "stub";
}

llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const SourceSpan &S) {
  return OS << S.File << ':' << S.Line << ':' << S.Column;
}

std::string contentHash(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes));
}

namespace {

/// `"../common/metrics/registry.h"`: \p File from \p Includer's folder.
std::string relativeTo(llvm::StringRef Includer, llvm::StringRef File) {
  llvm::SmallVector<llvm::StringRef, 8> From, To;
  llvm::StringRef(llvm::sys::path::parent_path(Includer)).split(From, '/', -1, false);
  File.split(To, '/', -1, false);
  size_t Common = 0;
  while (Common < From.size() && Common + 1 < To.size() && From[Common] == To[Common])
    ++Common;
  std::string Out;
  for (size_t I = Common; I < From.size(); ++I)
    Out += "../";
  for (size_t I = Common; I < To.size(); ++I)
    Out += To[I].str() + (I + 1 < To.size() ? "/" : "");
  return Out;
}

} // namespace

std::string includeSpelling(const Facts &F, llvm::StringRef File, llvm::StringRef Includer) {
  // The folders on the include path of every TU reading Includer, if known.
  const std::vector<std::string> *Searched = nullptr;
  if (auto It = F.SearchRoots.find(Includer.str()); !Includer.empty() && It != F.SearchRoots.end())
    Searched = &It->second;
  auto Searches = [&](llvm::StringRef Root) {
    return !Searched || llvm::is_contained(*Searched, Root);
  };
  if (auto It = F.IncludeSpellings.find(File.str()); It != F.IncludeSpellings.end()) {
    llvm::StringRef Spelling = It->second;
    llvm::StringRef Name = Spelling.drop_front().drop_back();
    bool FromRoot = File.ends_with(Name) && Searches(File.drop_back(Name.size()));
    bool FromHere = Spelling.starts_with("\"") && relativeTo(Includer, File) == Name;
    if (!Searched || FromRoot || FromHere)
      return Spelling.str();
  }
  // The root most includes resolve from that can reach File.
  std::string Root;
  uint64_t Most = 0;
  bool Found = false;
  for (const auto &[From, Count] : F.IncludeRoots) {
    bool Reaches = From == "." ? !Includer.empty() : File.starts_with(From) && Searches(From);
    if (Reaches && Count > Most) {
      Root = From;
      Most = Count;
      Found = true;
    }
  }
  if (!Found && !Includer.empty() && !Searches(""))
    Root = ".";
  if (Root != ".")
    return "\"" + File.drop_front(Root.size()).str() + "\"";
  return "\"" + relativeTo(Includer, File) + "\"";
}

std::string moduleOf(llvm::StringRef File) {
  llvm::SmallString<128> P(File);
  llvm::sys::path::replace_extension(P, "");
  return std::string(P);
}

std::string rebuiltChain(const Metric &M, llvm::StringRef Registry) {
  llvm::StringRef Chain = M.BuilderChain;
  std::string Out = Chain.take_front(M.RegisterAt).str() + ".Register(" + Registry.str() + ")";
  if (M.ChildArgs && M.Style != FieldStyle::FamilyRef && M.Style != FieldStyle::FamilyPtr)
    Out += ".Add(" + *M.ChildArgs + ")";
  return Out;
}

bool isHeaderFile(llvm::StringRef File) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return llvm::is_contained(HeaderExtensions, Ext);
}

bool isCxxFile(llvm::StringRef File) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return llvm::is_contained(HeaderExtensions, Ext) ||
         llvm::is_contained(SourceExtensions, Ext) ||
         llvm::is_contained(OtherCxxExtensions, Ext);
}

bool isGmockWildcard(llvm::StringRef Arg) {
  Arg = Arg.trim();
  return Arg == "_" || Arg == "testing::_" || Arg == "::testing::_";
}

bool isTestFrameworkHeader(llvm::StringRef Path) {
  static constexpr const char *Headers[] = {
      "/gtest/gtest.h",     "/gmock/gmock.h",         "/catch2/catch.hpp",
      "/catch2/catch_all.hpp", "/catch2/catch_test_macros.hpp", "/doctest/doctest.h",
      "/doctest.h",         "/boost/test/unit_test.hpp"};
  return llvm::any_of(Headers, [&](const char *H) {
    return Path.ends_with(H) || Path == llvm::StringRef(H).drop_front();
  });
}

} // namespace mm
