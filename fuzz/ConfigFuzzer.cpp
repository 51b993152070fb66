//===--- ConfigFuzzer.cpp - Fuzz the .metrics-migrate.yaml parser ---------===//
//
// Takes arbitrary bytes as the text of a configuration file and hands them to
// parseConfig. Crashes (sanitizer reports) are the findings; beyond that it
// checks that an accepted configuration has what validate() promises and
// that a refused one says why, naming the file.
//
//===----------------------------------------------------------------------===//

#include "core/Config.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *What, llvm::StringRef Detail = "") {
  llvm::errs() << "config_fuzzer: " << What << "\n" << Detail << "\n";
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<mm::Config> C = mm::parseConfig(Text, "/p/.metrics-migrate.yaml");
  if (!C) {
    std::string Message = llvm::toString(C.takeError());
    if (!llvm::StringRef(Message).starts_with("/p/.metrics-migrate.yaml"))
      fail("error does not name the file", Message);
    return 0;
  }
  if (C->ServiceClass.empty() || C->Registry.Expr.empty() || C->Registry.Header.empty())
    fail("accepted a configuration without a required value");
  if (C->Root != "/p" || C->Path != "/p/.metrics-migrate.yaml")
    fail("wrong path or root", C->Root);
  return 0;
}
