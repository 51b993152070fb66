#include "api/parts_api.h"

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace partshop {
namespace {

std::string PartToJson(const Part& part) {
  std::ostringstream out;
  out << "{\"part_number\":\"" << part.part_number << "\",\"description\":\""
      << part.description << "\",\"category\":\"" << part.category
      << "\",\"location\":\"" << part.location
      << "\",\"quantity\":" << part.quantity << "}";
  return out.str();
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

Response HandleGetPart(InventoryService& inventory,
                       MetricsServiceProtocol& metrics,
                       const std::string& part_number) {
  const auto start = std::chrono::steady_clock::now();

  Response response;
  if (auto part = inventory.FindPart(part_number)) {
    response = {200, PartToJson(*part)};
  } else {
    response = {404, "{\"error\":\"part not found\"}"};
  }

  metrics.RecordPartsApiRequest("get_part",
                                response.status == 200 ? "ok" : "not_found");
  metrics.RecordPartsApiDuration("get_part", SecondsSince(start));
  return response;
}

Response HandleListParts(const InventoryService& inventory,
                         MetricsServiceProtocol& metrics) {
  const auto start = std::chrono::steady_clock::now();

  std::ostringstream body;
  body << "[";
  bool first = true;
  for (const Part& part : inventory.ListParts()) {
    body << (first ? "" : ",") << PartToJson(part);
    first = false;
  }
  body << "]";

  metrics.RecordPartsApiRequest("list_parts", "ok");
  metrics.RecordPartsApiDuration("list_parts", SecondsSince(start));
  return {200, body.str()};
}

Response HandleAdjustQuantity(InventoryService& inventory,
                              MetricsServiceProtocol& metrics,
                              const std::string& part_number, int quantity) {
  const auto start = std::chrono::steady_clock::now();

  Response response;
  try {
    const int updated = inventory.AdjustStock(part_number, quantity);
    response = {200, "{\"quantity\":" + std::to_string(updated) + "}"};
  } catch (const std::out_of_range&) {
    response = {404, "{\"error\":\"part not found\"}"};
  } catch (const std::invalid_argument& e) {
    response = {400, std::string("{\"error\":\"") + e.what() + "\"}"};
  }

  std::string status = "ok";
  if (response.status == 404) {
    status = "not_found";
  } else if (response.status == 400) {
    status = "bad_request";
  }
  metrics.RecordPartsApiRequest("adjust_quantity", status);
  metrics.RecordPartsApiDuration("adjust_quantity", SecondsSince(start));
  return response;
}

}  // namespace partshop
