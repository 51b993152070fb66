#include "services/importer.h"

namespace shop {

Importer::Importer(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void Importer::ImportDefaults() {
  Import(PartRow{"resistor"});
  Import(SupplierRow{"mouser"});
}

}  // namespace shop
