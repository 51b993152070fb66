#include "net/link.h"

#include <utility>

namespace relay {

Link::Link(std::string pool, std::shared_ptr<Metrics> metrics)
    : pool_(std::move(pool)), metrics_(std::move(metrics)) {}

void Link::on_frame(const std::string& kind) {
  metrics_->count_frames({{"kind", kind}});
}

void Link::on_batch(int n) {
  prometheus::Labels tags{{"kind", "batch"}};
  metrics_->count_frames(tags, n);
  tags.emplace("pool", pool_);
  metrics_->count_frames(std::move(tags), n);
}

void Link::on_idle() {
  metrics_->count_frames();
  metrics_->set_peers(pool_, 0);
}

}  // namespace relay
