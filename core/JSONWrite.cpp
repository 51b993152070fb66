//===--- JSONWrite.cpp - The shared vocabulary as llvm::json --------------===//
//
// toJSON of Catalog, Facts, TUFacts and their parts, and printJSON. The
// readers are in JSONRead.cpp (the catalog and the types it shares) and
// JSONReadFacts.cpp (the scan facts, the facts file).
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
  return Object{{"loc", toJSON(W.Loc)},
                {"enclosing_function", W.EnclosingFunction},
                {"clock", W.Clock}};
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

} // namespace mm
