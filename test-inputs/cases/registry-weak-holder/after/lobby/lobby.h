#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>

namespace arcade {

extern prometheus::Family<prometheus::Counter>& ARCADE_MATCHES_TOTAL;

class lobby
{
  public:
    lobby();

    void start_match(const std::string& mode);

  private:
    int started_ = 0;
};

} // namespace arcade
