//===--- BodyTemplate.h - A wrapper's body with holes, as data --*- C++ -*-===//
//
// A wrapper's body as the scan read it: pieces of text as written, and holes
// where it names one of the wrapper's parameters or one of the service's
// metrics. The matchers make it from the body's AST; the catalog turns field
// holes into metric holes; the planner fills the holes (inlined calls,
// helper functions); the expectation reader and the review look at them.
// No stage parses it out of a string.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_BODYTEMPLATE_H
#define METRICS_MIGRATE_CORE_BODYTEMPLATE_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <tuple>
#include <vector>

namespace mm {

struct TemplatePiece {
  enum class Kind {
    Text,  ///< Written as it stands.
    Param, ///< A use of the wrapper's parameter named Value.
    /// A use of the service's metric field named Value: one translation
    /// unit's facts; the catalog makes it a Metric hole.
    Field,
    /// A use of the metric Value: its Prometheus name, or `name#childField`
    /// for a child the service kept in a field of its own.
    Metric,
    /// A use of the local named Value that a label switch of the body sets
    /// (LabelSwitch).
    Local,
  };
  Kind K = Kind::Text;
  std::string Value;

  bool isHole() const { return K != Kind::Text; }
  friend bool operator==(const TemplatePiece &A, const TemplatePiece &B) {
    return std::tie(A.K, A.Value) == std::tie(B.K, B.Value);
  }
};

/// Pieces in order; two text pieces are never next to each other.
class BodyTemplate {
public:
  void appendText(llvm::StringRef Text);
  void appendHole(TemplatePiece::Kind K, llvm::StringRef Name);
  void append(const TemplatePiece &Piece);
  void append(const BodyTemplate &Other);
  /// Without the whitespace at either end.
  void trim();

  bool empty() const { return Pieces.empty(); }
  const std::vector<TemplatePiece> &pieces() const { return Pieces; }
  std::vector<TemplatePiece>::const_iterator begin() const { return Pieces.begin(); }
  std::vector<TemplatePiece>::const_iterator end() const { return Pieces.end(); }

  /// How often the hole of kind \p K named \p Name occurs.
  unsigned uses(TemplatePiece::Kind K, llvm::StringRef Name) const;
  /// The text of the pieces from the \p From th on, each hole spelled by
  /// its name: what a search for the words the body names reads.
  std::string withHolesNamed(size_t From = 0) const;

  friend bool operator==(const BodyTemplate &A, const BodyTemplate &B) {
    return A.Pieces == B.Pieces;
  }

private:
  std::vector<TemplatePiece> Pieces;
};

} // namespace mm

#endif // METRICS_MIGRATE_CORE_BODYTEMPLATE_H
