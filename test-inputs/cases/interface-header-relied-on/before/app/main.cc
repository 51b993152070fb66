#include "net/uploader.h"
#include "stats/prom_sink.h"

int main() {
  stats::PromSink sink;
  net::Uploader uploader(&sink);
  bool sent = uploader.Send(1024);
  bool refused = !uploader.Send(8192);
  return sent && refused ? 0 : 1;
}
