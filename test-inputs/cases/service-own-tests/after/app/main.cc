#include <prometheus/text_serializer.h>

#include <string>

#include "stats/telemetry.h"
#include "transfer/uploader.h"

int main()
{
    stats::Telemetry telemetry;
    transfer::Uploader uploader;
    if (uploader.upload({"a", "", "b"}) != 2) {
        return 1;
    }
    const std::string text =
        prometheus::TextSerializer().Serialize(telemetry.registry()->Collect());
    for (const char *line :
         {"sync_uploaded_files_total 2", "sync_failures_total{reason=\"empty-name\"} 1",
          "sync_backlog_files 0"}) {
        if (text.find(line) == std::string::npos) {
            return 2;
        }
    }
    return 0;
}
