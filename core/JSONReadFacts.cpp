//===--- JSONReadFacts.cpp - The scan facts and the facts file, read back ===//
//
// fromJSON of the scan facts (Facts, TUFacts and their parts), and the
// facts file: writeTUFacts and readTUFacts, which refuses input nested too
// deep before parsing it.
//
//===----------------------------------------------------------------------===//

#include "core/JSON.h"
#include "core/JSONRead.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <limits>

namespace mm {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::ObjectMapper;
using llvm::json::Path;
using llvm::json::Value;

bool fromJSON(const Value &E, ArgumentSite &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("call", Out.Call) && O.map("callee", Out.Callee) &&
         O.map("form", Out.Form) && mapU32(O, "index", Out.Index) &&
         O.map("arg_text", Out.ArgText) && O.map("arg", Out.Arg) &&
         O.map("removal", Out.Removal) &&
         O.map("enclosing_function", Out.EnclosingFunction);
}

bool fromJSON(const Value &E, FunctionValue &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("type", Out.Type) && O.map("loc", Out.Loc) &&
         O.mapOptional("lambda", Out.Lambda);
}

bool fromJSON(const Value &E, MemberInit &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("owner", Out.Owner) && O.map("field", Out.Field) &&
         O.map("init", Out.Init) && O.map("removal", Out.Removal) &&
         O.mapOptional("creates", Out.Creates);
}

bool fromJSON(const Value &E, NullGuard &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("if", Out.If) && O.map("body", Out.Body) &&
         O.map("field", Out.Field) && O.map("owner", Out.Owner) &&
         O.map("early_return", Out.EarlyReturn) &&
         O.map("only_records", Out.OnlyRecords) && O.mapOptional("helper", Out.Helper) &&
         O.mapOptional("in_block", Out.InBlock) && O.mapOptional("under_label", Out.UnderLabel) &&
         O.mapOptional("conjunct", Out.Conjunct) &&
         O.mapOptional("receiver_param", Out.ReceiverParam) &&
         mapOptionalU32(O, "receiver_param_uses", Out.ReceiverParamUses);
}

bool fromJSON(const Value &E, ThisCapture &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("capture", Out.Capture) && O.map("removal", Out.Removal) &&
         O.map("owner", Out.Owner) && O.map("fields", Out.Fields) &&
         O.map("methods", Out.Methods) && O.map("other_use", Out.OtherUse);
}

bool fromJSON(const Value &E, ServiceVar &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("decl", Out.Decl) && O.map("name", Out.Name) &&
         O.map("type", Out.Type) && O.map("double", Out.Double) &&
         O.map("is_field", Out.IsField) && O.map("uses", Out.Uses) &&
         O.mapOptional("removal", Out.Removal);
}

bool fromJSON(const Value &E, Expectation &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("stmt", Out.Stmt) && O.map("mock", Out.Mock) &&
         O.map("wrapper", Out.Wrapper) && O.map("args", Out.Args) &&
         mapU32(O, "times", Out.Times) && O.map("times_known", Out.TimesKnown) &&
         mapU32(O, "scope_end", Out.ScopeEnd) && O.map("test", Out.Test) &&
         O.mapOptional("namespace", Out.Namespace);
}

bool fromJSON(const Value &E, DoubleMention &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("decl", Out.Decl) && O.map("double", Out.Double);
}

bool fromJSON(const Value &E, Registration &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("kind", Out.Kind) &&
         O.map("help", Out.Help) && O.map("labels", Out.LabelNames) &&
         O.map("loc", Out.Loc) &&
         O.map("enclosing_function", Out.EnclosingFunction);
}

bool fromJSON(const Value &E, WallClockRead &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("loc", Out.Loc) &&
         O.map("enclosing_function", Out.EnclosingFunction) &&
         O.mapOptional("clock", Out.Clock);
}

bool fromJSON(const Value &E, RecordBeforeFailure &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("record", Out.Record) && O.map("failure", Out.Failure) &&
         O.map("what", Out.What) &&
         O.map("enclosing_function", Out.EnclosingFunction);
}

bool fromJSON(const Value &E, RegistryHandOff &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("callee", Out.Callee) && mapU32(O, "index", Out.Index) &&
         O.mapOptional("init", Out.Init);
}

bool fromJSON(const Value &E, ForwardDeclaration &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("class", Out.Class) && O.map("decl", Out.Decl);
}

bool fromJSON(const Value &E, InterfaceMention &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("interface", Out.Interface) && O.map("name", Out.Name) &&
         O.map("loc", Out.Loc);
}

bool fromJSON(const Value &E, ConditionalRegion &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("branch", Out.Branch) && O.map("condition", Out.Condition) &&
         O.map("includes", Out.Includes) && O.mapOptional("defined_in", Out.DefinedIn);
}

bool fromJSON(const Value &E, ValueAssertion &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("stmt", Out.Stmt) && O.map("read", Out.Read) &&
         O.map("callee", Out.Callee) && O.map("literals", Out.Literals) && O.map("methods", Out.Methods) &&
         mapU32(O, "ready_at", Out.ReadyAt) && O.map("sentinel", Out.Sentinel) &&
         mapOptionalU32(O, "body_start", Out.BodyStart) &&
         O.mapOptional("expected", Out.Expected) && O.map("test", Out.Test);
}

bool fromJSON(const Value &E, RegistryShapeAssertion &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("stmt", Out.Stmt) && O.map("registry", Out.Registry) &&
         O.map("test", Out.Test);
}

bool fromJSON(const Value &E, ExpositionAssertion &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("stmt", Out.Stmt) && O.map("text", Out.Text) &&
         O.map("literal", Out.Literal) && O.map("line", Out.Line) &&
         mapU32(O, "body_start", Out.BodyStart) && O.map("test", Out.Test);
}

bool fromJSON(const Value &E, Facts &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("service_vars", Out.ServiceVars) &&
         O.map("expectations", Out.Expectations) &&
         O.map("double_mentions", Out.DoubleMentions) &&
         O.map("argument_sites", Out.ArgumentSites) &&
         O.map("member_inits", Out.MemberInits) &&
         O.map("null_guards", Out.NullGuards) &&
         O.map("this_captures", Out.ThisCaptures) &&
         O.map("registrations", Out.Registrations) &&
         O.map("wall_clock_reads", Out.WallClockReads) &&
         O.map("records_before_failure", Out.RecordsBeforeFailure) &&
         O.map("files", Out.Files) &&
         O.map("upper_snake_names", Out.UpperSnakeNames) &&
         O.mapOptional("include_spellings", Out.IncludeSpellings) &&
         O.mapOptional("function_values", Out.FunctionValues) &&
         O.mapOptional("search_roots", Out.SearchRoots) &&
         O.mapOptional("include_roots", Out.IncludeRoots) &&
         O.mapOptional("given_registries", Out.GivenRegistries) &&
         O.mapOptional("registry_hand_offs", Out.RegistryHandOffs) &&
         O.mapOptional("forward_declarations", Out.ForwardDeclarations) &&
         O.mapOptional("interface_mentions", Out.InterfaceMentions) &&
         O.mapOptional("service_namespace_uses", Out.ServiceNamespaceUses) &&
         O.mapOptional("conditional_regions", Out.ConditionalRegions) &&
         O.mapOptional("value_assertions", Out.ValueAssertions) &&
         O.mapOptional("exposition_assertions", Out.ExpositionAssertions) &&
         O.mapOptional("registry_shape_assertions", Out.RegistryShapeAssertions);
}

bool fromJSON(const Value &E, TUFacts &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("main_file", Out.MainFile) && O.map("parsed", Out.Parsed) &&
         O.map("errors", Out.Errors) && O.map("saw_service", Out.SawService) &&
         O.mapOptional("test_tu", Out.TestTU) && O.map("partial", Out.Partial) && O.map("scan", Out.Scan) &&
         O.map("read_hashes", Out.ReadHashes);
}

void writeTUFacts(llvm::raw_ostream &OS, llvm::ArrayRef<TUFacts> TUs) {
  Array A;
  for (const TUFacts &TU : TUs)
    A.push_back(toJSON(TU));
  printJSON(OS, Value(std::move(A)));
}

namespace {

/// The byte offset where \p Text first nests arrays and objects deeper than
/// \p Limit, if it does. Brackets inside strings do not count.
std::optional<size_t> tooDeep(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Limit)
        return I;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return std::nullopt;
}

} // namespace

llvm::Expected<std::vector<TUFacts>> readTUFacts(llvm::StringRef JSONText,
                                                 llvm::StringRef SourceName) {
  auto Fail = [&](const llvm::Twine &Message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   (SourceName + ": error: " + Message).str());
  };
  if (std::optional<size_t> At = tooDeep(JSONText, MaxTUFactsDepth))
    return Fail(llvm::formatv("[byte={0}]: arrays and objects nested deeper than {1}",
                              *At, MaxTUFactsDepth));
  llvm::Expected<Value> Parsed = llvm::json::parse(JSONText);
  if (!Parsed)
    return Fail(llvm::toString(Parsed.takeError()));
  const Array *TUs = Parsed->getAsArray();
  if (!TUs)
    return Fail("expected an array of translation units at $");
  // Grown one TU at a time: `[{},{},...]` fails on its first element instead
  // of allocating a TUFacts for each.
  std::vector<TUFacts> Result;
  for (size_t I = 0; I < TUs->size(); ++I) {
    // One root per TU: the context printed with an error is that TU alone.
    std::string Name = llvm::formatv("$[{0}]", I).str();
    llvm::json::Path::Root Root(Name);
    if ((*TUs)[I].getAsObject() == nullptr)
      return Fail("expected object at " + Name);
    TUFacts TU;
    if (fromJSON((*TUs)[I], TU, Root)) {
      Result.push_back(std::move(TU));
      continue;
    }
    std::string Context;
    llvm::raw_string_ostream OS(Context);
    Root.printErrorContext((*TUs)[I], OS);
    return Fail(llvm::toString(Root.getError()) + "\n" + OS.str());
  }
  return Result;
}

} // namespace mm
