//===--- Snippet.cpp - Run the matchers on a small in-memory TU -----------===//

#include "tests/unit/Snippet.h"

#include "matchers/FactsAction.h"

#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

#include <algorithm>

namespace mm::test {

const char *const PrometheusIncludes = R"cpp(
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <memory>
#include <string>
)cpp";

const char *const BasicService = R"cpp(
namespace shop {
class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;
  virtual void RecordQuantityChange(const std::string& operation, int delta) = 0;
  virtual void RecordKitCreated(int count = 1) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();
  void RecordQuantityChange(const std::string& operation, int delta) override;
  void RecordKitCreated(int count = 1) override;
  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& inventory_quantity_changes_total_;
  prometheus::Counter* kits_created_total_ = nullptr;
};

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      inventory_quantity_changes_total_(prometheus::BuildCounter()
                                            .Name("inventory_quantity_changes_total")
                                            .Help("Quantity changes by operation")
                                            .Register(*registry_)) {
  kits_created_total_ = &prometheus::BuildCounter()
                             .Name("kits_created_total")
                             .Help("Kits created")
                             .Register(*registry_)
                             .Add({});
}

void MetricsService::RecordQuantityChange(const std::string& operation, int delta) {
  inventory_quantity_changes_total_.Add({{"operation", operation}}).Increment(delta);
}

void MetricsService::RecordKitCreated(int count) {
  kits_created_total_->Increment(count);
}
}  // namespace shop
)cpp";

unsigned lineOf(const std::string &Code, const std::string &Needle) {
  size_t Pos = Code.find(Needle);
  EXPECT_NE(Pos, std::string::npos) << Needle;
  return Pos == std::string::npos
             ? 0
             : 1 + std::count(Code.begin(), Code.begin() + Pos, '\n');
}

TUFacts factsFor(const std::string &Code, const std::string &Service) {
  Config Cfg;
  Cfg.ServiceClass = Service;
  Cfg.Root = "/project";
  Cfg.Path = "/project/.metrics-migrate.yaml";
  Cfg.ServiceClassLine = 1;
  TUFacts Out;
  bool OK = clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<FactsAction>(Cfg, Out), Code,
      {"-std=c++17", "-Wno-unused-value"}, "/project/input.cc");
  EXPECT_TRUE(OK) << "snippet did not compile";
  return Out;
}

Catalog catalogFor(const std::string &Code, const std::string &Service) {
  TUFacts Facts = factsFor(Code, Service);
  Config Cfg;
  Cfg.ServiceClass = Service;
  Cfg.Path = "/project/.metrics-migrate.yaml";
  auto C = buildCatalog({Facts}, Cfg);
  if (!C) {
    ADD_FAILURE() << llvm::toString(C.takeError());
    return Catalog();
  }
  return std::move(*C);
}

} // namespace mm::test
