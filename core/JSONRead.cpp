//===--- JSONRead.cpp - The catalog and its parts, read back ---------------===//
//
// fromJSON of the catalog, its parts and the enums and spans every reader
// shares, refusing what toJSON could not have written (integers out of
// range, spans past 2^32, unknown enum spellings).
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

namespace {

/// An offset, a line or a count: an integer in [0, 2^32).
struct U32 {
  unsigned V = 0;
};

bool fromJSON(const Value &E, U32 &Out, Path P) {
  std::optional<int64_t> N = E.getAsInteger();
  if (!N || *N < 0 || *N > int64_t(std::numeric_limits<unsigned>::max())) {
    P.report("expected an integer from 0 to 4294967295");
    return false;
  }
  Out.V = unsigned(*N);
  return true;
}

/// A histogram bucket boundary: a finite number. -0 reads as 0 (JSON prints
/// -0.0 as `-0`, which reads back as the integer 0).
struct Bucket {
  double V = 0;
};

bool fromJSON(const Value &E, Bucket &Out, Path P) {
  std::optional<double> D = E.getAsNumber();
  if (!D || !std::isfinite(*D)) {
    P.report("expected a finite number");
    return false;
  }
  Out.V = *D == 0 ? 0.0 : *D;
  return true;
}

} // namespace

bool mapU32(ObjectMapper &O, llvm::StringLiteral Key, unsigned &Out) {
  U32 N;
  if (!O.map(Key, N))
    return false;
  Out = N.V;
  return true;
}

bool mapOptionalU32(ObjectMapper &O, llvm::StringLiteral Key, unsigned &Out) {
  std::optional<U32> N;
  if (!O.mapOptional(Key, N))
    return false;
  if (N)
    Out = N->V;
  return true;
}

namespace {

bool mapU32s(ObjectMapper &O, llvm::StringLiteral Key, std::vector<unsigned> &Out) {
  std::vector<U32> Ns;
  if (!O.map(Key, Ns))
    return false;
  Out.clear();
  for (U32 N : Ns)
    Out.push_back(N.V);
  return true;
}

/// A nullable string: null reads as "".
bool mapNullable(ObjectMapper &O, llvm::StringLiteral Key, std::string &Out) {
  std::optional<std::string> S;
  if (!O.map(Key, S))
    return false;
  Out = S.value_or("");
  return true;
}

/// The span's five keys, on \p O itself (a SourceSpan, or a call site whose
/// location is inlined). An end past 2^32 is refused: offset + length must
/// not wrap.
bool mapSpan(ObjectMapper &O, SourceSpan &S, Path P) {
  if (!(O.map("file", S.File) && mapU32(O, "line", S.Line) &&
        mapU32(O, "column", S.Column) && mapU32(O, "offset", S.Offset) &&
        mapU32(O, "length", S.Length)))
    return false;
  if (uint64_t(S.Offset) + S.Length > std::numeric_limits<unsigned>::max()) {
    P.field("length").report("offset + length must be below 4294967296");
    return false;
  }
  return true;
}

/// An enum spelled as toString() spells it.
template <typename Enum, size_t N>
bool enumFromJSON(const Value &E, Enum &Out, Path P, const Enum (&All)[N],
                  llvm::StringLiteral Expected) {
  if (std::optional<llvm::StringRef> S = E.getAsString())
    for (Enum Candidate : All)
      if (toString(Candidate) == *S) {
        Out = Candidate;
        return true;
      }
  P.report(Expected);
  return false;
}

} // namespace

bool fromJSON(const Value &E, MetricKind &Out, Path P) {
  static constexpr MetricKind All[] = {MetricKind::Counter, MetricKind::Gauge,
                                       MetricKind::Histogram, MetricKind::Summary};
  return enumFromJSON(E, Out, P, All,
                      "expected \"counter\", \"gauge\", \"histogram\" or \"summary\"");
}

bool fromJSON(const Value &E, FieldStyle &Out, Path P) {
  static constexpr FieldStyle All[] = {FieldStyle::FamilyRef, FieldStyle::FamilyPtr,
                                       FieldStyle::ChildRef, FieldStyle::ChildPtr};
  return enumFromJSON(
      E, Out, P, All,
      "expected \"family-ref\", \"family-ptr\", \"child-ref\" or \"child-ptr\"");
}

bool fromJSON(const Value &E, InitStyle &Out, Path P) {
  static constexpr InitStyle All[] = {InitStyle::MemberInitializer,
                                      InitStyle::ConstructorBody,
                                      InitStyle::DefaultInitializer,
                                      InitStyle::MethodBody};
  return enumFromJSON(E, Out, P, All,
                      "expected \"member-initializer\", \"constructor-body\", "
                      "\"default-initializer\" or \"method-body\"");
}

bool fromJSON(const Value &E, BodyKind &Out, Path P) {
  static constexpr BodyKind All[] = {BodyKind::SingleExpression,
                                     BodyKind::MultiStatement, BodyKind::Other};
  return enumFromJSON(
      E, Out, P, All,
      "expected \"single-expression\", \"multi-statement\" or \"other\"");
}

bool fromJSON(const Value &E, InjectionKind &Out, Path P) {
  static constexpr InjectionKind All[] = {InjectionKind::ConstructorParam,
                                          InjectionKind::Field,
                                          InjectionKind::FunctionParam,
                                          InjectionKind::FunctionTypeParam};
  return enumFromJSON(E, Out, P, All,
                      "expected \"constructor-param\", \"field\", \"function-param\" or "
                      "\"function-type-param\"");
}

bool fromJSON(const Value &E, Holder &Out, Path P) {
  static constexpr Holder All[] = {Holder::Reference, Holder::Pointer,
                                   Holder::SharedPtr, Holder::UniquePtr,
                                   Holder::Value};
  return enumFromJSON(E, Out, P, All,
                      "expected \"reference\", \"pointer\", \"shared_ptr\", "
                      "\"unique_ptr\" or \"value\"");
}

bool fromJSON(const Value &E, DoubleKind &Out, Path P) {
  static constexpr DoubleKind All[] = {DoubleKind::Stub, DoubleKind::Mock};
  return enumFromJSON(E, Out, P, All, "expected \"stub\" or \"mock\"");
}

bool fromJSON(const Value &E, SourceSpan &Out, Path P) {
  ObjectMapper O(E, P);
  return O && mapSpan(O, Out, P);
}

bool fromJSON(const Value &E, TakenFrom &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("field", Out.Field) && O.map("field_decl", Out.FieldDecl) &&
         O.map("init_site", Out.InitSite) && O.map("init_style", Out.Init);
}

bool fromJSON(const Value &E, AlsoSet &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("field", Out.Field) && O.map("field_decl", Out.FieldDecl) &&
         O.map("init_site", Out.InitSite) && O.map("init_style", Out.Init);
}

bool fromJSON(const Value &E, ChildField &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("field", Out.Field) && O.map("args", Out.Args) &&
         O.map("pointer", Out.Pointer) && O.map("field_decl", Out.FieldDecl) &&
         O.map("init_site", Out.InitSite) && O.map("init_style", Out.Init);
}

/// One of SetUpStatement::FamilyUses.
struct TextRange {
  unsigned Offset = 0, Length = 0;
};

bool fromJSON(const Value &E, TextRange &Out, Path P) {
  ObjectMapper O(E, P);
  return O && mapU32(O, "offset", Out.Offset) && mapU32(O, "length", Out.Length);
}

bool fromJSON(const Value &E, SetUpStatement &Out, Path P) {
  ObjectMapper O(E, P);
  std::vector<TextRange> Uses;
  if (!(O && O.map("site", Out.Site) && O.map("text", Out.Text) &&
        O.map("family_uses", Uses)))
    return false;
  Out.FamilyUses.clear();
  for (const TextRange &U : Uses) {
    if (U.Offset > Out.Text.size() || U.Length > Out.Text.size() - U.Offset) {
      P.field("family_uses").report("a use lies outside the statement's text");
      return false;
    }
    Out.FamilyUses.emplace_back(U.Offset, U.Length);
  }
  return true;
}

bool fromJSON(const Value &E, NeededHeader &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("header", Out.Header) && O.map("names", Out.Names);
}

bool fromJSON(const Value &E, Metric &Out, Path P) {
  ObjectMapper O(E, P);
  std::map<std::string, std::string> Labels;
  std::vector<Bucket> Buckets;
  if (!(O && O.map("name", Out.Name) && O.map("kind", Out.Kind) &&
        O.map("help", Out.Help) && O.map("labels", Out.LabelNames) &&
        O.map("const_labels", Labels) && O.map("buckets", Buckets) &&
        O.map("buckets_text", Out.BucketsText) && O.map("field", Out.Field) &&
        O.map("field_type", Out.FieldType) && O.map("field_style", Out.Style) &&
        O.map("init_style", Out.Init) && O.map("field_decl", Out.FieldDecl) &&
        O.map("init_site", Out.InitSite) && O.map("builder", Out.BuilderChain) &&
        mapOptionalU32(O, "register_at", Out.RegisterAt) &&
        O.mapOptional("built_by", Out.BuiltBy) &&
        O.map("registry_arg", Out.RegistryArg) &&
        O.map("child_args", Out.ChildArgs) &&
        O.map("local_constants", Out.LocalConstants) && O.mapOptional("includes", Out.Includes) &&
        O.map("family", Out.Family) &&
        O.mapOptional("children", Out.Children) &&
        O.mapOptional("set_again", Out.SetAgain) &&
        O.mapOptional("set_two_ways", Out.SetTwoWays) &&
        O.mapOptional("set_up", Out.SetUp) && O.mapOptional("other_use", Out.OtherUse) &&
        O.mapOptional("runtime_read", Out.RuntimeRead) &&
        O.mapOptional("runtime_read_at", Out.RuntimeReadAt)))
    return false;
  Out.ConstLabels.assign(Labels.begin(), Labels.end());
  Out.Buckets.clear();
  for (Bucket B : Buckets)
    Out.Buckets.push_back(B.V);
  return true;
}

bool fromJSON(const Value &E, Param &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("type", Out.Type) &&
         mapNullable(O, "default", Out.Default);
}

bool fromJSON(const Value &E, BodyTemplate &Out, Path P) {
  const Array *A = E.getAsArray();
  if (!A) {
    P.report("expected an array of text and holes");
    return false;
  }
  Out = BodyTemplate();
  for (size_t I = 0; I < A->size(); ++I) {
    const Value &Piece = (*A)[I];
    if (std::optional<llvm::StringRef> Text = Piece.getAsString()) {
      Out.appendText(*Text);
      continue;
    }
    const Object *O = Piece.getAsObject();
    bool Read = false;
    for (const auto &[Kind, Key] : HoleKeys)
      if (std::optional<llvm::StringRef> Name = O ? O->getString(Key) : std::nullopt) {
        Out.appendHole(Kind, *Name);
        Read = true;
      }
    if (!Read || O->size() != 1) {
      P.index(I).report(
          "expected a string or one of {\"param\"|\"field\"|\"metric\"|\"local\": name}");
      return false;
    }
  }
  return true;
}

bool fromJSON(const Value &E, CacheField &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("field", Out.Field) && O.map("decl", Out.Decl);
}

bool fromJSON(const Value &E, BodyRecording &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("metric", Out.Metric) && O.map("labels", Out.Labels) &&
         O.map("op", Out.Op) && O.map("value", Out.Value);
}

bool fromJSON(const Value &E, ReturnGuard &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("left", Out.Left) && O.map("op", Out.Op) && O.map("right", Out.Right);
}

bool fromJSON(const Value &E, LabelCase &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("label", Out.Label) && O.map("literal", Out.Literal);
}

bool fromJSON(const Value &E, LabelSwitch &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("param", Out.Param) && O.map("variable", Out.Variable) &&
         O.map("cases", Out.Cases);
}

bool fromJSON(const Value &E, Wrapper &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("signature", Out.Signature) &&
         O.map("return_type", Out.ReturnType) && O.map("params", Out.Params) &&
         O.map("metrics", Out.Metrics) && O.map("body_kind", Out.Body) &&
         O.map("body", Out.BodyText) && O.map("template", Out.Template) &&
         O.map("recordings", Out.Recordings) && O.map("guards", Out.Guards) &&
         O.map("label_switches", Out.LabelSwitches) &&
         O.map("other_branches", Out.OtherBranches) &&
         O.map("overrides", Out.Overrides) &&
         O.map("uses_service_state", Out.UsesServiceState) &&
         O.mapOptional("dropped_caches", Out.DroppedCaches) &&
         O.map("local_constants", Out.LocalConstants) &&
         O.mapOptional("includes", Out.Includes) &&
         O.mapOptional("operations", Out.Operations) &&
         O.map("decl", Out.Decl) && O.map("definition", Out.Definition);
}

bool fromJSON(const Value &E, MethodDecl &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("signature", Out.Signature) && O.map("loc", Out.Loc);
}

bool fromJSON(const Value &E, Interface &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("abstract", Out.Abstract) &&
         O.map("loc", Out.Loc) && O.map("methods", Out.Methods);
}

bool fromJSON(const Value &E, TestDouble &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("kind", Out.Kind) &&
         O.map("base", Out.Base) && O.map("methods", Out.Methods) &&
         O.map("loc", Out.Loc) && O.map("decls", Out.Decls);
}

bool fromJSON(const Value &E, InjectionPoint &Out, Path P) {
  ObjectMapper O(E, P);
  if (!(O && O.map("kind", Out.Kind) && O.map("owner", Out.Owner) &&
        O.map("name", Out.Name) && O.map("type", Out.Type) &&
        O.map("interface", Out.Interface) && O.map("holder", Out.How) &&
        O.map("loc", Out.Loc)))
    return false;
  Out.Index = 0;
  Out.Default.clear();
  Out.Params = 0;
  Out.ExplicitAt = SourceSpan();
  if (Out.Kind == InjectionKind::Field)
    return true;
  if (!mapU32(O, "index", Out.Index) || !mapNullable(O, "default", Out.Default))
    return false;
  if (Out.Kind != InjectionKind::ConstructorParam)
    return true;
  std::optional<SourceSpan> At;
  if (!mapU32(O, "params", Out.Params) || !O.map("explicit_at", At))
    return false;
  Out.ExplicitAt = At.value_or(SourceSpan());
  return true;
}

bool fromJSON(const Value &E, CallSite::ArgumentLocal &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("decl", Out.Decl) && O.map("reads", Out.Reads);
}

bool fromJSON(const Value &E, CallSite &Out, Path P) {
  ObjectMapper O(E, P);
  if (!(O && mapSpan(O, Out.Loc, P) && O.map("wrapper", Out.Wrapper) &&
        O.map("signature", Out.Signature) && O.map("receiver", Out.Receiver) &&
        O.map("arrow", Out.Arrow) && O.map("args", Out.Args) &&
        mapU32s(O, "param_args", Out.ParamArgs) &&
        O.map("enclosing_function", Out.EnclosingFunction) &&
        O.map("module", Out.Module) && O.map("in_macro", Out.InMacro) &&
        O.map("in_lambda", Out.InLambda) && O.map("in_template", Out.InTemplate) &&
        O.map("in_test", Out.InTest) && O.map("address_taken", Out.AddressTaken) &&
        O.mapOptional("namespace", Out.Namespace) &&
        O.mapOptional("statement", Out.Statement) &&
        O.mapOptional("statement_needs_braces", Out.StatementNeedsBraces) &&
        O.mapOptional("argument_locals", Out.ArgumentLocals) &&
        O.mapOptional("receiver_param", Out.ReceiverParam) &&
        mapOptionalU32(O, "receiver_param_uses", Out.ReceiverParamUses) &&
        O.mapOptional("derived_caller", Out.DerivedCaller) &&
        O.mapOptional("service_test", Out.ServiceTest) &&
        O.mapOptional("test_name", Out.TestName) &&
        O.mapOptional("service_test_calls_more", Out.ServiceTestCallsMore) &&
        O.mapOptional("class_header", Out.ClassHeader) &&
        O.mapOptional("inactive", Out.Inactive)))
    return false;
  Out.Macro.clear();
  Out.MacroDefinition = SourceSpan();
  Out.MacroArgs.clear();
  Out.MacroReceiverParam = Out.MacroReceiverArg = SourceSpan();
  if (!Out.InMacro)
    return true;
  std::optional<SourceSpan> Definition;
  if (!(O.map("macro", Out.Macro) && O.map("macro_definition", Definition) &&
        O.map("macro_args", Out.MacroArgs) &&
        O.mapOptional("macro_receiver_param", Out.MacroReceiverParam) &&
        O.mapOptional("macro_receiver_arg", Out.MacroReceiverArg)))
    return false;
  Out.MacroDefinition = Definition.value_or(SourceSpan());
  return true;
}

bool fromJSON(const Value &E, LocalConstantSite &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("decl", Out.Decl) &&
         O.map("namespace", Out.Namespace) && O.mapOptional("member", Out.Member) &&
         O.mapOptional("initializer", Out.Initializer);
}

bool fromJSON(const Value &E, Service &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("name", Out.Name) && O.map("namespace", Out.Namespace) &&
         O.map("header", Out.Header) && O.map("source", Out.Source) &&
         O.map("loc", Out.Loc) && O.map("kept_methods", Out.KeptMethods) &&
         O.map("registry_field", Out.RegistryField) &&
         O.map("registry_init", Out.RegistryInit) &&
         O.mapOptional("registry_param", Out.RegistryParam) &&
         O.map("header_names", Out.HeaderNames) &&
         O.map("local_constants", Out.LocalConstants) &&
         O.mapOptional("effects", Out.Effects);
}

bool fromJSON(const Value &E, Catalog &Out, Path P) {
  ObjectMapper O(E, P);
  return O && O.map("service", Out.TheService) &&
         O.map("interfaces", Out.Interfaces) &&
         O.map("test_doubles", Out.TestDoubles) && O.map("metrics", Out.Metrics) &&
         O.map("wrappers", Out.Wrappers) &&
         O.map("injection_points", Out.InjectionPoints) &&
         O.map("call_sites", Out.CallSites);
}

} // namespace mm
