//===--- JSON.cpp - llvm::json conversions of the shared vocabulary -------===//

#include "core/JSON.h"

#include "llvm/Support/FormatVariadic.h"

namespace mm {

using llvm::json::Array;
using llvm::json::Object;
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
  O["child_args"] = M.ChildArgs ? Value(*M.ChildArgs) : Value(nullptr);
  O["local_constants"] = constants(M.LocalConstants);
  return O;
}

Value toJSON(const Param &P) {
  Object O{{"name", P.Name}, {"type", P.Type}};
  O["default"] = P.Default.empty() ? Value(nullptr) : Value(P.Default);
  return O;
}

Value toJSON(const Wrapper &W) {
  return Object{{"name", W.Name},
                {"signature", W.Signature},
                {"return_type", W.ReturnType},
                {"params", arrayOf(W.Params)},
                {"metrics", strings(W.Metrics)},
                {"body_kind", toString(W.Body)},
                {"body", W.BodyText},
                {"template", W.Template},
                {"overrides", W.Overrides},
                {"uses_service_state", W.UsesServiceState},
                {"local_constants", constants(W.LocalConstants)},
                {"decl", toJSON(W.Decl)},
                {"definition", toJSON(W.Definition)}};
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
                {"in_test", C.InTest}};
  if (C.InMacro) {
    O["macro"] = C.Macro;
    O["macro_definition"] = C.MacroDefinition.valid() ? toJSON(C.MacroDefinition) : nullptr;
    O["macro_args"] = strings(C.MacroArgs);
  }
  return O;
}

Value toJSON(const LocalConstantSite &L) {
  return Object{{"name", L.Name}, {"decl", toJSON(L.Decl)}, {"namespace", toJSON(L.Namespace)}};
}

Value toJSON(const Service &S) {
  return Object{{"name", S.Name},
                {"namespace", S.Namespace},
                {"header", S.Header},
                {"source", S.Source},
                {"loc", toJSON(S.Loc)},
                {"kept_methods", strings(S.KeptMethods)},
                {"registry_field", S.RegistryField},
                {"registry_init", toJSON(S.RegistryInit)},
                {"header_names", strings(S.HeaderNames)},
                {"local_constants", arrayOf(S.LocalConstants)}};
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

Value toJSON(const MemberInit &I) {
  return Object{{"owner", I.Owner}, {"field", I.Field}, {"init", toJSON(I.Init)},
                {"removal", toJSON(I.Removal)}};
}

Value toJSON(const NullGuard &G) {
  return Object{{"if", toJSON(G.If)},         {"body", toJSON(G.Body)},
                {"field", G.Field},            {"owner", G.Owner},
                {"early_return", G.EarlyReturn}, {"only_records", G.OnlyRecords}};
}

Value toJSON(const ThisCapture &T) {
  return Object{{"capture", toJSON(T.Capture)}, {"removal", toJSON(T.Removal)},
                {"owner", T.Owner},             {"fields", strings(T.Fields)},
                {"methods", strings(T.Methods)}, {"other_use", T.OtherUse}};
}

Value toJSON(const ServiceVar &V) {
  return Object{{"decl", toJSON(V.Decl)}, {"name", V.Name},         {"type", V.Type},
                {"double", V.Double},     {"is_field", V.IsField}, {"uses", arrayOf(V.Uses)}};
}

Value toJSON(const Expectation &E) {
  return Object{{"stmt", toJSON(E.Stmt)},      {"mock", E.Mock},
                {"wrapper", E.Wrapper},        {"args", strings(E.Args)},
                {"times", E.Times},            {"times_known", E.TimesKnown},
                {"scope_end", E.ScopeEnd},     {"test", E.Test}};
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

Value toJSON(const Facts &F) {
  Object Names;
  for (const auto &[File, List] : F.UpperSnakeNames)
    Names[File] = strings(List);
  return Object{{"service_vars", arrayOf(F.ServiceVars)},
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
}

void printJSON(llvm::raw_ostream &OS, const Value &V) {
  OS << llvm::formatv("{0:2}", V) << '\n';
}

} // namespace mm
