//===--- CompileDatabase.cpp - compile_commands.json, checked -------------===//
//
// The file is walked with the YAML parser (JSON is a subset), as
// JSONCompilationDatabase itself does, because it keeps every node's
// position for the messages.
//
//===----------------------------------------------------------------------===//

#include "tool/CompileDatabase.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace mm {

namespace {

/// Collects the SourceMgr's messages as `file:line:col: error: text`.
class Messages {
public:
  explicit Messages(llvm::SourceMgr &SM) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Self) {
          llvm::raw_string_ostream OS(static_cast<Messages *>(Self)->Text);
          D.print(/*ProgName=*/nullptr, OS, /*ShowColors=*/false, /*ShowKindLabel=*/true);
        },
        this);
  }
  llvm::Error error() const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::StringRef(Text).rtrim());
  }
  bool empty() const { return Text.empty(); }

private:
  std::string Text;
};

/// The scalar value of \p N, or nullopt when it is not a scalar.
std::optional<std::string> scalar(llvm::yaml::Node *N) {
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
  if (!S)
    return std::nullopt;
  llvm::SmallString<128> Storage;
  return S->getValue(Storage).str();
}

} // namespace

llvm::Error checkCompileDatabase(llvm::StringRef Text, llvm::StringRef Path) {
  // The JSON parser words syntax errors better than the YAML one; its
  // message is `[line:column, byte=N]: what`.
  if (llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text); !V) {
    std::string Message = llvm::toString(V.takeError());
    unsigned Line = 0, Column = 0;
    llvm::StringRef What = Message;
    if (What.consume_front("[") && !What.consumeInteger(10, Line) && What.consume_front(":") &&
        !What.consumeInteger(10, Column)) {
      What = What.drop_until([](char C) { return C == ']'; }).drop_front().ltrim(": ");
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s:%u:%u: error: %s",
                                     Path.str().c_str(), Line, Column + 1, What.str().c_str());
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: error: %s",
                                   Path.str().c_str(), Message.c_str());
  }
  llvm::SourceMgr SM;
  Messages Out(SM);
  llvm::yaml::Stream Stream(llvm::MemoryBufferRef(Text, Path), SM, /*ShowColors=*/false);
  llvm::yaml::document_iterator Doc = Stream.begin();
  if (Doc == Stream.end()) {
    Stream.printError(llvm::SMRange(), "empty file: expected a JSON array of compile commands");
    return Out.error();
  }
  llvm::yaml::Node *Root = Doc->getRoot();
  auto *Entries = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Root);
  if (!Entries) {
    if (Stream.failed() || !Root)
      return Out.error();
    Stream.printError(Root, "expected a JSON array of compile commands");
    return Out.error();
  }
  unsigned Index = 0;
  for (llvm::yaml::Node &EntryNode : *Entries) {
    ++Index;
    auto *Entry = llvm::dyn_cast<llvm::yaml::MappingNode>(&EntryNode);
    if (!Entry) {
      if (!Stream.failed())
        Stream.printError(&EntryNode, "entry " + llvm::Twine(Index) + " is not an object");
      break;
    }
    bool HasDirectory = false, HasFile = false, HasCommand = false;
    for (llvm::yaml::KeyValueNode &KV : *Entry) {
      std::optional<std::string> Key = scalar(KV.getKey());
      llvm::yaml::Node *Value = KV.getValue();
      if (!Key || !Value)
        break;
      if (*Key == "directory") {
        HasDirectory = true;
        std::optional<std::string> Dir = scalar(Value);
        if (!Dir)
          Stream.printError(Value, "\"directory\" must be a string");
        else if (!llvm::sys::path::is_absolute(*Dir))
          Stream.printError(Value, "\"directory\" must be an absolute path, not \"" + *Dir +
                                       "\"");
      } else if (*Key == "file") {
        HasFile = true;
        if (!scalar(Value))
          Stream.printError(Value, "\"file\" must be a string");
      } else if (*Key == "command") {
        HasCommand = true;
        if (!scalar(Value))
          Stream.printError(Value, "\"command\" must be a string");
      } else if (*Key == "arguments") {
        HasCommand = true;
        if (!llvm::isa<llvm::yaml::SequenceNode>(Value))
          Stream.printError(Value, "\"arguments\" must be an array of strings");
      }
    }
    if (Stream.failed() || !Out.empty())
      break;
    auto Missing = [&](llvm::StringRef What) {
      Stream.printError(Entry, "entry " + llvm::Twine(Index) + " has no " + What);
    };
    if (!HasDirectory)
      Missing("\"directory\"");
    else if (!HasFile)
      Missing("\"file\"");
    else if (!HasCommand)
      Missing("\"command\" or \"arguments\"");
    if (!Out.empty())
      break;
  }
  if (Out.empty() && Stream.failed())
    Stream.printError(llvm::SMRange(), "not valid JSON");
  return Out.empty() ? llvm::Error::success() : Out.error();
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef BuildDir) {
  llvm::SmallString<256> Path(BuildDir);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (!llvm::sys::fs::exists(Path))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "no compile_commands.json in %s: configure with "
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or `bear -- make`) or pass -p",
        BuildDir.str().c_str());
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s", Path.c_str(),
                                   Buffer.getError().message().c_str());
  if (llvm::Error E = checkCompileDatabase((*Buffer)->getBuffer(), Path))
    return E;
  std::string LoadError;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          (*Buffer)->getBuffer(), LoadError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: error: %s",
                                   Path.c_str(), llvm::StringRef(LoadError).trim().str().c_str());
  return DB;
}

} // namespace mm
