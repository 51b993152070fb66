//===--- Types.h - The vocabulary every stage shares ------------*- C++ -*-===//
//
// Plain data, no Clang AST: what the matchers learn about a codebase (Facts,
// per translation unit) and what the catalog stage makes of them (Catalog).
// One header per part: Span.h (where things are), Catalog.h (the service,
// its metrics, wrappers and calls), Scan.h (the other uses a rewrite must
// follow) and Files.h (file kinds and names). Their few functions are
// defined in Types.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_TYPES_H
#define METRICS_MIGRATE_CORE_TYPES_H

#include "core/Catalog.h"
#include "core/Files.h"
#include "core/Scan.h"
#include "core/Span.h"

#endif // METRICS_MIGRATE_CORE_TYPES_H
