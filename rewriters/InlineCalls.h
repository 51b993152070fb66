//===--- InlineCalls.h - The three rules of inlineCalls ----------*- C++ -*-===//
//
// Internal to rewriters/. inlineCalls (RewriteContext.h) runs three rules in
// order, each handing the next what it did:
//   rewriteCallSites         InlineCalls.cpp: each call's new text
//   dropNullGuards           NullGuards.cpp: checks of the pointer around
//                            them, which may take those texts into theirs
//   nameOutUnusedParameters  UnusedParameters.cpp: receivers left unused
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_INLINECALLS_H
#define METRICS_MIGRATE_REWRITERS_INLINECALLS_H

#include "rewriters/RewriteContext.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mm {

/// What rewriteCallSites hands on: the edits are not made yet, since a null
/// check around a call may replace it whole.
struct CallRewrites {
  /// Each rewritten call's edit (and its macro argument's and parameter's),
  /// by file, with the span it replaces.
  std::map<std::string, std::vector<std::pair<SourceSpan, Edit>>> Calls;
  /// Calls that stay as they are, by file: a null check around one stays.
  std::map<std::string, std::vector<SourceSpan>> Staying;
};

/// What dropNullGuards hands on.
struct GuardsDropped {
  /// (file, offset) of the call edits a replaced check took into its own.
  std::set<std::pair<std::string, unsigned>> Consumed;
  /// The checks replaced by what they guarded.
  std::vector<SourceSpan> Replaced;
  /// Uses of a parameter (NullGuard::ReceiverParam, by file and offset)
  /// that went with a check.
  std::map<std::pair<std::string, unsigned>, unsigned> GoneWithChecks;
};

/// `file:line` of \p S, for an edit's origin.
std::string where(const SourceSpan &S);

llvm::Expected<CallRewrites> rewriteCallSites(RewriteContext &Ctx);
llvm::Expected<GuardsDropped> dropNullGuards(RewriteContext &Ctx, const CallRewrites &Calls);
llvm::Error nameOutUnusedParameters(RewriteContext &Ctx, const GuardsDropped &Guards);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_INLINECALLS_H
