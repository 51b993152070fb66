//===--- Snippet.h - Run the matchers on a small in-memory TU ---*- C++ -*-===//

#ifndef METRICS_MIGRATE_TESTS_SNIPPET_H
#define METRICS_MIGRATE_TESTS_SNIPPET_H

#include "core/Config.h"
#include "core/Facts.h"
#include "core/Merge.h"

#include <string>

namespace mm::test {

/// The includes every snippet starts with (real prometheus-cpp headers).
extern const char *const PrometheusIncludes;

/// A minimal service with two metrics and two wrappers, to build on.
extern const char *const BasicService;

/// 1-based line of the first occurrence of \p Needle in \p Code.
unsigned lineOf(const std::string &Code, const std::string &Needle);

/// Runs FactsAction on \p Code as `/project/input.cc` (project root
/// `/project`) with the service class \p Service.
TUFacts factsFor(const std::string &Code,
                 const std::string &Service = "shop::MetricsService");

/// factsFor + buildCatalog; fails the test when the catalog cannot be built.
Catalog catalogFor(const std::string &Code,
                   const std::string &Service = "shop::MetricsService");

} // namespace mm::test

#endif
