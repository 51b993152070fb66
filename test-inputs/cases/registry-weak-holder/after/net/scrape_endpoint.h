#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include <prometheus/collectable.h>

namespace arcade {

// Serves what is attached for as long as its owners keep it, as
// prometheus::Exposer does: it holds weak pointers only.
class scrape_endpoint
{
  public:
    void attach(const std::shared_ptr<prometheus::Collectable>& source)
    {
        sources_.push_back(source);
    }

    std::size_t live_sources() const
    {
        return static_cast<std::size_t>(
          std::count_if(sources_.begin(), sources_.end(), [](const auto& s) {
              return !s.expired();
          }));
    }

  private:
    std::vector<std::weak_ptr<prometheus::Collectable>> sources_;
};

} // namespace arcade
