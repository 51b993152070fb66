#pragma once

#include "shipper/sink.h"

#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>
#include <vector>

namespace shipper {

extern prometheus::Family<prometheus::Counter>& SHIPPER_BATCHES_SENT_TOTAL;

extern prometheus::Family<prometheus::Counter>& SHIPPER_SEND_FAILURES_TOTAL;

// Appends each batch to a file.
class FileSink : public Sink {
 public:
  explicit FileSink(std::string path);

  bool send(const std::vector<std::string>& lines) override;

 private:
  std::string path_;
};

}  // namespace shipper
