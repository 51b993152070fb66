#pragma once

#include "shipper/sink.h"

#include <memory>
#include <string>
#include <vector>

namespace shipper {

// Drops every batch; refuses empty ones, as a real sink would.
class NullSink : public Sink {
 public:
  explicit NullSink(const std::string& target);

  bool send(const std::vector<std::string>& lines) override;
};

}  // namespace shipper
