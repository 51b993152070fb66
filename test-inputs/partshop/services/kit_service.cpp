#include "services/kit_service.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace partshop {

KitService::KitService(InventoryService& inventory,
                       MetricsServiceProtocol& metrics)
    : inventory_(inventory), metrics_(metrics) {}

int KitService::CreateKit(const std::string& name, int build_target) {
  if (name.empty()) {
    throw std::invalid_argument("kit name must not be empty");
  }
  Kit kit;
  kit.id = next_id_++;
  kit.name = name;
  kit.build_target = std::max(1, build_target);
  kits_[kit.id] = kit;

  metrics_.RecordKitCreated();
  PublishActiveCount();
  return kit.id;
}

std::vector<int> KitService::CreateKitsFromTemplate(
    const std::string& base_name, int copies) {
  std::vector<int> ids;
  for (int i = 1; i <= copies; ++i) {
    Kit kit;
    kit.id = next_id_++;
    kit.name = base_name + " #" + std::to_string(i);
    kits_[kit.id] = kit;
    ids.push_back(kit.id);
  }
  metrics_.RecordKitCreated(static_cast<int>(ids.size()));
  PublishActiveCount();
  return ids;
}

void KitService::ArchiveKit(int kit_id) {
  Kit& kit = GetOrThrow(kit_id);
  if (kit.archived) {
    return;
  }
  kit.archived = true;
  metrics_.RecordKitArchived();
  PublishActiveCount();
}

void KitService::AddContent(int kit_id, const std::string& part_number,
                            int required_per_unit) {
  Kit& kit = GetOrThrow(kit_id);
  if (!inventory_.FindPart(part_number)) {
    throw std::invalid_argument("unknown part " + part_number);
  }
  kit.contents.push_back({part_number, required_per_unit});
  metrics_.RecordKitContentUpdate("add");
}

void KitService::UpdateContent(int kit_id, const std::string& part_number,
                               int required_per_unit) {
  Kit& kit = GetOrThrow(kit_id);
  for (auto& content : kit.contents) {
    if (content.part_number == part_number) {
      content.required_per_unit = required_per_unit;
      metrics_.RecordKitContentUpdate("update");
      return;
    }
  }
  throw std::out_of_range("part " + part_number + " is not in kit");
}

void KitService::RemoveContent(int kit_id, const std::string& part_number) {
  Kit& kit = GetOrThrow(kit_id);
  auto it = std::remove_if(kit.contents.begin(), kit.contents.end(),
                           [&part_number](const KitContent& content) {
                             return content.part_number == part_number;
                           });
  if (it == kit.contents.end()) {
    return;
  }
  kit.contents.erase(it, kit.contents.end());
  metrics_.RecordKitContentUpdate("remove");
}

int KitService::BuildKit(int kit_id, int units) {
  Kit& kit = GetOrThrow(kit_id);
  if (kit.archived) {
    throw std::runtime_error("cannot build archived kit " + kit.name);
  }
  for (const auto& content : kit.contents) {
    if (inventory_.QuantityOf(content.part_number) <
        content.required_per_unit * units) {
      throw std::runtime_error("not enough " + content.part_number +
                               " to build " + kit.name);
    }
  }

  int consumed = 0;
  for (const auto& content : kit.contents) {
    const int needed = content.required_per_unit * units;
    if (inventory_.TryConsume(content.part_number, needed)) {
      consumed += needed;
    }
  }
  metrics_.RecordQuantityChange("kit_build", consumed);
  return consumed;
}

const Kit* KitService::GetKit(int kit_id) const {
  auto it = kits_.find(kit_id);
  return it == kits_.end() ? nullptr : &it->second;
}

KitOverview KitService::GetOverview() const {
  const auto start = std::chrono::steady_clock::now();

  KitOverview overview;
  for (const auto& entry : kits_) {
    if (entry.second.archived) {
      ++overview.archived;
    } else {
      ++overview.active;
      overview.active_names.push_back(entry.second.name);
    }
  }

  metrics_.RecordKitOverviewRequest(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return overview;
}

int KitService::ActiveKitCount() const {
  return static_cast<int>(
      std::count_if(kits_.begin(), kits_.end(),
                    [](const auto& entry) { return !entry.second.archived; }));
}

Kit& KitService::GetOrThrow(int kit_id) {
  auto it = kits_.find(kit_id);
  if (it == kits_.end()) {
    throw std::out_of_range("unknown kit " + std::to_string(kit_id));
  }
  return it->second;
}

void KitService::PublishActiveCount() {
  metrics_.SetActiveKitsCount(ActiveKitCount());
}

}  // namespace partshop
