//===--- JSON.h - The JSON form of the shared vocabulary --------*- C++ -*-===//
//
// llvm::json conversions for Catalog, Facts and TUFacts, both ways. Keys are
// fixed and arrays keep the (sorted) order of the data, so the same catalog
// always prints the same bytes. The schema is documented in README.md.
//
// The readers (fromJSON, readTUFacts) take facts written by another process
// (`scan --shard`, read back by `merge`), so their input is untrusted: a
// value of the wrong type, a missing key, an unknown enum name or an integer
// out of range is an error naming its JSON path, never a crash.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_JSON_H
#define METRICS_MIGRATE_CORE_JSON_H

#include "core/Facts.h"
#include "core/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace mm {

llvm::json::Value toJSON(const SourceSpan &S);
llvm::json::Value toJSON(const NeededHeader &H);
llvm::json::Value toJSON(const Metric &M);
llvm::json::Value toJSON(const Param &P);
llvm::json::Value toJSON(const BodyTemplate &T);
llvm::json::Value toJSON(const BodyRecording &R);
llvm::json::Value toJSON(const ReturnGuard &G);
llvm::json::Value toJSON(const LabelSwitch &S);
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
llvm::json::Value toJSON(const ConditionalRegion &R);
llvm::json::Value toJSON(const RecordBeforeFailure &R);
llvm::json::Value toJSON(const RegistryHandOff &R);
llvm::json::Value toJSON(const Facts &F);
llvm::json::Value toJSON(const TUFacts &F);

/// The inverse of toJSON. Every key toJSON always writes is required (keys
/// it writes only in some states, like a call site's `macro`, are required
/// in those states); unknown keys are ignored. Enums must be spelled as
/// toString() spells them, offsets and counts must fit 32 bits unsigned,
/// buckets must be finite. On failure the problem is reported through \p P
/// (see llvm::json::Path::Root) and false is returned; \p Out is then
/// partially filled.
bool fromJSON(const llvm::json::Value &V, MetricKind &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FieldStyle &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, InitStyle &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BodyKind &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, InjectionKind &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Holder &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, DoubleKind &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, SourceSpan &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, NeededHeader &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Metric &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Param &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BodyTemplate &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BodyRecording &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ReturnGuard &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, LabelCase &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, LabelSwitch &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Wrapper &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, MethodDecl &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Interface &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, TestDouble &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, InjectionPoint &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, CallSite &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, LocalConstantSite &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Service &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Catalog &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ArgumentSite &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, MemberInit &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, NullGuard &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ThisCapture &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ServiceVar &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Expectation &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, DoubleMention &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Registration &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, WallClockRead &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, ConditionalRegion &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, RecordBeforeFailure &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, RegistryHandOff &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Facts &Out, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, TUFacts &Out, llvm::json::Path P);

/// Deepest nesting of arrays and objects readTUFacts accepts; the facts
/// themselves need 7. Deeper text is refused before it is parsed (the
/// parser and Value's destructor recurse once per level).
inline constexpr unsigned MaxTUFactsDepth = 64;

/// Writes \p TUs as readTUFacts reads them: a JSON array, one object per TU.
void writeTUFacts(llvm::raw_ostream &OS, llvm::ArrayRef<TUFacts> TUs);

/// Parses \p JSONText, the contents of \p SourceName: a JSON array of
/// TUFacts objects. The error for malformed text is
/// `SOURCE: error: [line:col, byte=N]: what`; for a well-formed text that
/// is not such an array it is `SOURCE: error: WHAT at $[I].key[J]...`
/// (the JSON path of the first problem) followed by the offending TU with
/// the problem marked in a comment (Path::Root::printErrorContext).
llvm::Expected<std::vector<TUFacts>> readTUFacts(llvm::StringRef JSONText,
                                                 llvm::StringRef SourceName);

/// Pretty-prints \p V with two-space indentation and a final newline.
void printJSON(llvm::raw_ostream &OS, const llvm::json::Value &V);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_JSON_H
