//===--- ConfigDocTest.cpp - docs/config.md against the parser ------------===//
//
// The key table of docs/config.md (the first Markdown table whose first
// column is headed `key`) must list exactly the keys core/Config.cpp's YAML
// traits map: every documented key is accepted by parseConfig, with a value
// of the documented type, and every key the traits write is documented.
//
//===----------------------------------------------------------------------===//

#include "core/Config.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <map>
#include <set>

#ifndef MM_CONFIG_DOC
#error "MM_CONFIG_DOC must name docs/config.md"
#endif

namespace mm {
namespace {

struct DocKey {
  std::string Key;
  std::string Type;
};

/// The cells of a Markdown table row, trimmed; empty when \p Line is not one.
std::vector<std::string> cells(llvm::StringRef Line) {
  Line = Line.trim();
  if (!Line.consume_front("|"))
    return {};
  Line.consume_back("|");
  std::vector<std::string> Out;
  // `\|` inside a cell is not a separator.
  std::string Cell;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == '\\' && I + 1 < Line.size() && Line[I + 1] == '|') {
      Cell += '|';
      ++I;
    } else if (Line[I] == '|') {
      Out.push_back(llvm::StringRef(Cell).trim().str());
      Cell.clear();
    } else {
      Cell += Line[I];
    }
  }
  Out.push_back(llvm::StringRef(Cell).trim().str());
  return Out;
}

/// The rows of the key table: first column `` `key` ``, second its type.
std::vector<DocKey> documentedKeys(llvm::StringRef Doc) {
  std::vector<DocKey> Keys;
  llvm::SmallVector<llvm::StringRef> Lines;
  Doc.split(Lines, '\n');
  bool InTable = false;
  for (llvm::StringRef Line : Lines) {
    std::vector<std::string> Row = cells(Line);
    if (!InTable) {
      InTable = !Row.empty() && Row.front() == "key";
      continue;
    }
    if (Row.empty())
      break; // The end of the table.
    if (llvm::StringRef(Row.front()).starts_with("---") || Row.front().empty())
      continue; // The separator row.
    llvm::StringRef Key = Row.front();
    EXPECT_TRUE(Key.starts_with("`") && Key.ends_with("`"))
        << "the key column holds `key` in backticks: " << Line.str();
    Keys.push_back({Key.trim('`').str(), Row.size() > 1 ? Row[1] : ""});
  }
  return Keys;
}

/// A YAML mapping, nested: leaf values are written as they are.
struct Node {
  std::map<std::string, Node> Children;
  std::string Value;

  void set(llvm::StringRef DottedKey, std::string V) {
    auto [Head, Rest] = DottedKey.split('.');
    Node &Child = Children[Head.str()];
    if (Rest.empty())
      Child.Value = std::move(V);
    else
      Child.set(Rest, std::move(V));
  }
  std::string yaml() const {
    if (Children.empty())
      return Value;
    std::vector<std::string> Items;
    for (const auto &[K, V] : Children)
      Items.push_back(K + ": " + V.yaml());
    return "{" + llvm::join(Items, ", ") + "}";
  }
};

/// The smallest configuration the parser accepts.
Node minimalConfig() {
  Node N;
  N.set("service_class", "\"ns::MetricsService\"");
  N.set("registry.expr", "\"ns::DefaultRegistry()\"");
  N.set("registry.header", "\"metrics/registry.h\"");
  return N;
}

/// A value of the documented type: a list for "list of ...", else a string.
std::string valueOfType(llvm::StringRef Type) {
  return Type.contains("list") ? "[\"value/\"]" : "\"value\"";
}

std::string readDoc() {
  auto Buffer = llvm::MemoryBuffer::getFile(MM_CONFIG_DOC);
  if (!Buffer) {
    ADD_FAILURE() << MM_CONFIG_DOC << ": " << Buffer.getError().message();
    return "";
  }
  return (*Buffer)->getBuffer().str();
}

TEST(ConfigDoc, TheDocumentHasAKeyTable) {
  std::vector<DocKey> Keys = documentedKeys(readDoc());
  EXPECT_FALSE(Keys.empty()) << "no table headed `| key |` in " << MM_CONFIG_DOC;
}

TEST(ConfigDoc, TheParsersKeysAreDerivedFromItsTraits) {
  std::vector<std::string> Keys = configKeys();
  // The traits' required keys, as a sanity check of the derivation itself.
  EXPECT_THAT(Keys, ::testing::IsSupersetOf({"service_class", "registry.expr",
                                              "registry.header"}));
  EXPECT_EQ(std::set<std::string>(Keys.begin(), Keys.end()).size(), Keys.size());
}

TEST(ConfigDoc, EveryDocumentedKeyIsAccepted) {
  for (const DocKey &K : documentedKeys(readDoc())) {
    Node Config = minimalConfig();
    Config.set(K.Key, valueOfType(K.Type));
    std::string Text = Config.yaml() + "\n";
    auto C = parseConfig(Text, "/p/.metrics-migrate.yaml");
    std::string Error = C ? "" : llvm::toString(C.takeError());
    EXPECT_THAT(Error, ::testing::Not(::testing::HasSubstr("unknown key")))
        << "docs/config.md documents `" << K.Key << "`, which the parser does not know";
    EXPECT_EQ(Error, "") << "docs/config.md documents `" << K.Key << "` as " << K.Type
                         << "; the parser rejects " << Text;
  }
}

TEST(ConfigDoc, TheDocumentListsExactlyTheParsersKeys) {
  std::vector<std::string> Parsed = configKeys();
  std::set<std::string> Parser(Parsed.begin(), Parsed.end());
  std::set<std::string> Documented;
  for (const DocKey &K : documentedKeys(readDoc()))
    EXPECT_TRUE(Documented.insert(K.Key).second)
        << "`" << K.Key << "` is documented twice in docs/config.md";
  for (const std::string &K : Parser)
    EXPECT_TRUE(Documented.count(K))
        << "the parser accepts `" << K << "`, which docs/config.md's key table does not list";
  for (const std::string &K : Documented)
    EXPECT_TRUE(Parser.count(K))
        << "docs/config.md's key table lists `" << K << "`, which the parser does not map";
}

} // namespace
} // namespace mm
