// Exercises every instrumented code path of partshop with fixed inputs and
// prints the resulting Prometheus exposition text, one sample per line,
// sorted. Useful for reviewing metric names/labels and for diffing the
// output between two versions of the code.
//
// With --serve it prints nothing of that: it serves the metrics service's
// registry on http://127.0.0.1:PORT/metrics as production does, prints
// "port PORT" once listening (the system picks the port), and serves until
// its standard input closes.

#include <algorithm>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <prometheus/exposer.h>

#include "api/metrics_api.h"
#include "api/parts_api.h"
#include "services/container.h"

namespace {

using partshop::Container;
using partshop::ContainerConfig;
using partshop::Part;

void ExerciseInventory(Container& c) {
  auto& inventory = c.inventory_service();
  inventory.RegisterPart(
      Part{"R-10K-0603", "10k resistor 0603 1%", "Resistors", "A1", 500, true});
  inventory.RegisterPart(Part{"C-100N-0603", "100nF capacitor 0603 X7R",
                              "Capacitors", "A2", 300, true});
  inventory.RegisterPart(
      Part{"LED-RED-0805", "red led 0805", "LEDs", "", 3, false});
  inventory.RegisterPart(Part{"MCU-ATMEGA328P",
                              "atmega328p microcontroller tqfp32",
                              "Microcontrollers", "B1", 12, false});

  inventory.FindPart("R-10K-0603");
  inventory.AddStock("R-10K-0603", 100);
  inventory.RemoveStock("C-100N-0603", 20);
  try {
    inventory.RemoveStock("LED-RED-0805", 10);
  } catch (const std::runtime_error&) {
    // Expected: only 3 in stock.
  }
  inventory.AdjustStock("MCU-ATMEGA328P", 10);
  inventory.MoveStock("LED-RED-0805", "A3");
}

int ExerciseKits(Container& c) {
  auto& kits = c.kit_service();
  const int kit_id = kits.CreateKit("Arduino clone", 5);
  kits.AddContent(kit_id, "R-10K-0603", 4);
  kits.AddContent(kit_id, "C-100N-0603", 6);
  kits.AddContent(kit_id, "MCU-ATMEGA328P", 1);
  kits.AddContent(kit_id, "LED-RED-0805", 1);
  kits.UpdateContent(kit_id, "C-100N-0603", 5);
  kits.RemoveContent(kit_id, "LED-RED-0805");

  const std::vector<int> workshop = kits.CreateKitsFromTemplate("Workshop", 2);
  kits.ArchiveKit(workshop.back());
  kits.GetOverview();
  kits.BuildKit(kit_id, 1);
  return kit_id;
}

void ExercisePickLists(Container& c, int kit_id) {
  auto& pick_lists = c.kit_pick_list_service();
  const int pick_list_id = pick_lists.CreatePickList(kit_id, 2);
  pick_lists.PickLine(pick_list_id, 0);
  pick_lists.PickLine(pick_list_id, 1);
  pick_lists.UndoLine(pick_list_id, 1);

  c.pick_list_report_service().RenderText(pick_list_id);
  c.pick_list_report_service().RenderCsv(pick_list_id);
}

void ExerciseShoppingLists(Container& c, int kit_id) {
  auto& kit_lists = c.kit_shopping_list_service();
  auto& lines = c.shopping_list_line_service();

  kit_lists.PushKit(kit_id, "June order", 20);
  kit_lists.PushKit(999, "June order", 1);

  const int led_line =
      lines.AddLine("June order", "LED-RED-0805", 50, "Digikey");
  lines.MarkOrdered(led_line);
  lines.ReceiveLine(led_line);
  lines.MarkGroupOrdered("June order", "Mouser");

  kit_lists.UnlinkKit(kit_id, "June order");
}

void ExerciseConnections(Container& c) {
  auto& connections = c.connection_manager();
  connections.Connect("conn-1", "inventory");
  connections.Connect("conn-2", "inventory");
  connections.Connect("conn-3", "kits");
  connections.MarkStale("conn-2");
  connections.Broadcast("inventory", "part_updated");
  connections.Disconnect("conn-2");
}

void ExerciseTasks(Container& c) {
  auto& tasks = c.task_service();
  tasks.Submit("datasheet_import", [] {});
  tasks.Submit("report_export", [] { throw std::runtime_error("disk full"); });
  tasks.RunPending();
  // Left in the queue so that shutdown has something to report.
  tasks.Submit("datasheet_import", [] {});
}

void ExerciseAuth(Container& c) {
  auto& auth = c.auth_service();
  const std::string token = auth.IssueToken("alice", 2000);
  auth.Validate(token, 1000);
  auth.Validate(token, 3000);
  auth.Validate("not-a-token", 1000);

  auto& oidc = c.oidc_client_service();
  oidc.Discover();
  oidc.ExchangeCode("code-abc123");
  oidc.ExchangeCode("garbage");
}

void ExerciseIntegrations(Container& c) {
  c.ai_runner().AnalyzePart("10k resistor 0603 1%");
  c.ai_runner().AnalyzePart("");

  auto& duplicates = c.duplicate_search_service();
  duplicates.FindDuplicates("10k resistor 0603 5%");
  duplicates.FindDuplicates("10k resistor 0603 5%");
  duplicates.FindDuplicates("usb-c connector");

  auto& mouser = c.mouser_client();
  mouser.AddCatalogEntry({"556-ATMEGA328P-AU", "ATMEGA328P-AU", "Microchip",
                          "8-bit microcontroller 32KB flash", 2.65, 1200});
  mouser.SearchByPartNumber("ATMEGA328P-AU");
  mouser.SearchByPartNumber("DOES-NOT-EXIST");
  mouser.SearchByKeyword("microcontroller");
  mouser.SearchByPartNumber("ATMEGA328P-AU");  // over the window limit
}

void ExerciseApi(Container& c) {
  auto& inventory = c.inventory_service();
  auto& metrics = c.metrics();
  partshop::HandleGetPart(inventory, metrics, "R-10K-0603");
  partshop::HandleGetPart(inventory, metrics, "MISSING");
  partshop::HandleListParts(inventory, metrics);
  partshop::HandleAdjustQuantity(inventory, metrics, "C-100N-0603", 250);
  partshop::HandleAdjustQuantity(inventory, metrics, "MISSING", 1);
}

std::string MetricName(const std::string& line) {
  const auto end = line.find_first_of("{ ");
  return end == std::string::npos ? line : line.substr(0, end);
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Durations are real wall-clock measurements: their sums, and how many fall
// under each bucket boundary, depend on how busy the machine is, not on what
// the code did. Those values print as `elapsed`; the boundaries (`le`), the
// `+Inf` bucket and `_count` (how many were observed) stay exact.
std::string Normalize(const std::string& line) {
  if (line.empty() || line[0] == '#') {
    return line;
  }
  const std::string name = MetricName(line);
  const bool sum = EndsWith(name, "_seconds_sum");
  const bool bucket = EndsWith(name, "_seconds_bucket") &&
                      line.find("le=\"+Inf\"") == std::string::npos;
  if (!sum && !bucket) {
    return line;
  }
  return line.substr(0, line.rfind(' ') + 1) + "elapsed";
}

// What the service's /metrics endpoint serves, until stdin closes.
int Serve(Container& container) {
  prometheus::Exposer exposer{"127.0.0.1:0"};
  exposer.RegisterCollectable(container.metrics().registry());
  const std::vector<int> ports = exposer.GetListeningPorts();
  if (ports.empty()) {
    std::cerr << "dump_metrics: the exposer is not listening\n";
    return 1;
  }
  std::cout << "port " << ports.front() << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const bool serve = argc > 1 && std::string(argv[1]) == "--serve";
  ContainerConfig config;
  config.mouser_api_key = "demo-key";
  config.mouser_max_requests_per_window = 3;
  Container container(config);

  ExerciseInventory(container);
  const int kit_id = ExerciseKits(container);
  ExercisePickLists(container, kit_id);
  ExerciseShoppingLists(container, kit_id);
  ExerciseConnections(container);
  ExerciseTasks(container);
  ExerciseAuth(container);
  ExerciseIntegrations(container);
  ExerciseApi(container);

  container.metrics().PollOnce();
  container.shutdown_coordinator().Shutdown();
  if (serve) {
    return Serve(container);
  }

  std::istringstream exposition(
      partshop::HandleGetMetrics(container.metrics()));
  std::vector<std::string> lines;
  for (std::string line; std::getline(exposition, line);) {
    if (!line.empty()) {
      lines.push_back(Normalize(line));
    }
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& line : lines) {
    std::cout << line << "\n";
  }
  return 0;
}
