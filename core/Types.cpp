//===--- Types.cpp - Names and small helpers of the shared vocabulary -----===//

#include "core/Types.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

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

std::string includeSpelling(const Facts &F, llvm::StringRef File) {
  auto It = F.IncludeSpellings.find(File.str());
  return It != F.IncludeSpellings.end() ? It->second : "\"" + File.str() + "\"";
}

std::string moduleOf(llvm::StringRef File) {
  llvm::SmallString<128> P(File);
  llvm::sys::path::replace_extension(P, "");
  return std::string(P);
}

bool isHeaderFile(llvm::StringRef File) {
  return llvm::any_of(HeaderExtensions,
                      [&](const char *Ext) { return File.ends_with(Ext); });
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
