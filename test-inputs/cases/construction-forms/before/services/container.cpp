#include "services/container.h"

namespace shop {

Container::Container()
    : plain_("plain", metrics_),
      temporary_(KitService("temporary", metrics_)),
      braced_(KitService{"braced", metrics_}),
      unique_(std::make_unique<KitService>("unique", metrics_)),
      shared_(std::make_shared<KitService>("shared", metrics_)),
      raw_(new KitService("raw", metrics_)) {
  pooled_.emplace_back("pooled", metrics_);
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
