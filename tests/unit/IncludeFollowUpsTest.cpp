//===--- IncludeFollowUpsTest.cpp - Includes and files the rules left -----===//
//
// pruneServiceIncludes and deleteEmptiedFiles on plain data: the rules'
// EditSet, the facts, and the texts the rules' edits leave, read from a map.
// An include of the service's header goes where nothing names it; a header
// that stops including it passes it on to its includers that still name it;
// a file left declaring nothing goes with the includes of it; a file that
// still names the service, a use of its namespace, or a decision taken back
// change nothing.
//
//===----------------------------------------------------------------------===//

#include "rewriters/IncludeFollowUps.h"

#include "gtest/gtest.h"

#include <map>

namespace mm {
namespace {

/// The service lives in metrics/; the rules edited the files in Texts that
/// EditSet names (their texts are what the edits left).
struct FollowUpCase {
  Service Svc;
  Facts F;
  EditSet Edits;
  std::map<std::string, std::string> Texts;

  FollowUpCase() {
    Svc.Header = "metrics/metrics_service.h";
    Svc.HeaderNames = {"MetricsService", "Op"};
    F.IncludeRoots[""] = 3;
  }

  /// A file the rules edited, with the text they left.
  void edited(const std::string &File, std::string Text) {
    Edits.file(File).Edits.push_back({0, 0, "", "a rule"});
    Texts[File] = std::move(Text);
  }
  void untouched(const std::string &File, std::string Text) { Texts[File] = std::move(Text); }

  FileReader reader() const {
    return [this](llvm::StringRef File) -> llvm::Expected<std::string> {
      auto It = Texts.find(File.str());
      if (It == Texts.end())
        return llvm::createStringError(llvm::inconvertibleErrorCode(), "no such file");
      return It->second;
    };
  }
  void prune(std::vector<std::pair<std::string, std::string>> Kept = {}) {
    for (const auto &[File, Text] : Texts)
      F.Files.push_back(File);
    pruneServiceIncludes(Edits, Svc, F, reader(),
                         [&](llvm::StringRef File, llvm::StringRef Spelling) {
                           return llvm::is_contained(
                               Kept, std::make_pair(File.str(), Spelling.str()));
                         });
  }
  void deleteEmptied(std::vector<std::string> Kept = {}) {
    for (const auto &[File, Text] : Texts)
      F.Files.push_back(File);
    deleteEmptiedFiles(Edits, F, reader(), [&](llvm::StringRef File) {
      return llvm::is_contained(Kept, File.str());
    });
  }
  std::vector<std::string> removed(const std::string &File) {
    return Edits.Files.count(File) ? Edits.Files[File].RemoveIncludes
                                   : std::vector<std::string>{};
  }
  std::vector<std::string> added(const std::string &File) {
    return Edits.Files.count(File) ? Edits.Files[File].AddIncludes : std::vector<std::string>{};
  }
};

TEST(IncludeFollowUps, AFileThatNoLongerNamesTheServiceStopsIncludingIt) {
  FollowUpCase C;
  C.edited("services/orders.cpp", "#include \"metrics/metrics_service.h\"\n"
                                  "// MetricsService used to be passed here.\n"
                                  "void Place() { kOrders.Increment(); }\n");
  C.edited("services/stock.cpp", "#include \"metrics/metrics_service.h\"\n"
                                 "void Count(MetricsService &m) {}\n");
  C.prune();
  EXPECT_EQ(C.removed("services/orders.cpp"),
            std::vector<std::string>{"\"metrics/metrics_service.h\""});
  EXPECT_TRUE(C.removed("services/stock.cpp").empty());
}

TEST(IncludeFollowUps, ANamespaceUseOrADecisionTakenBackKeepsTheInclude) {
  FollowUpCase C;
  std::string Text = "#include \"metrics/metrics_service.h\"\nvoid Place() {}\n";
  C.edited("services/orders.cpp", Text);
  C.edited("services/stock.cpp", Text);
  C.edited("services/users.cpp", Text);
  C.F.ServiceNamespaceUses.push_back({"services/stock.cpp", 2, 1, 2, 10});
  C.prune({{"services/users.cpp", "\"metrics/metrics_service.h\""}});
  EXPECT_EQ(C.removed("services/orders.cpp").size(), 1u);
  EXPECT_TRUE(C.removed("services/stock.cpp").empty());
  EXPECT_TRUE(C.removed("services/users.cpp").empty());
}

TEST(IncludeFollowUps, AHeaderThatStopsPassesTheServiceOnToItsIncludersThatNameIt) {
  FollowUpCase C;
  C.edited("services/orders.h", "#pragma once\n#include \"metrics/metrics_service.h\"\n"
                                "class Orders {};\n");
  C.untouched("services/orders.cpp", "#include \"services/orders.h\"\n"
                                     "void Tally(Op op) {}\n");
  C.untouched("services/report.cpp", "#include \"services/orders.h\"\nvoid Report() {}\n");
  C.prune();
  EXPECT_EQ(C.removed("services/orders.h").size(), 1u);
  EXPECT_EQ(C.added("services/orders.cpp"),
            std::vector<std::string>{"\"metrics/metrics_service.h\""});
  EXPECT_TRUE(C.added("services/report.cpp").empty());
}

TEST(IncludeFollowUps, UntouchedFilesAndTheServicesOwnModuleChangeNothing) {
  FollowUpCase C;
  C.untouched("services/orders.cpp", "#include \"metrics/metrics_service.h\"\nvoid Place() {}\n");
  C.edited("metrics/metrics_service.cpp",
           "#include \"metrics/metrics_service.h\"\nvoid Poll() {}\n");
  C.prune();
  C.deleteEmptied();
  EXPECT_TRUE(C.removed("services/orders.cpp").empty());
  EXPECT_TRUE(C.removed("metrics/metrics_service.cpp").empty());
  EXPECT_FALSE(C.Edits.Files["metrics/metrics_service.cpp"].Delete);
}

TEST(IncludeFollowUps, AFileLeftDeclaringNothingGoesWithTheIncludesOfIt) {
  FollowUpCase C;
  C.edited("services/order_metrics.h", "#pragma once\n#include <prometheus/counter.h>\n"
                                       "namespace shop {\n}  // namespace shop\n");
  C.edited("services/stock_metrics.h", "#pragma once\nnamespace shop {\nint Level();\n}\n");
  C.untouched("services/orders.cpp", "#include \"services/order_metrics.h\"\n"
                                     "#include \"services/stock_metrics.h\"\nvoid Place() {}\n");
  C.deleteEmptied();
  const FileChange &Gone = C.Edits.Files["services/order_metrics.h"];
  EXPECT_TRUE(Gone.Delete);
  EXPECT_TRUE(Gone.Edits.empty());
  EXPECT_FALSE(C.Edits.Files["services/stock_metrics.h"].Delete);
  EXPECT_EQ(C.removed("services/orders.cpp"),
            std::vector<std::string>{"\"services/order_metrics.h\""});
}

TEST(IncludeFollowUps, ADeletionTakenBackKeepsTheFile) {
  FollowUpCase C;
  C.edited("services/order_metrics.h", "#pragma once\n#include <prometheus/counter.h>\n");
  C.untouched("services/orders.cpp", "#include \"services/order_metrics.h\"\n");
  C.deleteEmptied({"services/order_metrics.h"});
  EXPECT_FALSE(C.Edits.Files["services/order_metrics.h"].Delete);
  EXPECT_TRUE(C.removed("services/orders.cpp").empty());
}

TEST(IncludeFollowUps, IncludeSpellingsFromTheRootAndFromTheSameFolder) {
  Facts F;
  F.IncludeRoots[""] = 1;
  EXPECT_EQ(includeSpellings(F, "services/orders.cpp", "services/orders.h"),
            (std::vector<std::string>{"\"services/orders.h\"", "\"orders.h\""}));
  EXPECT_EQ(includeSpellings(F, "app/main.cpp", "services/orders.h"),
            std::vector<std::string>{"\"services/orders.h\""});
}

} // namespace
} // namespace mm
