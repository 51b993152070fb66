//===--- TemplateNotation.h - Wrapper templates as the tests write them ---===//
//
// The tests write a BodyTemplate on one line: text, with `${param:NAME}`,
// `${field:NAME}`, `${metric:NAME}` and `${local:NAME}` for its holes. This notation exists
// only here; the tool itself never reads or writes it.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TESTS_TEMPLATENOTATION_H
#define METRICS_MIGRATE_TESTS_TEMPLATENOTATION_H

#include "core/BodyTemplate.h"

#include <string>

namespace mm {

inline constexpr std::pair<TemplatePiece::Kind, const char *> NotationKinds[] = {
    {TemplatePiece::Kind::Param, "param"},
    {TemplatePiece::Kind::Field, "field"},
    {TemplatePiece::Kind::Metric, "metric"},
    {TemplatePiece::Kind::Local, "local"},
};

/// \p Notation as a template.
inline BodyTemplate tmpl(llvm::StringRef Notation) {
  BodyTemplate Out;
  while (!Notation.empty()) {
    size_t Open = Notation.find("${");
    Out.appendText(Notation.take_front(Open));
    if (Open == llvm::StringRef::npos)
      break;
    Notation = Notation.drop_front(Open + 2);
    size_t Close = Notation.find('}');
    auto [Kind, Name] = Notation.take_front(Close).split(':');
    for (const auto &[K, Spelling] : NotationKinds)
      if (Kind == Spelling)
        Out.appendHole(K, Name);
    Notation = Notation.drop_front(Close + 1);
  }
  return Out;
}

/// \p T in the notation.
inline std::string notation(const BodyTemplate &T) {
  std::string Out;
  for (const TemplatePiece &Piece : T) {
    if (!Piece.isHole()) {
      Out += Piece.Value;
      continue;
    }
    for (const auto &[K, Spelling] : NotationKinds)
      if (K == Piece.K)
        Out += "${" + std::string(Spelling) + ":" + Piece.Value + "}";
  }
  return Out;
}

} // namespace mm

#endif // METRICS_MIGRATE_TESTS_TEMPLATENOTATION_H
