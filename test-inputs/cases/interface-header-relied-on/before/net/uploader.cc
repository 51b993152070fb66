#include "net/uploader.h"

namespace net {

bool Uploader::Send(std::size_t bytes) {
  if (bytes > kMaxChunkBytes) {
    sink_->ChunkRefused();
    return false;
  }
  sink_->ChunkSent(bytes);
  return true;
}

}  // namespace net
