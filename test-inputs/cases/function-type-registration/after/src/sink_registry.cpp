#include "shipper/sink_registry.h"

#include <stdexcept>

namespace shipper {

std::map<std::string, SinkRegistry::Maker>& SinkRegistry::makers() {
  static std::map<std::string, Maker> all;
  return all;
}

void SinkRegistry::add(const std::string& scheme, Maker maker) {
  makers()[scheme] = std::move(maker);
}

std::unique_ptr<Sink> SinkRegistry::make(const std::string& scheme, const std::string& target) {
  auto found = makers().find(scheme);
  if (found == makers().end()) {
    throw std::invalid_argument("no sink for scheme " + scheme);
  }
  return found->second(target);
}

}  // namespace shipper
