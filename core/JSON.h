//===--- JSON.h - The JSON form of the shared vocabulary --------*- C++ -*-===//
//
// llvm::json conversions for Catalog and its parts. Keys are fixed and
// arrays keep the (sorted) order of the data, so the same catalog always
// prints the same bytes. The schema is documented in README.md.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_JSON_H
#define METRICS_MIGRATE_CORE_JSON_H

#include "core/Types.h"

#include "llvm/Support/JSON.h"

namespace mm {

llvm::json::Value toJSON(const SourceSpan &S);
llvm::json::Value toJSON(const Metric &M);
llvm::json::Value toJSON(const Param &P);
llvm::json::Value toJSON(const Wrapper &W);
llvm::json::Value toJSON(const Interface &I);
llvm::json::Value toJSON(const TestDouble &D);
llvm::json::Value toJSON(const InjectionPoint &P);
llvm::json::Value toJSON(const CallSite &C);
llvm::json::Value toJSON(const LocalConstantSite &L);
llvm::json::Value toJSON(const Service &S);
llvm::json::Value toJSON(const Catalog &C);
llvm::json::Value toJSON(const ArgumentSite &A);
llvm::json::Value toJSON(const MemberInit &I);
llvm::json::Value toJSON(const NullGuard &G);
llvm::json::Value toJSON(const ThisCapture &T);
llvm::json::Value toJSON(const ServiceVar &V);
llvm::json::Value toJSON(const Expectation &E);
llvm::json::Value toJSON(const DoubleMention &D);
llvm::json::Value toJSON(const MethodDecl &M);
llvm::json::Value toJSON(const Registration &R);
llvm::json::Value toJSON(const WallClockRead &W);
llvm::json::Value toJSON(const RecordBeforeFailure &R);
llvm::json::Value toJSON(const Facts &F);

/// Pretty-prints \p V with two-space indentation and a final newline.
void printJSON(llvm::raw_ostream &OS, const llvm::json::Value &V);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_JSON_H
