#include <iostream>

#include "common/Ctx.h"
#include "reader/Reader.h"
#include "writer/Writer.h"

#ifdef WITH_PROMETHEUS
#include "metrics/MetricsPrometheus.h"
#endif /* WITH_PROMETHEUS */

int main() {
    ingest::Ctx ctx;
#ifdef WITH_PROMETHEUS
    ctx.metrics = new ingest::MetricsPrometheus();
#endif /* WITH_PROMETHEUS */

    ingest::Reader reader(&ctx);
    ingest::Writer writer(&ctx);
    const uint64_t bytes = reader.read(4);
    const bool ok = writer.write(4, true) && !writer.write(1, false);
    std::cout << bytes << " bytes, " << writer.written() << " blocks" << std::endl;
    return ok && bytes == 2048 && writer.written() == 4 ? 0 : 1;
}
