//===--- JSONRead.h - What the JSON readers share ----------------*- C++ -*-===//
//
// Internal to core/: the readers of JSONRead.cpp and JSONReadFacts.cpp map
// unsigned integers alike, refusing what is not in [0, 2^32); they and the
// writer (JSONWrite.cpp) key a template's holes alike.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_JSONREAD_H
#define METRICS_MIGRATE_CORE_JSONREAD_H

#include "core/BodyTemplate.h"

#include "llvm/Support/JSON.h"

#include <utility>

namespace mm {

/// A hole's key in a template's JSON form.
inline constexpr std::pair<TemplatePiece::Kind, const char *> HoleKeys[] = {
    {TemplatePiece::Kind::Param, "param"},
    {TemplatePiece::Kind::Field, "field"},
    {TemplatePiece::Kind::Metric, "metric"},
    {TemplatePiece::Kind::Local, "local"},
};

/// The integer at \p Key, in [0, 2^32).
bool mapU32(llvm::json::ObjectMapper &O, llvm::StringLiteral Key, unsigned &Out);
/// The same, when present; \p Out unchanged otherwise.
bool mapOptionalU32(llvm::json::ObjectMapper &O, llvm::StringLiteral Key, unsigned &Out);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_JSONREAD_H
