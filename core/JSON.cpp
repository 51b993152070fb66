//===--- JSON.cpp - llvm::json conversions of the shared vocabulary -------===//

#include "core/JSON.h"

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

template <typename T> Array arrayOf(const std::vector<T> &Items) {
  Array A;
  for (const T &Item : Items)
    A.push_back(toJSON(Item));
  return A;
}

Array strings(const std::vector<std::string> &Items) {
  return Array(Items);
}

Object constants(const std::map<std::string, std::string> &C) {
  Object O;
  for (const auto &[Name, Definition] : C)
    O[Name] = Definition;
  return O;
}

} // namespace

Value toJSON(const SourceSpan &S) {
  return Object{{"file", S.File},     {"line", S.Line},
                {"column", S.Column}, {"offset", S.Offset},
                {"length", S.Length}};
}

Value toJSON(const NeededHeader &H) {
  return Object{{"header", H.Header}, {"names", strings(H.Names)}};
}

Value toJSON(const Metric &M) {
  Object Labels;
  for (const auto &[K, V] : M.ConstLabels)
    Labels[K] = V;
  Object O{{"name", M.Name},
           {"kind", toString(M.Kind)},
           {"help", M.Help},
           {"labels", strings(M.LabelNames)},
           {"const_labels", std::move(Labels)},
           {"buckets", Array(M.Buckets)},
           {"buckets_text", M.BucketsText},
           {"field", M.Field},
           {"field_type", M.FieldType},
           {"field_style", toString(M.Style)},
           {"init_style", toString(M.Init)},
           {"field_decl", toJSON(M.FieldDecl)},
           {"init_site", toJSON(M.InitSite)},
           {"builder", M.BuilderChain},
           {"registry_arg", M.RegistryArg}};
  if (M.RegisterAt)
    O["register_at"] = M.RegisterAt;
  if (!M.BuiltBy.empty())
    O["built_by"] = M.BuiltBy;
  O["child_args"] = M.ChildArgs ? Value(*M.ChildArgs) : Value(nullptr);
  O["local_constants"] = constants(M.LocalConstants);
  if (!M.Includes.empty())
    O["includes"] = arrayOf(M.Includes);
  O["family"] = M.Family ? Value(Object{{"field", M.Family->Field},
                                        {"field_decl", toJSON(M.Family->FieldDecl)},
                                        {"init_site", toJSON(M.Family->InitSite)},
                                        {"init_style", toString(M.Family->Init)}})
                         : Value(nullptr);
  Array Children;
  for (const ChildField &Ch : M.Children)
    Children.push_back(Object{{"field", Ch.Field},
                              {"args", Ch.Args},
                              {"pointer", Ch.Pointer},
                              {"field_decl", toJSON(Ch.FieldDecl)},
                              {"init_site", toJSON(Ch.InitSite)},
                              {"init_style", toString(Ch.Init)}});
  O["children"] = std::move(Children);
  Array Again;
  for (const AlsoSet &A : M.SetAgain)
    Again.push_back(Object{{"field", A.Field},
                           {"field_decl", toJSON(A.FieldDecl)},
                           {"init_site", toJSON(A.InitSite)},
                           {"init_style", toString(A.Init)}});
  O["set_again"] = std::move(Again);
  O["set_two_ways"] = M.SetTwoWays;
  if (!M.SetUp.empty()) {
    Array SetUp;
    for (const SetUpStatement &S : M.SetUp) {
      Array Uses;
      for (const auto &[Offset, Length] : S.FamilyUses)
        Uses.push_back(Object{{"offset", Offset}, {"length", Length}});
      SetUp.push_back(
          Object{{"site", toJSON(S.Site)}, {"text", S.Text}, {"family_uses", std::move(Uses)}});
    }
    O["set_up"] = std::move(SetUp);
  }
  if (M.OtherUse.valid())
    O["other_use"] = toJSON(M.OtherUse);
  if (!M.RuntimeRead.empty()) {
    O["runtime_read"] = M.RuntimeRead;
    O["runtime_read_at"] = toJSON(M.RuntimeReadAt);
  }
  return O;
}

Value toJSON(const Param &P) {
  Object O{{"name", P.Name}, {"type", P.Type}};
  O["default"] = P.Default.empty() ? Value(nullptr) : Value(P.Default);
  return O;
}

namespace {

/// A hole's key in a template's JSON form.
constexpr std::pair<TemplatePiece::Kind, const char *> HoleKeys[] = {
    {TemplatePiece::Kind::Param, "param"},
    {TemplatePiece::Kind::Field, "field"},
    {TemplatePiece::Kind::Metric, "metric"},
    {TemplatePiece::Kind::Local, "local"},
};

} // namespace

/// Text as a string, a hole as `{"param": NAME}` (or `field`, `metric`).
Value toJSON(const BodyTemplate &T) {
  Array A;
  for (const TemplatePiece &Piece : T) {
    if (!Piece.isHole()) {
      A.push_back(Piece.Value);
      continue;
    }
    for (const auto &[Kind, Key] : HoleKeys)
      if (Kind == Piece.K)
        A.push_back(Object{{Key, Piece.Value}});
  }
  return A;
}

Value toJSON(const CacheField &F) {
  return Object{{"field", F.Field}, {"decl", toJSON(F.Decl)}};
}

Value toJSON(const BodyRecording &R) {
  return Object{{"metric", R.Metric},
                {"labels", R.Labels ? toJSON(*R.Labels) : Value(nullptr)},
                {"op", R.Op},
                {"value", toJSON(R.Value)}};
}

Value toJSON(const ReturnGuard &G) {
  return Object{{"left", toJSON(G.Left)}, {"op", G.Op}, {"right", toJSON(G.Right)}};
}

Value toJSON(const LabelSwitch &S) {
  Array Cases;
  for (const LabelCase &Case : S.Cases)
    Cases.push_back(Object{{"label", Case.Label}, {"literal", Case.Literal}});
  return Object{{"param", S.Param}, {"variable", S.Variable}, {"cases", std::move(Cases)}};
}

Value toJSON(const Wrapper &W) {
  Object O{{"name", W.Name},
                {"signature", W.Signature},
                {"return_type", W.ReturnType},
                {"params", arrayOf(W.Params)},
                {"metrics", strings(W.Metrics)},
                {"body_kind", toString(W.Body)},
                {"body", W.BodyText},
                {"template", W.Template},
                {"recordings", arrayOf(W.Recordings)},
                {"guards", arrayOf(W.Guards)},
                {"label_switches", arrayOf(W.LabelSwitches)},
                {"other_branches", W.OtherBranches},
                {"overrides", W.Overrides},
                {"uses_service_state", W.UsesServiceState},
                {"dropped_caches", arrayOf(W.DroppedCaches)},
                {"local_constants", constants(W.LocalConstants)},
                {"decl", toJSON(W.Decl)},
                {"definition", toJSON(W.Definition)}};
  if (!W.Includes.empty())
    O["includes"] = arrayOf(W.Includes);
  if (!W.Operations.empty()) {
    Object Ops;
    for (const auto &[Metric, List] : W.Operations)
      Ops[Metric] = strings(List);
    O["operations"] = std::move(Ops);
  }
  return O;
}

Value toJSON(const MethodDecl &M) {
  return Object{{"signature", M.Signature}, {"loc", toJSON(M.Loc)}};
}

Value toJSON(const Interface &I) {
  return Object{{"name", I.Name},
                {"abstract", I.Abstract},
                {"loc", toJSON(I.Loc)},
                {"methods", arrayOf(I.Methods)}};
}

Value toJSON(const TestDouble &D) {
  return Object{{"name", D.Name},
                {"kind", toString(D.Kind)},
                {"base", D.Base},
                {"methods", strings(D.Methods)},
                {"loc", toJSON(D.Loc)},
                {"decls", arrayOf(D.Decls)}};
}

Value toJSON(const InjectionPoint &P) {
  Object O{{"kind", toString(P.Kind)}, {"owner", P.Owner},
           {"name", P.Name},           {"type", P.Type},
           {"interface", P.Interface}, {"holder", toString(P.How)},
           {"loc", toJSON(P.Loc)}};
  if (P.Kind != InjectionKind::Field) {
    O["index"] = P.Index;
    O["default"] = P.Default.empty() ? Value(nullptr) : Value(P.Default);
  }
  if (P.Kind == InjectionKind::ConstructorParam) {
    O["params"] = P.Params;
    O["explicit_at"] = P.ExplicitAt.valid() ? toJSON(P.ExplicitAt) : Value(nullptr);
  }
  return O;
}

Value toJSON(const CallSite &C) {
  Object O{{"file", C.Loc.File},
                {"line", C.Loc.Line},
                {"column", C.Loc.Column},
                {"offset", C.Loc.Offset},
                {"length", C.Loc.Length},
                {"wrapper", C.Wrapper},
                {"signature", C.Signature},
                {"receiver", C.Receiver},
                {"arrow", C.Arrow},
                {"args", strings(C.Args)},
                {"param_args", llvm::json::Array(C.ParamArgs)},
                {"enclosing_function", C.EnclosingFunction},
                {"module", C.Module},
                {"in_macro", C.InMacro},
                {"in_lambda", C.InLambda},
                {"in_template", C.InTemplate},
                {"in_test", C.InTest},
                {"address_taken", C.AddressTaken}};
  if (!C.Namespace.empty())
    O["namespace"] = C.Namespace;
  if (C.Statement.valid())
    O["statement"] = toJSON(C.Statement);
  if (C.StatementNeedsBraces)
    O["statement_needs_braces"] = true;
  if (!C.ArgumentLocals.empty()) {
    llvm::json::Array Locals;
    for (const CallSite::ArgumentLocal &L : C.ArgumentLocals) {
      llvm::json::Array Reads;
      for (const SourceSpan &S : L.Reads)
        Reads.push_back(toJSON(S));
      Locals.push_back(Object{{"decl", toJSON(L.Decl)}, {"reads", std::move(Reads)}});
    }
    O["argument_locals"] = std::move(Locals);
  }
  if (C.ReceiverParam.valid())
    O["receiver_param"] = toJSON(C.ReceiverParam);
  if (C.ReceiverParamUses)
    O["receiver_param_uses"] = C.ReceiverParamUses;
  if (!C.DerivedCaller.empty())
    O["derived_caller"] = C.DerivedCaller;
  if (C.ServiceTest.valid()) {
    O["service_test"] = toJSON(C.ServiceTest);
    O["test_name"] = C.TestName;
  }
  if (C.ServiceTestCallsMore)
    O["service_test_calls_more"] = true;
  if (!C.ClassHeader.empty())
    O["class_header"] = C.ClassHeader;
  if (C.Inactive)
    O["inactive"] = true;
  if (C.InMacro) {
    O["macro"] = C.Macro;
    O["macro_definition"] = C.MacroDefinition.valid() ? toJSON(C.MacroDefinition) : nullptr;
    O["macro_args"] = strings(C.MacroArgs);
    if (C.MacroReceiverParam.valid()) {
      O["macro_receiver_param"] = toJSON(C.MacroReceiverParam);
      O["macro_receiver_arg"] = toJSON(C.MacroReceiverArg);
    }
  }
  return O;
}

Value toJSON(const LocalConstantSite &L) {
  Object O{{"name", L.Name},
           {"decl", toJSON(L.Decl)},
           {"namespace", toJSON(L.Namespace)},
           {"member", L.Member}};
  if (L.Initializer.valid())
    O["initializer"] = toJSON(L.Initializer);
  return O;
}

Value toJSON(const Service &S) {
  Object O{{"name", S.Name},
           {"namespace", S.Namespace},
           {"header", S.Header},
           {"source", S.Source},
           {"loc", toJSON(S.Loc)},
           {"kept_methods", strings(S.KeptMethods)},
           {"registry_field", S.RegistryField},
           {"registry_init", toJSON(S.RegistryInit)},
           {"header_names", strings(S.HeaderNames)},
           {"local_constants", arrayOf(S.LocalConstants)}};
  if (S.RegistryParam.valid())
    O["registry_param"] = toJSON(S.RegistryParam);
  if (!S.Effects.empty())
    O["effects"] = strings(S.Effects);
  return O;
}

Value toJSON(const Catalog &C) {
  return Object{{"service", toJSON(C.TheService)},
                {"interfaces", arrayOf(C.Interfaces)},
                {"test_doubles", arrayOf(C.TestDoubles)},
                {"metrics", arrayOf(C.Metrics)},
                {"wrappers", arrayOf(C.Wrappers)},
                {"injection_points", arrayOf(C.InjectionPoints)},
                {"call_sites", arrayOf(C.CallSites)}};
}

Value toJSON(const ArgumentSite &A) {
  return Object{{"call", toJSON(A.Call)},     {"callee", A.Callee},
                {"form", A.Form},             {"index", A.Index},
                {"arg_text", A.ArgText},      {"arg", toJSON(A.Arg)},
                {"removal", toJSON(A.Removal)}, {"enclosing_function", A.EnclosingFunction}};
}

Value toJSON(const FunctionValue &V) {
  Object O{{"type", V.Type}, {"loc", toJSON(V.Loc)}};
  if (!V.Lambda.empty())
    O["lambda"] = V.Lambda;
  return O;
}

Value toJSON(const MemberInit &I) {
  Object O{{"owner", I.Owner}, {"field", I.Field}, {"init", toJSON(I.Init)},
           {"removal", toJSON(I.Removal)}};
  if (I.Creates)
    O["creates"] = true;
  return O;
}

Value toJSON(const NullGuard &G) {
  Object O{{"if", toJSON(G.If)},         {"body", toJSON(G.Body)},
           {"field", G.Field},            {"owner", G.Owner},
           {"early_return", G.EarlyReturn}, {"only_records", G.OnlyRecords}};
  if (!G.Helper.empty())
    O["helper"] = G.Helper;
  if (G.InBlock)
    O["in_block"] = true;
  if (G.UnderLabel)
    O["under_label"] = true;
  if (G.Conjunct.valid())
    O["conjunct"] = toJSON(G.Conjunct);
  if (G.ReceiverParam.valid()) {
    O["receiver_param"] = toJSON(G.ReceiverParam);
    O["receiver_param_uses"] = static_cast<int64_t>(G.ReceiverParamUses);
  }
  return O;
}

Value toJSON(const ThisCapture &T) {
  return Object{{"capture", toJSON(T.Capture)}, {"removal", toJSON(T.Removal)},
                {"owner", T.Owner},             {"fields", strings(T.Fields)},
                {"methods", strings(T.Methods)}, {"other_use", T.OtherUse}};
}

Value toJSON(const ServiceVar &V) {
  Object O{{"decl", toJSON(V.Decl)}, {"name", V.Name},         {"type", V.Type},
           {"double", V.Double},     {"is_field", V.IsField}, {"uses", arrayOf(V.Uses)}};
  if (V.Removal.valid())
    O["removal"] = toJSON(V.Removal);
  return O;
}

Value toJSON(const Expectation &E) {
  Object O{{"stmt", toJSON(E.Stmt)},  {"mock", E.Mock},
           {"wrapper", E.Wrapper},    {"args", strings(E.Args)},
           {"times", E.Times},        {"times_known", E.TimesKnown},
           {"scope_end", E.ScopeEnd}, {"test", E.Test}};
  if (!E.Namespace.empty())
    O["namespace"] = E.Namespace;
  return O;
}

Value toJSON(const DoubleMention &D) {
  return Object{{"decl", toJSON(D.Decl)}, {"double", D.Double}};
}

Value toJSON(const Registration &R) {
  return Object{{"name", R.Name},
                {"kind", toString(R.Kind)},
                {"help", R.Help},
                {"labels", strings(R.LabelNames)},
                {"loc", toJSON(R.Loc)},
                {"enclosing_function", R.EnclosingFunction}};
}

Value toJSON(const WallClockRead &W) {
  return Object{{"loc", toJSON(W.Loc)}, {"enclosing_function", W.EnclosingFunction}};
}

Value toJSON(const RecordBeforeFailure &R) {
  return Object{{"record", toJSON(R.Record)},
                {"failure", toJSON(R.Failure)},
                {"what", R.What},
                {"enclosing_function", R.EnclosingFunction}};
}

Value toJSON(const RegistryHandOff &R) {
  Object O{{"callee", R.Callee}, {"index", R.Index}};
  if (R.Init.valid())
    O["init"] = toJSON(R.Init);
  return O;
}

Value toJSON(const ForwardDeclaration &D) {
  return Object{{"class", D.Class}, {"decl", toJSON(D.Decl)}};
}

Value toJSON(const InterfaceMention &M) {
  return Object{{"interface", M.Interface}, {"name", M.Name}, {"loc", toJSON(M.Loc)}};
}

Value toJSON(const ConditionalRegion &R) {
  Object O{{"branch", toJSON(R.Branch)},
           {"condition", R.Condition},
           {"includes", strings(R.Includes)}};
  if (!R.DefinedIn.empty())
    O["defined_in"] = R.DefinedIn;
  return O;
}

Value toJSON(const ValueAssertion &A) {
  Object O{{"stmt", toJSON(A.Stmt)},         {"read", toJSON(A.Read)}, {"callee", A.Callee},
           {"literals", strings(A.Literals)}, {"methods", strings(A.Methods)},
           {"ready_at", A.ReadyAt}, {"sentinel", A.Sentinel}, {"body_start", A.BodyStart},
           {"test", A.Test}};
  if (A.Expected)
    O["expected"] = *A.Expected;
  return O;
}

Value toJSON(const RegistryShapeAssertion &A) {
  return Object{{"stmt", toJSON(A.Stmt)}, {"registry", toJSON(A.Registry)}, {"test", A.Test}};
}

Value toJSON(const ExpositionAssertion &A) {
  return Object{{"stmt", toJSON(A.Stmt)},       {"text", toJSON(A.Text)},
                {"literal", toJSON(A.Literal)}, {"line", A.Line},
                {"body_start", A.BodyStart},    {"test", A.Test}};
}

Value toJSON(const Facts &F) {
  Object Names;
  for (const auto &[File, List] : F.UpperSnakeNames)
    Names[File] = strings(List);
  Object Spellings;
  for (const auto &[File, Spelling] : F.IncludeSpellings)
    Spellings[File] = Spelling;
  Object O{{"service_vars", arrayOf(F.ServiceVars)},
                {"expectations", arrayOf(F.Expectations)},
                {"double_mentions", arrayOf(F.DoubleMentions)},
                {"argument_sites", arrayOf(F.ArgumentSites)},
                {"member_inits", arrayOf(F.MemberInits)},
                {"null_guards", arrayOf(F.NullGuards)},
                {"this_captures", arrayOf(F.ThisCaptures)},
                {"registrations", arrayOf(F.Registrations)},
                {"wall_clock_reads", arrayOf(F.WallClockReads)},
                {"records_before_failure", arrayOf(F.RecordsBeforeFailure)},
                {"files", strings(F.Files)},
                {"upper_snake_names", std::move(Names)}};
  if (!Spellings.empty())
    O["include_spellings"] = std::move(Spellings);
  if (!F.FunctionValues.empty())
    O["function_values"] = arrayOf(F.FunctionValues);
  if (!F.IncludeRoots.empty()) {
    Object Roots;
    for (const auto &[Root, Count] : F.IncludeRoots)
      Roots[Root] = static_cast<int64_t>(Count);
    O["include_roots"] = std::move(Roots);
  }
  if (!F.SearchRoots.empty()) {
    Object Roots;
    for (const auto &[File, Folders] : F.SearchRoots)
      Roots[File] = strings(Folders);
    O["search_roots"] = std::move(Roots);
  }
  if (!F.GivenRegistries.empty())
    O["given_registries"] = arrayOf(F.GivenRegistries);
  if (!F.ForwardDeclarations.empty())
    O["forward_declarations"] = arrayOf(F.ForwardDeclarations);
  if (!F.InterfaceMentions.empty())
    O["interface_mentions"] = arrayOf(F.InterfaceMentions);
  if (!F.ServiceNamespaceUses.empty())
    O["service_namespace_uses"] = arrayOf(F.ServiceNamespaceUses);
  if (!F.RegistryHandOffs.empty())
    O["registry_hand_offs"] = arrayOf(F.RegistryHandOffs);
  if (!F.ConditionalRegions.empty())
    O["conditional_regions"] = arrayOf(F.ConditionalRegions);
  if (!F.ValueAssertions.empty())
    O["value_assertions"] = arrayOf(F.ValueAssertions);
  if (!F.ExpositionAssertions.empty())
    O["exposition_assertions"] = arrayOf(F.ExpositionAssertions);
  if (!F.RegistryShapeAssertions.empty())
    O["registry_shape_assertions"] = arrayOf(F.RegistryShapeAssertions);
  return O;
}

Value toJSON(const TUFacts &F) {
  Object O{{"main_file", F.MainFile},
                {"parsed", F.Parsed},
                {"errors", strings(F.Errors)},
                {"saw_service", F.SawService},
                {"partial", toJSON(F.Partial)},
                {"scan", toJSON(F.Scan)},
                {"read_hashes", [&] {
                   Object Hashes;
                   for (const auto &[File, Hash] : F.ReadHashes)
                     Hashes[File] = Hash;
                   return Hashes;
                 }()}};
  if (F.TestTU) // written only when set, as the reader takes it as optional
    O["test_tu"] = true;
  return O;
}

void printJSON(llvm::raw_ostream &OS, const Value &V) {
  OS << llvm::formatv("{0:2}", V) << '\n';
}

//===----------------------------------------------------------------------===//
// Reading back
//===----------------------------------------------------------------------===//

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
         O.map("enclosing_function", Out.EnclosingFunction);
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
