#include "services/importer.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& IMPORT_ROWS_TOTAL =
    prometheus::BuildCounter()
        .Name("import_rows_total")
        .Help("Rows imported, by kind")
        .Register(shop::metrics::DefaultRegistry());

Importer::Importer() {}

void Importer::ImportDefaults() {
  Import(PartRow{"resistor"});
  Import(SupplierRow{"mouser"});
}

}  // namespace shop
