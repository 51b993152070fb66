//===--- TestRecorder.h - Test doubles in use -------------------*- C++ -*-===//
//
// Records what the test rewrite needs: every variable or field holding the
// service, an interface or a test double, with all its uses; every gmock
// expectation on a double (`EXPECT_CALL(m, Wrapper(args)).Times(n)`), with
// its arguments as written and the end of its block; and using-declarations
// naming a double. Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_TESTRECORDER_H
#define METRICS_MIGRATE_MATCHERS_TESTRECORDER_H

#include "matchers/UseRecorder.h"
#include "matchers/Recorder.h"

namespace mm {

/// The recorder of the tests' uses, writing into \p Out.Scan as it matches.
std::unique_ptr<Recorder> testUseRecorder(const InterfaceSet &Set, const Locator &Loc,
                                          TUFacts &Out);
/// Runs it alone over \p Ctx.
void recordTestUses(clang::ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                    TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_TESTRECORDER_H
