#include "services/pick_list_report_service.h"

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace partshop {

PickListReportService::PickListReportService(
    const KitPickListService& pick_lists, MetricsServiceProtocol& metrics)
    : pick_lists_(pick_lists), metrics_(metrics) {}

std::string PickListReportService::RenderText(int pick_list_id) {
  const auto start = std::chrono::system_clock::now();
  const PickList& pick_list = GetOrThrow(pick_list_id);

  std::ostringstream out;
  out << "Pick list #" << pick_list.id << " (kit " << pick_list.kit_id << ", "
      << pick_list.units << " units)\n";
  for (const auto& line : pick_list.lines) {
    out << (line.picked ? "[x] " : "[ ] ") << line.part_number << " x"
        << line.quantity << " @ "
        << (line.location.empty() ? "?" : line.location) << "\n";
  }

  const double elapsed =
      std::chrono::duration<double>(std::chrono::system_clock::now() - start)
          .count();
  metrics_.RecordPickListReportGenerated("text", elapsed);
  return out.str();
}

std::string PickListReportService::RenderCsv(int pick_list_id) {
  const auto start = std::chrono::steady_clock::now();
  const PickList& pick_list = GetOrThrow(pick_list_id);

  std::ostringstream out;
  out << "part_number,location,quantity,picked\n";
  for (const auto& line : pick_list.lines) {
    out << line.part_number << "," << line.location << "," << line.quantity
        << "," << (line.picked ? "yes" : "no") << "\n";
  }

  metrics_.RecordPickListReportGenerated(
      "csv",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return out.str();
}

const PickList& PickListReportService::GetOrThrow(int pick_list_id) const {
  const PickList* pick_list = pick_lists_.GetPickList(pick_list_id);
  if (pick_list == nullptr) {
    throw std::out_of_range("unknown pick list " +
                            std::to_string(pick_list_id));
  }
  return *pick_list;
}

}  // namespace partshop
