#pragma once

#include <string>
#include <vector>

#include "stats/telemetry.h"

namespace transfer
{

class Uploader
{
  public:
    explicit Uploader(stats::TelemetrySink &sink);

    // Uploads every file; an empty name fails. Returns how many went up.
    int upload(const std::vector<std::string> &files);

  private:
    stats::TelemetrySink &sink_;
};

} // namespace transfer
