#include "tests/unit/Snippet.h"

#include "core/JSON.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

TEST(ServiceRecorder, Smoke) {
  Catalog C = catalogFor(std::string(PrometheusIncludes) + BasicService);
  std::string S;
  llvm::raw_string_ostream OS(S);
  printJSON(OS, toJSON(C));
  llvm::errs() << S;
}

} // namespace
} // namespace mm::test
