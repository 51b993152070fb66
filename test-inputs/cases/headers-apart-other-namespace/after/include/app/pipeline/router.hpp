#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include <cstddef>
#include <string>

namespace app::pipeline {

extern prometheus::Family<prometheus::Histogram>& APP_BATCH_SIZE;

extern prometheus::Family<prometheus::Counter>& APP_RECORDS_ROUTED_TOTAL;

class Router {
 public:
  Router();

  void route(const std::string& topic, std::size_t records);

 private:
  std::size_t m_routed = 0;
};

}  // namespace app::pipeline
