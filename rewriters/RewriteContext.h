//===--- RewriteContext.h - State shared by the rewrite rules ---*- C++ -*-===//
//
// Internal to rewriters/: the inputs, a cache of file text, the edits and
// manual items being collected, and the per-file blocks to insert at the top
// of a namespace (definitions, declarations, helpers), which are joined into
// one insertion per file at the end so they never collide.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_REWRITECONTEXT_H
#define METRICS_MIGRATE_REWRITERS_REWRITECONTEXT_H

#include "rewriters/Rewrite.h"

#include <array>
#include <map>
#include <set>

namespace mm {

struct RewriteContext {
  const Catalog &C;
  const Facts &F;
  const Plan &P;
  const FileReader &Read;
  RewriteResult Result;
  std::map<std::string, std::string> Texts;
  /// Blocks to insert at the top of the namespace for new code
  /// (Plan::namespaceIn), per file, in
  /// order: [0] file-local constants, [1] definitions and declarations,
  /// [2] file-local helpers.
  enum Slot { LocalConstants, Definitions, Helpers };
  std::map<std::string, std::array<std::vector<std::string>, 3>> Preamble;
  /// (file, name) of helpers and constants already placed.
  std::set<std::pair<std::string, std::string>> Placed;

  /// Places each of \p Constants in \p File once.
  void constants(const std::string &File, const std::map<std::string, std::string> &Constants);

  RewriteContext(const Catalog &C, const Facts &F, const Plan &P, const FileReader &Read)
      : C(C), F(F), P(P), Read(Read) {}

  /// The text of \p File, read once.
  llvm::Expected<const std::string &> text(const std::string &File);

  void edit(const std::string &File, unsigned Offset, unsigned Length, std::string Text,
            std::string Origin);
  /// The edits made so far in \p File when the rules edited it in place;
  /// null when they did not touch it (its uses are as they were), or
  /// replace or delete it whole.
  const std::vector<Edit> *editsInPlace(const std::string &File) const {
    auto It = Result.Edits.Files.find(File);
    if (It == Result.Edits.Files.end() || It->second.NewContent || It->second.Delete)
      return nullptr;
    return &It->second.Edits;
  }
  /// Whether the rules replace or delete \p File whole (no edit in place
  /// can be added to it).
  bool replacedWhole(const std::string &File) const {
    auto It = Result.Edits.Files.find(File);
    return It != Result.Edits.Files.end() && (It->second.NewContent || It->second.Delete);
  }
  void include(const std::string &File, std::string Spelling);
  /// Includes in \p File each header of \p Needed (Metric and
  /// Wrapper::Includes) one of whose names \p Texts, the code copied
  /// there, spells: a spelled one as it is, a project path spelled from
  /// \p File.
  void includeNeeded(const std::string &File, const std::vector<NeededHeader> &Needed,
                     llvm::ArrayRef<llvm::StringRef> Texts);
  /// Makes \p M's chain rebuilt on the plan's registry (rebuiltChain), as
  /// \p Landing spells it, compile in \p File: the registry's, the kind's
  /// and the family's headers, the file-local constants it uses and the
  /// headers those name.
  void chainIn(const std::string &File, const Metric &M, llvm::StringRef Landing);
  void manual(const SourceSpan &Where, std::string What, std::string Why, LeftBecause Cause,
              ManualSubject Subject = ManualSubject::Other);
};

llvm::Error defineMetrics(RewriteContext &Ctx);
llvm::Error inlineCalls(RewriteContext &Ctx);
llvm::Error stripInjection(RewriteContext &Ctx);
llvm::Error gutService(RewriteContext &Ctx);
llvm::Error rewriteTests(RewriteContext &Ctx);
/// Tests of the service's own wrappers whose bodies the plan replaces.
llvm::Error rewriteServiceTests(RewriteContext &Ctx);
/// Absolute readings of accumulating metrics in tests become changes; needs
/// the edits of the rules rewriting calls (inlineCalls, rewriteTests).
llvm::Error deltaAssertions(RewriteContext &Ctx);
/// Recordings of a service compiled in one configuration only, put under
/// its condition (Plan::Optional).
llvm::Error underCondition(RewriteContext &Ctx);
/// Lambda captures of `this` that only reached stripped fields.
llvm::Error dropCaptures(RewriteContext &Ctx);
/// Needs the edits of every rule that removes uses of the service's
/// file-local constants (gutService, rewriteTests).
llvm::Error dropLocalConstants(RewriteContext &Ctx);
/// The service's metric headers (`<prometheus/counter.h>`...,
/// `<prometheus/family.h>`) no kind left in it needs. Needs the edits of
/// gutService and dropLocalConstants: a nested name such as
/// `prometheus::Histogram::BucketBoundaries` left in the source keeps its
/// header.
llvm::Error dropMetricHeaders(RewriteContext &Ctx);
/// Needs every other rule's edits to know which uses went.
llvm::Error removeUnusedHolders(RewriteContext &Ctx);
/// Declarations of the service the migration left unused; needs every other
/// rule's edits, removeUnusedHolders' too.
llvm::Error dropForwardDeclarations(RewriteContext &Ctx);

/// The registries the service is built on outside its own code (a test's
/// `std::make_shared<prometheus::Registry>()`, directly or through a
/// function handing its parameter on): with the service's own, they become
/// the process-wide registry. None when the service's is not rewritten.
std::vector<SourceSpan> givenRegistries(const RewriteContext &Ctx);
/// Assertions on what a given registry holds as a whole (its number of
/// families, a family's absence): on the process-wide registry they no
/// longer describe the service, so they go, each listed among the test
/// rewrites. Needs nothing of the other rules.
llvm::Error dropRegistryShapes(RewriteContext &Ctx);

/// `<prometheus/counter.h>` and friends for a kind.
std::string kindHeader(MetricKind K);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_REWRITECONTEXT_H
