#pragma once

#include <string>

namespace partshop {

struct Response {
  int status = 200;
  std::string body;
};

}  // namespace partshop
