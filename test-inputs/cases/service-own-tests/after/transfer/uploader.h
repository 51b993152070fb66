#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>
#include <vector>

namespace transfer
{

extern prometheus::Family<prometheus::Counter> &SYNC_FAILURES_TOTAL;

extern prometheus::Counter &SYNC_UPLOADED_FILES_TOTAL;

class Uploader
{
  public:
    Uploader();

    // Uploads every file; an empty name fails. Returns how many went up.
    int upload(const std::vector<std::string> &files);
};

} // namespace transfer
