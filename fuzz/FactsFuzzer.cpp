//===--- FactsFuzzer.cpp - Fuzz the scan facts reader ---------------------===//
//
// Takes arbitrary bytes as the contents of a facts file (what `merge` reads
// from other machines) and hands them to readTUFacts. A refusal must be an
// error naming the source; an acceptance must keep what the input said
// (every value written back equals the input's value at the same JSON path)
// and round-trip: writing the facts, reading that text back and writing
// again prints the same bytes.
//
//===----------------------------------------------------------------------===//

#include "core/JSON.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *What, llvm::StringRef Detail = "") {
  llvm::errs() << "facts_fuzzer: " << What << "\n" << Detail << "\n";
  std::abort();
}

std::string write(llvm::ArrayRef<mm::TUFacts> TUs) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  mm::writeTUFacts(OS, TUs);
  return Text;
}

/// Whether \p Written (the facts read, written back) says what \p Input said:
/// each value in it equals the input's at the same path. Numbers compare as
/// numbers (`1.0` reads as 1, `-0.0` as 0); null and "" stand for "none", as
/// the writer prints an empty default; keys the input lacks (the optional
/// ones) may only hold such a "none", an empty list or `false`.
bool saysTheSame(const llvm::json::Value &Written, const llvm::json::Value *Input,
                 std::string &Where) {
  using llvm::json::Value;
  auto IsNone = [](const Value &V) {
    auto S = V.getAsString();
    return V.kind() == Value::Null || (S && S->empty());
  };
  if (!Input) {
    const auto *List = Written.getAsArray();
    return IsNone(Written) || (List && List->empty()) || Written.getAsBoolean() == false;
  }
  if (const auto *O = Written.getAsObject()) {
    const auto *In = Input->getAsObject();
    if (!In)
      return false;
    for (const auto &KV : *O)
      if (!saysTheSame(KV.second, In->get(KV.first), Where)) {
        Where = "." + KV.first.str() + Where;
        return false;
      }
    return true;
  }
  if (const auto *A = Written.getAsArray()) {
    const auto *In = Input->getAsArray();
    if (!In || In->size() != A->size())
      return false;
    for (size_t I = 0; I < A->size(); ++I)
      if (!saysTheSame((*A)[I], &(*In)[I], Where)) {
        Where = "[" + std::to_string(I) + "]" + Where;
        return false;
      }
    return true;
  }
  if (IsNone(Written))
    return IsNone(*Input);
  if (auto N = Written.getAsNumber())
    return Input->getAsNumber() == N;
  return Written == *Input;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<std::vector<mm::TUFacts>> Read = mm::readTUFacts(Text, "in.json");
  if (!Read) {
    std::string Message = llvm::toString(Read.takeError());
    if (!llvm::StringRef(Message).starts_with("in.json: error: "))
      fail("error does not name the source", Message);
    return 0;
  }
  std::string Once = write(*Read);
  llvm::Expected<llvm::json::Value> Input = llvm::json::parse(Text);
  llvm::Expected<llvm::json::Value> Written = llvm::json::parse(Once);
  if (!Input || !Written)
    fail("accepted text or written text is not JSON");
  std::string Where;
  if (!saysTheSame(*Written, &*Input, Where))
    fail("the facts read differ from the input at", Where + "\n" + Once);
  llvm::Expected<std::vector<mm::TUFacts>> Again = mm::readTUFacts(Once, "once.json");
  if (!Again)
    fail("cannot read what was written", llvm::toString(Again.takeError()));
  std::string Twice = write(*Again);
  if (Once != Twice)
    fail("second writing differs from the first", Once + "\n----\n" + Twice);
  return 0;
}
