#include "services/container.h"

namespace shop {

Container::Container()
    : plain_("plain"),
      temporary_(KitService("temporary")),
      braced_(KitService{"braced"}),
      unique_(std::make_unique<KitService>("unique")),
      shared_(std::make_shared<KitService>("shared")),
      raw_(new KitService("raw")) {
  pooled_.emplace_back("pooled");
}

Container::~Container() { delete raw_; }

void Container::BuildAll() {
  plain_.Build();
  temporary_.Build();
  braced_.Build();
  unique_->Build();
  shared_->Build();
  raw_->Build();
  for (KitService& kit : pooled_) kit.Build();
}

}  // namespace shop
