//===--- BodyTemplate.cpp - A wrapper's body with holes, as data ----------===//

#include "core/BodyTemplate.h"

namespace mm {

void BodyTemplate::appendText(llvm::StringRef Text) {
  if (Text.empty())
    return;
  if (!Pieces.empty() && !Pieces.back().isHole())
    Pieces.back().Value += Text;
  else
    Pieces.push_back({TemplatePiece::Kind::Text, Text.str()});
}

void BodyTemplate::appendHole(TemplatePiece::Kind K, llvm::StringRef Name) {
  if (K == TemplatePiece::Kind::Text)
    appendText(Name);
  else
    Pieces.push_back({K, Name.str()});
}

void BodyTemplate::append(const TemplatePiece &Piece) { appendHole(Piece.K, Piece.Value); }

void BodyTemplate::append(const BodyTemplate &Other) {
  for (const TemplatePiece &Piece : Other.Pieces)
    append(Piece);
}

void BodyTemplate::trim() {
  if (!Pieces.empty() && !Pieces.front().isHole()) {
    Pieces.front().Value = llvm::StringRef(Pieces.front().Value).ltrim().str();
    if (Pieces.front().Value.empty())
      Pieces.erase(Pieces.begin());
  }
  if (!Pieces.empty() && !Pieces.back().isHole()) {
    Pieces.back().Value = llvm::StringRef(Pieces.back().Value).rtrim().str();
    if (Pieces.back().Value.empty())
      Pieces.pop_back();
  }
}

unsigned BodyTemplate::uses(TemplatePiece::Kind K, llvm::StringRef Name) const {
  unsigned N = 0;
  for (const TemplatePiece &Piece : Pieces)
    N += Piece.K == K && Piece.Value == Name;
  return N;
}

std::string BodyTemplate::withHolesNamed(size_t From) const {
  std::string Out;
  for (size_t I = From; I < Pieces.size(); ++I)
    Out += Pieces[I].Value;
  return Out;
}

} // namespace mm
