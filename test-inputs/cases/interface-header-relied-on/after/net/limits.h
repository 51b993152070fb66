#ifndef NET_LIMITS_H_
#define NET_LIMITS_H_

#include <cstddef>

namespace net {

// The largest chunk the peer accepts in one request.
inline constexpr std::size_t kMaxChunkBytes = 4096;

}  // namespace net

#endif  // NET_LIMITS_H_
