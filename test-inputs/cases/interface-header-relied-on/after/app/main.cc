#include "net/uploader.h"

int main() {
  net::Uploader uploader;
  bool sent = uploader.Send(1024);
  bool refused = !uploader.Send(8192);
  return sent && refused ? 0 : 1;
}
