#pragma once

#include "shipper/sink.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace shipper {

// Makes a sink from a URL scheme; each kind of sink registers its maker.
class SinkRegistry {
 public:
  using Maker = std::function<std::unique_ptr<Sink>(const std::string& target)>;

  static void add(const std::string& scheme, Maker maker);
  static std::unique_ptr<Sink> make(const std::string& scheme, const std::string& target);

 private:
  static std::map<std::string, Maker>& makers();
};

// `static SinkRegistration<FileSink> registration("file");` in a sink's file.
template <typename SinkT>
class SinkRegistration {
 public:
  explicit SinkRegistration(const char* scheme) {
    SinkRegistry::add(scheme, [](const std::string& target) {
      return std::make_unique<SinkT>(target);
    });
  }
};

}  // namespace shipper
