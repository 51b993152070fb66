//===--- Config.cpp - .metrics-migrate.yaml through YAML traits -----------===//

#include "core/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"

#include <functional>

namespace llvm::yaml {

template <> struct MappingTraits<mm::Config> {
  static void mapping(IO &IO, mm::Config &C) {
    IO.mapRequired("service_class", C.ServiceClass);
    IO.mapRequired("registry", C.Registry);
    IO.mapOptional("interfaces", C.Interfaces);
    IO.mapOptional("test_doubles", C.TestDoubles);
    IO.mapOptional("exclude", C.Exclude, std::vector<std::string>{"build*/", "third_party/"});
    IO.mapOptional("format_style", C.FormatStyle);
    IO.mapOptional("without_service_flags", C.WithoutServiceFlags);
  }
  static std::string validate(IO &, mm::Config &C) {
    for (const std::string &Glob : C.Exclude)
      if (auto Pattern = GlobPattern::create(Glob); !Pattern)
        return "'exclude': bad glob '" + Glob + "': " + toString(Pattern.takeError());
    if (C.ServiceClass.empty())
      return "'service_class' must name a class";
    if (C.Registry.Expr.empty())
      return "'registry.expr' must be an expression";
    if (C.Registry.Header.empty())
      return "'registry.header' must be a header path";
    return "";
  }
};

template <> struct MappingTraits<decltype(mm::Config::Registry)> {
  static void mapping(IO &IO, decltype(mm::Config::Registry) &R) {
    IO.mapRequired("expr", R.Expr);
    IO.mapRequired("header", R.Header);
    IO.mapOptional("shared", R.Shared);
  }
};

} // namespace llvm::yaml

namespace mm {

namespace {

/// 1-based line of the first line starting with \p Key followed by ':'.
unsigned lineOfKey(llvm::StringRef Text, llvm::StringRef Key) {
  unsigned Line = 1;
  for (llvm::StringRef Rest = Text; !Rest.empty(); ++Line) {
    auto [Current, Next] = Rest.split('\n');
    if (Current.ltrim().starts_with(Key) &&
        Current.ltrim().drop_front(Key.size()).ltrim().starts_with(":"))
      return Line;
    Rest = Next;
  }
  return 0;
}

} // namespace

bool isExcluded(const Config &Cfg, llvm::StringRef RelativePath) {
  for (const std::string &Glob : Cfg.Exclude) {
    // `dir/` covers what lies under it: `dir/*`, where `*` crosses `/`.
    // GlobPattern keeps a StringRef into its text: the text must outlive it.
    std::string Text = llvm::StringRef(Glob).ends_with("/") ? Glob + "*" : Glob;
    auto Pattern = llvm::GlobPattern::create(Text);
    if (Pattern && Pattern->match(RelativePath))
      return true;
  }
  return false;
}

std::string unwritableReason(const Config &Cfg, llvm::StringRef RelativePath) {
  if (llvm::sys::path::is_absolute(RelativePath) || RelativePath == ".." ||
      RelativePath.starts_with("../"))
    return "outside the project root";
  if (isExcluded(Cfg, RelativePath))
    return "excluded by the configuration or --exclude";
  return "";
}

llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path) {
  std::string Diagnostics;
  llvm::raw_string_ostream DiagOS(Diagnostics);
  struct Sink {
    llvm::raw_ostream &OS;
    llvm::StringRef Path;
  } DiagSink{DiagOS, Path};
  auto Handler = [](const llvm::SMDiagnostic &D, void *Ctx) {
    Sink &S = *static_cast<Sink *>(Ctx);
    // Some YAML errors come without a location (a node that could not be
    // built): still name the file.
    if (D.getLoc().isValid())
      D.print(/*ProgName=*/nullptr, S.OS, /*ShowColors=*/false);
    else
      S.OS << S.Path << ": error: " << D.getMessage() << '\n';
  };
  Config C;
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, Path), /*Ctxt=*/nullptr,
                       Handler, &DiagSink);
  // Without a document (an empty stream, only comments), or with one whose
  // nodes could not be built, yaml::Input has no node to pin errors on:
  // validate()'s error would then crash it. Look before reading.
  // (This is `In >> C` with that check in the middle: the document's nodes
  // can be built only once.)
  bool HasDocument = In.setCurrentDocument();
  if (!HasDocument && !In.error())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: error: the configuration is empty; it needs 'service_class' and "
        "'registry'",
        Path.str().c_str());
  if (!In.error()) {
    llvm::yaml::EmptyContext Ctx;
    llvm::yaml::yamlize(In, C, /*Required=*/true, Ctx);
  }
  if (In.error()) {
    DiagOS.flush();
    if (Diagnostics.empty())
      Diagnostics = (Path + ": error: not a valid configuration\n").str();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::StringRef(Diagnostics).rtrim());
  }
  C.Path = Path.str();
  llvm::SmallString<256> Root(Path);
  llvm::sys::path::remove_filename(Root);
  C.Root = Root.empty() ? "." : std::string(Root);
  C.ServiceClassLine = lineOfKey(Text, "service_class");
  C.FormatStyleLine = lineOfKey(Text, "format_style");
  return C;
}

llvm::Expected<Config> loadConfig(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Abs))
    return llvm::createStringError(EC, "%s: %s", Path.str().c_str(),
                                   EC.message().c_str());
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  auto Buffer = llvm::MemoryBuffer::getFile(Abs);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s",
                                   Abs.c_str(),
                                   Buffer.getError().message().c_str());
  return parseConfig((*Buffer)->getBuffer(), Abs);
}

std::vector<std::string> configKeys() {
  // Every field set, so that every key is written.
  Config C;
  C.ServiceClass = "S";
  C.Registry.Expr = "r()";
  C.Registry.Header = "r.h";
  C.Interfaces = {"I"};
  C.TestDoubles = {"D"};
  C.Exclude = {"x/"};
  C.FormatStyle = "LLVM";
  C.WithoutServiceFlags = {"-UX"};
  std::string Text;
  {
    llvm::raw_string_ostream OS(Text);
    llvm::yaml::Output Out(OS);
    Out.setWriteDefaultValues(true);
    Out << C;
  }
  std::vector<std::string> Keys;
  std::function<void(llvm::yaml::Node *, const std::string &)> Walk =
      [&](llvm::yaml::Node *N, const std::string &Prefix) {
        auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
        if (!Map)
          return;
        for (llvm::yaml::KeyValueNode &KV : *Map) {
          auto *Key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
          if (!Key)
            continue;
          llvm::SmallString<32> Storage;
          std::string Name = Prefix + Key->getValue(Storage).str();
          if (llvm::isa_and_nonnull<llvm::yaml::MappingNode>(KV.getValue()))
            Walk(KV.getValue(), Name + ".");
          else
            Keys.push_back(Name);
        }
      };
  llvm::SourceMgr SM;
  llvm::yaml::Stream Stream(Text, SM);
  for (llvm::yaml::Document &Doc : Stream)
    Walk(Doc.getRoot(), "");
  return Keys;
}

llvm::Expected<std::string> findConfig(llvm::StringRef StartDir) {
  llvm::SmallString<256> Dir(StartDir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Dir))
    return llvm::createStringError(EC, "%s", EC.message().c_str());
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  while (!Dir.empty()) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir.truncate(Parent.size()); // Parent is a prefix of Dir's own buffer.
  }
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "no %s found in %s or its parents; pass --config FILE",
      ConfigFileName.data(), StartDir.str().c_str());
}

} // namespace mm
